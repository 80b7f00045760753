#include "server/query_queue.hpp"

#include <algorithm>

namespace policykg::server {

QueryQueue::QueryQueue(std::size_t running, std::size_t waiting)
    : max_running_(std::max<std::size_t>(running, 1)),
      max_per_client_(std::max<std::size_t>(max_running_ / 2, 1)),
      max_waiting_(waiting) {}

bool QueryQueue::may_run(const std::string& client) const {
  if (running_ >= max_running_) return false;
  auto it = running_per_client_.find(client);
  return it == running_per_client_.end() || it->second < max_per_client_;
}

void QueryQueue::grant(const std::string& client) {
  ++running_;
  ++running_per_client_[client];
}

QueryQueue::Admission QueryQueue::enter(const std::string& client, std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (may_run(client)) {
    grant(client);
    return Admission::Run;
  }
  if (waiting_.size() >= max_waiting_) return Admission::Full;
  Waiter me{client};
  waiting_.push_back(&me);
  changed_.wait_until(lock, deadline, [&me] { return me.granted; });
  if (me.granted) return Admission::Run;
  waiting_.remove(&me);
  return Admission::TimedOut;
}

void QueryQueue::leave(const std::string& client) {
  {
    std::lock_guard guard(mutex_);
    --running_;
    auto it = running_per_client_.find(client);
    if (it != running_per_client_.end() && --it->second == 0) running_per_client_.erase(it);
    // The first waiters, in order of arrival, whose client may run one more.
    for (auto w = waiting_.begin(); w != waiting_.end() && running_ < max_running_;) {
      if (!may_run((*w)->client)) {
        ++w;
        continue;
      }
      grant((*w)->client);
      (*w)->granted = true;
      w = waiting_.erase(w);
    }
  }
  changed_.notify_all();
}

std::size_t QueryQueue::waiting() {
  std::lock_guard guard(mutex_);
  return waiting_.size();
}

}  // namespace policykg::server
