// Huge pages for large arrays: a buffer of many megabytes that is filled and sorted (an index
// build's) or touched all over (a search's distances) is faulted in and walked 2 MB at a time
// instead of 4 KB (on Linux with transparent huge pages set to "madvise" or "always"), which at
// 10^7 triples takes about a fifth off an index build. Advice only: where the kernel gives none,
// nothing changes.
#pragma once

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

namespace policykg {

/// Asks for huge pages over the 2 MB-aligned part of [data, data + bytes), before it is touched.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

/// v.reserve(n), the new buffer advised before the elements are copied into it.
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  std::vector<T> bigger;
  bigger.reserve(n);
  advise_huge_pages(bigger.data(), n * sizeof(T));
  bigger.insert(bigger.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(bigger);
}

/// v.push_back(x), growing by doubling into advised buffers.
template <class T>
void push_back_huge(std::vector<T>& v, const T& x) {
  if (v.size() == v.capacity()) reserve_huge(v, std::max<std::size_t>(1024, 2 * v.capacity()));
  v.push_back(x);
}

/// n zeros of T, whose pages the kernel gives as they are first touched, with no fill: a search
/// of a graph of millions of terms touches only the parts of its arrays where the ids it meets
/// are. An array of a megabyte or more is mapped on its own, in whole huge pages: a search across
/// a hub reaches ids all over it, and on a virtual machine a fault for each of its small pages
/// costs more than the search itself (a huge page is zeroed at one fault; where the kernel gives
/// none, small pages serve as before).
template <class T>
class ZeroArray {
 public:
  explicit ZeroArray(std::size_t n) {
    constexpr std::size_t kHuge = std::size_t{2} << 20, kLarge = std::size_t{1} << 20;
    const std::size_t bytes = std::max<std::size_t>(n, 1) * sizeof(T);
    if (bytes < kLarge) {
      data_ = static_cast<T*>(std::calloc(bytes, 1));
      if (data_ == nullptr) throw std::bad_alloc();
      return;
    }
    // Whole huge pages, aligned to one: mapped with a huge page to spare, what is not needed unmapped.
    const std::size_t size = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = ::mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    const auto base = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t aligned = (base + kHuge - 1) / kHuge * kHuge;
    if (aligned > base) ::munmap(p, aligned - base);
    if (const std::uintptr_t tail = base + size + kHuge - (aligned + size); tail > 0)
      ::munmap(reinterpret_cast<void*>(aligned + size), tail);
    data_ = reinterpret_cast<T*>(aligned);
    mapped_ = size;
    advise_huge_pages(data_, size);
  }
  ~ZeroArray() {
    if (mapped_ != 0) ::munmap(data_, mapped_);
    else std::free(data_);
  }
  ZeroArray(const ZeroArray&) = delete;
  ZeroArray& operator=(const ZeroArray&) = delete;
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  /// Whether it is mapped on its own (a megabyte or more) rather than from the heap.
  bool mapped() const { return mapped_ != 0; }

 private:
  T* data_ = nullptr;
  std::size_t mapped_ = 0;  ///< bytes mapped at data_; 0: from calloc
};

}  // namespace policykg
