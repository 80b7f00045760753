// parallel_sort: std::sort on several threads, for the large sorts of a corpus build (its terms
// and its triples) and of an index build. The range is cut into one run a thread, the runs are
// sorted at once, and neighbouring runs are merged pairwise, round after round, until one is left.
// Every merge is shared by the threads: its output is cut into equal spans, and where each span
// starts in the two runs is found by a binary search (the "merge path"), so each thread merges
// its own span into a buffer, and the last round, which merges the whole range, is not left to
// one thread. O(n log n / t) for the runs, then log2(t) rounds of O(n / t). The result is what
// std::sort gives whenever elements that compare equal are indistinguishable (as distinct terms
// and duplicate triples are), so it does not depend on the number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <thread>
#include <vector>

#include "core/huge_pages.hpp"

namespace policykg {

/// Below this many elements a run is not worth a thread.
inline constexpr std::size_t kParallelSortMinRun = 1 << 15;

/// How many of the first k elements of the merge of the sorted runs a[0, na) and b[0, nb) come
/// from a, when a's element goes first of two that compare equal (as std::merge takes them).
template <class It, class Less>
std::size_t merge_path_split(It a, std::size_t na, It b, std::size_t nb, std::size_t k, Less& less) {
  std::size_t lo = k > nb ? k - nb : 0, hi = std::min(k, na);
  while (lo < hi) {
    const std::size_t i = lo + (hi - lo) / 2;  // i < na and k - i >= 1
    if (!less(b[static_cast<std::ptrdiff_t>(k - i - 1)], a[static_cast<std::ptrdiff_t>(i)])) lo = i + 1;
    else hi = i;
  }
  return lo;
}

template <class It, class Less>
void parallel_sort(It first, It last, Less less, std::size_t threads) {
  using T = typename std::iterator_traits<It>::value_type;
  const auto n = static_cast<std::size_t>(std::distance(first, last));
  const std::size_t runs = std::min(threads, n / kParallelSortMinRun);
  if (runs <= 1) {
    std::sort(first, last, less);
    return;
  }
  auto at = [first](std::size_t i) { return first + static_cast<std::ptrdiff_t>(i); };
  // Span s, [bound(s), bound(s + 1)): run s, then a thread's share of each round's output.
  auto bound = [n, runs](std::size_t s) { return n * std::min(s, runs) / runs; };
  auto on_every_span = [runs](const auto& step) {
    std::vector<std::jthread> workers;
    for (std::size_t s = 1; s < runs; ++s) workers.emplace_back([&step, s] { step(s); });
    step(0);
  };
  on_every_span([&](std::size_t s) { std::sort(at(bound(s)), at(bound(s + 1)), less); });
  // Each round merges neighbouring runs into the buffer, then moves the buffer back; the threads
  // take equal spans of the round's output. Where every span starts and ends in its runs is found
  // before any merging, since merging moves elements out of the runs the searches read.
  const auto buffer = std::make_unique_for_overwrite<T[]>(n);
  advise_huge_pages(buffer.get(), n * sizeof(T));
  struct Part {
    std::size_t a, a_end, b, b_end, out;  // [a, a_end) and [b, b_end) merge into buffer + out
  };
  for (std::size_t width = 1; width < runs; width *= 2) {
    // Each span's parts: one for each merge of the round it overlaps.
    std::vector<std::vector<Part>> parts(runs);
    for (std::size_t i = 0; i < runs; i += 2 * width) {
      const std::size_t begin = bound(i), middle = bound(i + width), end = bound(i + 2 * width);
      const std::size_t na = middle - begin, nb = end - middle;
      for (std::size_t s = 0; s < runs; ++s) {
        const std::size_t lo = std::max(bound(s), begin), hi = std::min(bound(s + 1), end);
        if (lo >= hi) continue;
        const std::size_t i0 = merge_path_split(at(begin), na, at(middle), nb, lo - begin, less);
        const std::size_t i1 = merge_path_split(at(begin), na, at(middle), nb, hi - begin, less);
        parts[s].push_back({begin + i0, begin + i1, middle + (lo - begin - i0), middle + (hi - begin - i1), lo});
      }
    }
    on_every_span([&](std::size_t s) {
      for (const Part& p : parts[s])
        std::merge(std::make_move_iterator(at(p.a)), std::make_move_iterator(at(p.a_end)),
                   std::make_move_iterator(at(p.b)), std::make_move_iterator(at(p.b_end)), buffer.get() + p.out,
                   less);
    });
    on_every_span([&](std::size_t s) { std::move(buffer.get() + bound(s), buffer.get() + bound(s + 1), at(bound(s))); });
  }
}

}  // namespace policykg
