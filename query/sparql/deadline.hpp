// Deadline: the --timeout of a query, checked inside the evaluator's loops so that a long query
// really stops. Cheap to check: it reads the clock once every 1024 calls.
#pragma once

#include <chrono>
#include <cstdint>

namespace policykg::query {

class Deadline {
 public:
  Deadline() = default;
  /// A deadline `timeout` from now; 0 means none.
  explicit Deadline(std::chrono::milliseconds timeout);
  /// Throws Error(Query) "timed out after N ms" once the deadline has passed.
  void check() {
    if (enabled_ && (++ticks_ & 1023u) == 0) check_now();
  }
  void check_now() const;

 private:
  bool enabled_ = false;
  std::uint32_t ticks_ = 0;
  std::chrono::milliseconds timeout_{0};
  std::chrono::steady_clock::time_point end_{};
};

}  // namespace policykg::query
