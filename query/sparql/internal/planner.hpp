// query::Planner: how a basic graph pattern is evaluated. It orders the triple patterns from the
// graph's statistics (query/sparql/dataset.hpp: exact range counts, per-predicate fan-out) and
// places each filter of the enclosing group at the first pattern after which every variable it
// reads is bound, so that rows a filter rejects are not extended further. Evaluator::eval_bgp
// follows the plan it is given; with planning off (QueryOptions::plan) it follows written_order,
// the order of the text with the group's filters after it: the algebra's own semantics, which the
// differential tests (tests/query/planner_test.cpp, tests/conformance/) compare every plan against.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "query/sparql/algebra.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/deadline.hpp"

namespace policykg::query {

/// The join orderer's weights. An estimate is the number of solutions a pattern is expected to
/// give for one row of its input; the cheapest pattern is joined next.
struct CostModel {
  /// A property path with both ends known: one search, stopped at the other end.
  static constexpr double kPathBothEnds = 2;
  /// A path with one end known: a breadth-first search from it. A guess: paths have no
  /// statistics, so a path waits for any plain pattern expected to give fewer solutions.
  static constexpr double kPathOneEnd = 30;
  /// A path with neither end known: a search from every node of the graph, the last resort.
  static constexpr double kPathNoEnd = 1e9;
  /// A variable predicate bound by an earlier pattern while the predicate itself is not yet
  /// known: the count over all predicates is divided by this many.
  static constexpr double kPredicateFanOut = 10;
  /// Once anything is bound, a pattern that shares no bound variable makes a cross product: it
  /// is taken as this many times dearer, unless it gives at most one solution.
  static constexpr double kCrossProductPenalty = 1000;
};

/// How a basic graph pattern is evaluated: its patterns joined in `order`, and after the pattern
/// at level i the filters `filters_at[i]` (indices into the filters the plan was made for).
/// Filters a plan did not take are the caller's to check.
struct BgpPlan {
  std::vector<std::size_t> order;
  std::vector<std::vector<std::size_t>> filters_at;
  std::vector<bool> taken;  ///< per filter given: placed in this plan
};

/// The variables a filter reads, or nullopt when it must stay where it is written: EXISTS and
/// NOT EXISTS read the whole row (a variable bound later changes their answer), RAND, UUID,
/// STRUUID and BNODE give another value each time they are evaluated.
std::optional<std::vector<int>> movable_filter_variables(const algebra::Expr& e);

/// The plan without planning: the patterns in written order; with `take_all` (the group's last
/// element, whose rows the group gives) every filter after the last pattern, else none.
BgpPlan written_order(std::size_t patterns, std::size_t filters, bool take_all);

class Planner {
 public:
  /// `lookup` gives the id of a term of the graph, or 0 when the graph does not have it.
  Planner(const IndexedGraph& graph, std::function<TermId(const rdf::Term&)> lookup);

  /// Expected solutions of `t` for one input row, with `bound` the variable slots bound before
  /// it. One range count on the indexes (O(log n)); 0 when a constant is not in the graph.
  double estimate(const algebra::TriplePattern& t, const std::vector<bool>& bound) const;

  /// A plan for `triples` after input rows binding `bound`, with `filters` the group's filters
  /// not yet checked. Greedy: the cheapest pattern next, patterns sharing a bound variable before
  /// cross products; a pattern is estimated again only when one of its variables becomes bound,
  /// so n patterns cost O(n²) comparisons and O(n + Σ patterns a variable binds) estimates.
  /// A filter is taken when every variable it reads is bound by the end (placed after the first
  /// pattern that binds the last of them); with `take_all` (the group's last element) every
  /// filter is taken, those that never become bound after the last pattern.
  BgpPlan plan(const std::vector<algebra::TriplePattern>& triples, std::vector<bool> bound,
               const std::vector<const algebra::Expr*>& filters, bool take_all,
               Deadline& deadline) const;

 private:
  /// Puts each filter after the first level of `plan.order` at which every variable it reads is
  /// bound (`bound`: before the first level); with `take_all`, the rest after the last level.
  static void place_filters(BgpPlan& plan, const std::vector<algebra::TriplePattern>& triples,
                            std::vector<bool> bound,
                            const std::vector<const algebra::Expr*>& filters, bool take_all);

  const IndexedGraph& graph_;
  std::function<TermId(const rdf::Term&)> lookup_;
};

}  // namespace policykg::query
