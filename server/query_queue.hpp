// The queries of the SPARQL endpoint: at most `running` evaluated at once, at most `waiting`
// waiting for their turn; a query beyond both is refused at once (503 with Retry-After), so that
// heavy queries wait among themselves while pages and other requests are served.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace policykg::server {

class QueryQueue {
 public:
  QueryQueue(std::size_t running, std::size_t waiting) : max_running_(running), max_waiting_(waiting) {}

  enum class Admission { Run, Full, TimedOut };
  /// Takes a turn to run: at once if a slot is free, else waits in the queue (if it has room)
  /// until `deadline`. After Run, leave() must follow.
  Admission enter(std::chrono::steady_clock::time_point deadline);
  void leave();

  /// Queries waiting now.
  std::size_t waiting() {
    std::lock_guard guard(mutex_);
    return waiting_;
  }
  std::size_t max_running() const { return max_running_; }
  std::size_t max_waiting() const { return max_waiting_; }

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t running_ = 0;
  std::size_t waiting_ = 0;
  std::size_t max_running_;
  std::size_t max_waiting_;
};

}  // namespace policykg::server
