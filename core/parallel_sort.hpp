// parallel_sort: std::sort on several threads, for the large sorts of a corpus build (its terms
// and its triples). The range is cut into one run a thread, the runs are sorted at once, and
// neighbouring runs are merged pairwise, the pairs of one round at once, until one is left:
// O(n log n / t) for the runs, then log2(t) rounds of merging, the last of them O(n) on one
// thread. The result is what std::sort gives whenever elements that compare equal are
// indistinguishable (as distinct terms and duplicate triples are), so it does not depend on the
// number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <thread>
#include <vector>

namespace policykg {

/// Below this many elements a run is not worth a thread.
inline constexpr std::size_t kParallelSortMinRun = 1 << 15;

template <class It, class Less>
void parallel_sort(It first, It last, Less less, std::size_t threads) {
  const auto n = static_cast<std::size_t>(std::distance(first, last));
  const std::size_t runs = std::min(threads, n / kParallelSortMinRun);
  if (runs <= 1) {
    std::sort(first, last, less);
    return;
  }
  std::vector<It> cut(runs + 1);
  for (std::size_t i = 0; i <= runs; ++i) cut[i] = first + static_cast<std::ptrdiff_t>(n * i / runs);
  {
    std::vector<std::jthread> workers;
    for (std::size_t i = 1; i < runs; ++i) workers.emplace_back([&, i] { std::sort(cut[i], cut[i + 1], less); });
    std::sort(cut[0], cut[1], less);
  }
  for (std::size_t width = 1; width < runs; width *= 2) {
    std::vector<std::jthread> workers;
    for (std::size_t i = 0; i + width < runs; i += 2 * width) {
      const It begin = cut[i], middle = cut[i + width], end = cut[std::min(i + 2 * width, runs)];
      workers.emplace_back([begin, middle, end, &less] { std::inplace_merge(begin, middle, end, less); });
    }
  }
}

}  // namespace policykg
