// MemoryBudget: the --max-memory of one query. What grows with the data while a query runs is
// charged to it: the evaluator's solution rows and path pairs (allocated through
// BudgetAllocator), the terms the query computes (charged as they are interned), strings built
// by CONCAT, REPLACE and GROUP_CONCAT before they are built, and the result rows. Past the limit
// the query stops with Error(Query) "needs more than N MiB of memory", whatever the thread or the
// shape of the query; memory freed while it runs is given back to the budget.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>

namespace policykg::query {

class MemoryBudget {
 public:
  /// `limit` in bytes; 0: no limit (the use is still counted).
  explicit MemoryBudget(std::size_t limit = 0) : limit_(limit) {}

  /// Counts `bytes`; throws Error(Query) when that would pass the limit.
  void charge(std::size_t bytes) {
    require(bytes);
    used_ += bytes;
    if (used_ > peak_) peak_ = used_;
  }
  /// Throws as charge() would, without counting: for memory about to be taken and soon freed.
  void require(std::size_t bytes) const {
    if (limit_ && bytes > limit_ - std::min(used_, limit_)) exceeded();
  }
  void release(std::size_t bytes) noexcept { used_ -= std::min(used_, bytes); }

  std::size_t limit() const { return limit_; }
  std::size_t used() const { return used_; }
  std::size_t peak() const { return peak_; }

  /// Memory charged to the current thread's budget for the holder's lifetime.
  class Held {
   public:
    Held() noexcept : budget_(current()) {}
    ~Held() {
      if (budget_) budget_->release(bytes_);
    }
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;
    void charge(std::size_t bytes) {
      if (!budget_) return;
      budget_->charge(bytes);
      bytes_ += bytes;
    }

   private:
    MemoryBudget* budget_;
    std::size_t bytes_ = 0;
  };

  /// The budget of the query running on this thread, or null.
  static MemoryBudget* current() noexcept;

  /// Makes `budget` this thread's current budget for the scope's lifetime.
  class Scope {
   public:
    explicit Scope(MemoryBudget& budget) noexcept;
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    MemoryBudget* previous_;
  };

 private:
  [[noreturn]] void exceeded() const;

  std::size_t limit_;
  std::size_t used_ = 0;
  std::size_t peak_ = 0;
};

/// Throws as the current thread's budget would if `bytes` more were taken: before building
/// a value whose size is known in advance.
inline void require_memory(std::size_t bytes) {
  if (MemoryBudget* b = MemoryBudget::current()) b->require(bytes);
}

/// A fraction of this machine's physical memory, for a default --max-memory.
std::size_t physical_memory_fraction(double fraction);

/// std::allocator that charges the current thread's MemoryBudget (a block's size plus the
/// allocator's own overhead) and gives it back when the block is freed.
template <class T>
struct BudgetAllocator {
  using value_type = T;
  static constexpr std::size_t kOverhead = 16;  ///< what malloc keeps beside a block

  BudgetAllocator() = default;
  template <class U>
  BudgetAllocator(const BudgetAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (MemoryBudget* b = MemoryBudget::current()) b->charge(n * sizeof(T) + kOverhead);
    return std::allocator<T>{}.allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (MemoryBudget* b = MemoryBudget::current()) b->release(n * sizeof(T) + kOverhead);
    std::allocator<T>{}.deallocate(p, n);
  }
  template <class U>
  bool operator==(const BudgetAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace policykg::query
