// A solution row (query/sparql/internal/row.hpp) holds its ids in itself up to Row::kInline and
// on the heap past it, with the value semantics of a vector either way.
#include <gtest/gtest.h>

#include <numeric>
#include <utility>

#include "query/sparql/internal/row.hpp"

namespace policykg::query {
namespace {

Row counting(std::size_t n) {
  Row r;
  for (std::size_t i = 0; i < n; ++i) r.push_back(static_cast<TermId>(i + 1));
  return r;
}

TEST(Row, KeepsItsIdsInlineAndOnTheHeap) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, Row::kInline, Row::kInline + 1, 3 * Row::kInline + 2}) {
    Row r = counting(n);
    ASSERT_EQ(r.size(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(r[i], i + 1);
    EXPECT_EQ(std::accumulate(r.begin(), r.end(), std::size_t{0}), n * (n + 1) / 2);

    Row copy = r;
    EXPECT_EQ(copy, r);
    if (n) {
      copy[n - 1] = 99;  // a copy owns its ids
      EXPECT_EQ(r[n - 1], n);
      EXPECT_NE(copy, r);
    }

    Row moved = std::move(copy);
    EXPECT_EQ(moved.size(), n);
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from row is empty
    copy = moved;               // and can be assigned again
    EXPECT_EQ(copy, moved);

    Row assigned = counting(2);
    assigned = std::move(moved);
    EXPECT_EQ(assigned, copy);
    assigned = counting(1);  // heap to inline
    EXPECT_EQ(assigned, counting(1));
  }
}

TEST(Row, FilledRowsCompareByTheirIds) {
  const Row unbound(5, 0), bound(5, 7);
  EXPECT_EQ(unbound.size(), 5u);
  EXPECT_EQ(unbound[4], 0u);
  EXPECT_EQ(bound[0], 7u);
  EXPECT_NE(unbound, bound);
  EXPECT_NE(Row(4, 0), unbound);  // another width
  const Row wide(Row::kInline + 4, 3);
  EXPECT_EQ(wide, Row(Row::kInline + 4, 3));
  Row grown = bound;
  grown.push_back(1);
  EXPECT_EQ(grown.size(), 6u);
  EXPECT_NE(grown, bound);
}

}  // namespace
}  // namespace policykg::query
