// The threads that run the route handlers: started as needed up to a bound and kept; jobs beyond
// wait in order. The connections' I/O threads never run a handler, so a slow page or a query
// waiting for its turn holds a worker, never the sockets.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace policykg::server {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t max_threads);
  ~WorkerPool() { shutdown(); }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void post(std::function<void()> job);
  /// Runs the jobs already posted, then joins the threads.
  void shutdown();
  std::size_t max_threads() const { return max_threads_; }

 private:
  void work();

  std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool shutdown_ = false;
};

}  // namespace policykg::server
