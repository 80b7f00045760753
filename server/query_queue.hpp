// The queries of the SPARQL endpoint: at most `running` evaluated at once, and at most half of
// them (at least one) for one client address; at most `waiting` waiting for their turn, served
// in order of arrival among those whose client may run one more. A query beyond the queue is
// refused at once (503 with Retry-After), so that heavy queries wait among themselves, one client
// cannot take every slot, and pages and other requests are served meanwhile.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <map>
#include <mutex>
#include <string>

namespace policykg::server {

class QueryQueue {
 public:
  QueryQueue(std::size_t running, std::size_t waiting);

  enum class Admission { Run, Full, TimedOut };
  /// Takes a turn to run for `client`: at once if a slot is free to it, else waits in the queue
  /// (if it has room) until `deadline`. After Run, leave(client) must follow.
  Admission enter(const std::string& client, std::chrono::steady_clock::time_point deadline);
  void leave(const std::string& client);

  /// Queries waiting now.
  std::size_t waiting();
  std::size_t max_running() const { return max_running_; }
  std::size_t max_per_client() const { return max_per_client_; }

 private:
  struct Waiter {
    const std::string& client;
    bool granted = false;
  };
  bool may_run(const std::string& client) const;
  void grant(const std::string& client);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t running_ = 0;
  std::map<std::string, std::size_t> running_per_client_;
  std::list<Waiter*> waiting_;
  std::size_t max_running_;
  std::size_t max_per_client_;
  std::size_t max_waiting_;
};

}  // namespace policykg::server
