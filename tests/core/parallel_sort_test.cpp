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
