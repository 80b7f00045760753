#include "server/worker_pool.hpp"

#include <algorithm>

namespace policykg::server {

WorkerPool::WorkerPool(std::size_t max_threads) : max_threads_(std::max<std::size_t>(max_threads, 1)) {}

void WorkerPool::post(std::function<void()> job) {
  {
    std::lock_guard guard(mutex_);
    jobs_.push_back(std::move(job));
    if (idle_ < jobs_.size() && threads_.size() < max_threads_) threads_.emplace_back([this] { work(); });
  }
  cond_.notify_one();
}

void WorkerPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard guard(mutex_);
    shutdown_ = true;
    threads.swap(threads_);
  }
  cond_.notify_all();
  for (auto& t : threads) t.join();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ++idle_;
      cond_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
      --idle_;
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace policykg::server
