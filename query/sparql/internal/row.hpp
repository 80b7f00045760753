// Row: one solution, a term id per variable slot (0: unbound). A query's rows are as wide as it
// has variables, and most queries have few: up to Row::kInline ids are held in the row itself, so
// a vector of rows is one block of memory and making a row allocates nothing. A wider row keeps
// its ids on the heap, charged to the query's MemoryBudget as the vector holding it is. Internal
// to query/sparql/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "query/sparql/dataset.hpp"
#include "query/sparql/memory_budget.hpp"

namespace policykg::query {

class Row {
 public:
  static constexpr std::size_t kInline = 6;

  Row() noexcept = default;
  Row(std::size_t n, TermId value) {
    reserve(n);
    std::fill_n(data(), n, value);
    size_ = static_cast<std::uint32_t>(n);
  }
  Row(const Row& o) {
    reserve(o.size_);
    std::copy_n(o.data(), o.size_, data());
    size_ = o.size_;
  }
  Row(Row&& o) noexcept { take(o); }
  Row& operator=(const Row& o) {
    if (this != &o) {
      size_ = 0;
      reserve(o.size_);
      std::copy_n(o.data(), o.size_, data());
      size_ = o.size_;
    }
    return *this;
  }
  Row& operator=(Row&& o) noexcept {
    if (this != &o) {
      release();
      take(o);
    }
    return *this;
  }
  ~Row() { release(); }

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  TermId* data() noexcept { return on_heap() ? heap_ : inline_; }
  const TermId* data() const noexcept { return on_heap() ? heap_ : inline_; }
  TermId& operator[](std::size_t i) noexcept { return data()[i]; }
  TermId operator[](std::size_t i) const noexcept { return data()[i]; }
  TermId* begin() noexcept { return data(); }
  TermId* end() noexcept { return data() + size_; }
  const TermId* begin() const noexcept { return data(); }
  const TermId* end() const noexcept { return data() + size_; }

  void push_back(TermId v) {
    if (size_ == capacity_) reserve(std::max<std::size_t>(2 * capacity_, kInline));
    data()[size_++] = v;
  }

  friend bool operator==(const Row& a, const Row& b) noexcept {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  bool on_heap() const noexcept { return capacity_ > kInline; }
  /// Room for `n` ids, keeping the first size_.
  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    TermId* fresh = BudgetAllocator<TermId>{}.allocate(n);
    std::copy_n(data(), size_, fresh);
    release();
    heap_ = fresh;
    capacity_ = static_cast<std::uint32_t>(n);
  }
  void release() noexcept {
    if (on_heap()) BudgetAllocator<TermId>{}.deallocate(heap_, capacity_);
    capacity_ = kInline;
  }
  /// Takes `o`'s ids, leaving it empty; this row holds none.
  void take(Row& o) noexcept {
    size_ = o.size_;
    capacity_ = o.capacity_;
    if (o.on_heap()) heap_ = o.heap_;
    else std::copy_n(o.inline_, o.size_, inline_);
    o.size_ = 0;
    o.capacity_ = kInline;
  }

  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInline;
  union {
    TermId inline_[kInline];
    TermId* heap_;
  };
};

}  // namespace policykg::query
