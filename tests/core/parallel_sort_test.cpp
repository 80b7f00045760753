// parallel_sort gives std::sort's result whatever the number of threads.
#include "core/parallel_sort.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

using policykg::kParallelSortMinRun;
using policykg::parallel_sort;

namespace {

template <class T, class Less = std::less<T>>
void expect_as_std_sort(std::vector<T> v, std::size_t threads, Less less = {}) {
  std::vector<T> expected = v;
  std::sort(expected.begin(), expected.end(), less);
  parallel_sort(v.begin(), v.end(), less, threads);
  EXPECT_EQ(v, expected) << v.size() << " elements, " << threads << " threads";
}

}  // namespace

TEST(ParallelSort, SameAsStdSortForEveryThreadCountAndSize) {
  std::mt19937 random(7);
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{100}, kParallelSortMinRun * 2 - 1,
                        kParallelSortMinRun * 2, kParallelSortMinRun * 5 + 3}) {
    std::vector<std::uint32_t> v(n);
    for (auto& x : v) x = static_cast<std::uint32_t>(random() % (n / 3 + 1));  // many duplicates
    for (std::size_t threads : {1, 2, 3, 4, 7, 8}) expect_as_std_sort(v, threads);
  }
}

TEST(ParallelSort, TriplesOfIdsAndStringsWithTheirOwnOrder) {
  std::mt19937 random(11);
  std::vector<std::array<std::uint32_t, 3>> triples(kParallelSortMinRun * 3 + 17);
  for (auto& t : triples) t = {static_cast<std::uint32_t>(random() % 50), static_cast<std::uint32_t>(random() % 5),
                               static_cast<std::uint32_t>(random() % 1000)};
  for (std::size_t threads : {2, 3, 4}) expect_as_std_sort(triples, threads);
  std::vector<std::string> words(kParallelSortMinRun * 2 + 5);
  for (auto& w : words) w = std::to_string(random() % 100000);
  auto longer_first = [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  };
  for (std::size_t threads : {2, 4}) expect_as_std_sort(words, threads, longer_first);
}

TEST(ParallelSort, AlreadySortedAndReversedInput) {
  std::vector<int> up(kParallelSortMinRun * 4);
  for (std::size_t i = 0; i < up.size(); ++i) up[i] = static_cast<int>(i);
  std::vector<int> down(up.rbegin(), up.rend());
  for (std::size_t threads : {2, 4}) {
    expect_as_std_sort(up, threads);
    expect_as_std_sort(down, threads);
  }
}

TEST(ParallelSort, MergePathSplitTakesTheFirstRunsEqualElementsFirst) {
  const std::vector<int> a{1, 3, 3, 5}, b{2, 3, 4};
  std::less<int> less;
  // The merge is 1 2 3a 3a 3b 4 5: of its first k elements, this many come from a.
  const std::size_t from_a[] = {0, 1, 1, 2, 3, 3, 3, 4};
  for (std::size_t k = 0; k <= a.size() + b.size(); ++k)
    EXPECT_EQ(policykg::merge_path_split(a.begin(), a.size(), b.begin(), b.size(), k, less), from_a[k]) << k;
}

TEST(ParallelSort, RunsOfUnequalLengthAndOneValueThroughout) {
  // Five runs on five threads merge in three rounds, the last run alone in the first two.
  std::vector<std::uint64_t> same(kParallelSortMinRun * 5, 42);
  expect_as_std_sort(same, 5);
  std::mt19937 random(3);
  std::vector<std::uint64_t> skewed(kParallelSortMinRun * 6 + 1);
  for (std::size_t i = 0; i < skewed.size(); ++i) skewed[i] = i < skewed.size() / 2 ? random() % 10 : random();
  for (std::size_t threads : {3, 5, 6}) expect_as_std_sort(skewed, threads);
}
