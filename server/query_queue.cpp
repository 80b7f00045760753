#include "server/query_queue.hpp"

namespace policykg::server {

QueryQueue::Admission QueryQueue::enter(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (running_ < max_running_ && waiting_ == 0) {
    ++running_;
    return Admission::Run;
  }
  if (waiting_ >= max_waiting_) return Admission::Full;
  ++waiting_;
  bool turn = freed_.wait_until(lock, deadline, [this] { return running_ < max_running_; });
  --waiting_;
  if (!turn) return Admission::TimedOut;
  ++running_;
  return Admission::Run;
}

void QueryQueue::leave() {
  {
    std::lock_guard guard(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace policykg::server
