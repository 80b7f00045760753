// A permutation (query/sparql/dataset.hpp) answers every prefix of its columns as the sorted rows
// it was made from, in memory and read back from its own bytes; a damaged section is refused by
// problem() or, inside, by an error where it is read, never by reading outside it.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"

namespace policykg::query {
namespace {

std::vector<IdTriple> random_rows(std::size_t n, TermId range, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<TermId> id(1, range);
  std::vector<IdTriple> rows;
  for (std::size_t i = 0; i < n; ++i) rows.push_back({id(rng), id(rng), id(rng)});
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

std::vector<IdTriple> scanned(const Permutation& p, TermId a, TermId b, TermId c) {
  std::vector<IdTriple> out;
  p.scan(a, b, c, [&](TermId x, TermId y, TermId z) {
    out.push_back({x, y, z});
    return true;
  });
  return out;
}

std::vector<IdTriple> expected(const std::vector<IdTriple>& rows, TermId a, TermId b, TermId c) {
  std::vector<IdTriple> out;
  for (const auto& r : rows)
    if ((!a || r[0] == a) && (!b || r[1] == b) && (!c || r[2] == c)) out.push_back(r);
  return out;
}

std::vector<IdTriple> scanned_with(const Permutation& p, TermId a, TermId b, TermId c, ScanHint& hint) {
  std::vector<IdTriple> out;
  p.scan(a, b, c, [&](TermId x, TermId y, TermId z) {
    out.push_back({x, y, z});
    return true;
  }, &hint);
  return out;
}

// A hint changes where the search starts, never what it finds: in ascending order (galloping from
// the last key), descending and at random (a binary search), with keys missing, past the last and
// before the first, and with a hint another permutation left.
TEST(Permutation, AHintedScanFindsWhatAPlainOneDoes) {
  const auto rows = random_rows(5000, 400, 7);
  const Permutation p(rows), other(random_rows(300, 50, 8));
  std::vector<TermId> order;
  for (TermId a = 0; a <= 402; ++a) order.push_back(a);
  std::vector<std::vector<TermId>> orders{order, {order.rbegin(), order.rend()}, order};
  std::shuffle(orders[2].begin(), orders[2].end(), std::mt19937(9));
  for (const auto& keys : orders) {
    ScanHint hint;
    scanned_with(other, 40, 0, 0, hint);  // a hint left by another permutation is not used
    for (TermId a : keys) {
      if (a == 0) continue;
      const TermId b = rows[a % rows.size()][1];
      EXPECT_EQ(scanned_with(p, a, 0, 0, hint), expected(rows, a, 0, 0)) << a;
      EXPECT_EQ(scanned_with(p, a, b, 0, hint), expected(rows, a, b, 0)) << a << " " << b;
    }
  }
  // Whole rows looked up in a run (checks, as a join makes them), in order, with a missing row
  // after each, and a lookup of the same row's two columns only: the first of them is found.
  ScanHint hint;
  for (const auto& r : rows) {
    EXPECT_EQ(scanned_with(p, r[0], r[1], r[2], hint), expected(rows, r[0], r[1], r[2]));
    EXPECT_EQ(scanned_with(p, r[0], r[1], r[2] + 1000, hint), expected(rows, r[0], r[1], r[2] + 1000));
    EXPECT_EQ(scanned_with(p, r[0], r[1], 0, hint), expected(rows, r[0], r[1], 0));
  }
}

TEST(Permutation, AnswersEveryPrefixAsItsRows) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const auto rows = random_rows(600, 12, seed);
    const Permutation built(rows);
    const Permutation viewed(built.bytes());
    EXPECT_EQ(Permutation::problem(built.bytes()), "");
    for (const Permutation* p : {&built, &viewed}) {
      EXPECT_EQ(p->rows(), rows);
      EXPECT_EQ(p->size(), rows.size());
      for (TermId a = 0; a <= 13; ++a)
        for (TermId b = 0; b <= (a ? 13u : 0u); ++b)
          for (TermId c = 0; c <= (b ? 13u : 0u); ++c) {
            EXPECT_EQ(scanned(*p, a, b, c), expected(rows, a, b, c)) << a << " " << b << " " << c;
            EXPECT_EQ(p->count(a, b, c), expected(rows, a, b, c).size()) << a << " " << b << " " << c;
          }
    }
    std::vector<TermId> keys;
    for (const auto& r : rows)
      if (keys.empty() || keys.back() != r[0]) keys.push_back(r[0]);
    EXPECT_TRUE(std::ranges::equal(built.keys(), keys));
  }
}

TEST(Permutation, StopsWhenAsked) {
  const Permutation p(random_rows(100, 5, 4));
  std::size_t seen = 0;
  p.scan(0, 0, 0, [&](TermId, TermId, TermId) { return ++seen < 7; });
  EXPECT_EQ(seen, 7u);
}

TEST(Permutation, IsSmallerThanItsRows) {
  // 24 bytes a row and 12 a distinct first value, against 12 a row for each of three orders
  const auto rows = random_rows(10000, 2000, 5);
  const Permutation p(rows);
  EXPECT_EQ(p.bytes().size(), 16 + (4 * p.keys().size() + 7) / 8 * 8 + 8 * (p.keys().size() + 1) + 8 * rows.size());
  EXPECT_LT(p.bytes().size(), 12 * rows.size());
}

TEST(Permutation, ADamagedSectionIsRefusedOrFailsWhereRead) {
  const Permutation good(random_rows(200, 9, 6));
  const std::string bytes(good.bytes());
  EXPECT_NE(Permutation::problem(bytes.substr(0, 10)), "");
  EXPECT_NE(Permutation::problem(bytes.substr(0, bytes.size() - 8)), "");
  for (std::size_t at : {std::size_t{0}, std::size_t{8}}) {  // the key count, the row count
    std::string wrong = bytes;
    std::uint64_t huge = ~std::uint64_t{0} / 3;
    std::memcpy(wrong.data() + at, &huge, 8);
    EXPECT_NE(Permutation::problem(wrong), "") << at;
  }
  // a start inside the section past the rows: the layout holds, reading the key fails
  std::string wrong = bytes;
  const std::size_t k = good.keys().size();
  const std::size_t starts = 16 + (4 * k + 7) / 8 * 8;
  std::uint64_t past = 1u << 30;
  std::memcpy(wrong.data() + starts + 8, &past, 8);
  ASSERT_EQ(Permutation::problem(wrong), "");
  std::vector<std::uint64_t> aligned((wrong.size() + 7) / 8);
  std::memcpy(aligned.data(), wrong.data(), wrong.size());
  const Permutation damaged(std::string_view(reinterpret_cast<const char*>(aligned.data()), wrong.size()));
  EXPECT_THROW(damaged.count(damaged.keys()[0], 0, 0), Error);
  EXPECT_THROW(damaged.rows(), Error);
}

}  // namespace
}  // namespace policykg::query
