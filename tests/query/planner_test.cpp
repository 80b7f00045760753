// query::Planner: estimates from the indexes, the join order, where filters are checked, and that
// planning changes no answer.
#include "query/sparql/internal/planner.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "tests/query/sparql_fixture.hpp"

namespace policykg::query {
namespace {

using algebra::Expr;
using algebra::Pattern;
using algebra::TriplePattern;

class PlannerTest : public ::testing::Test {
 protected:
  PlannerTest() : model_(test::sparql_fixture()), dataset_(model_) {}

  /// The parsed query, its WHERE clause a group of one basic graph pattern and filters.
  algebra::ParsedQuery parse(const std::string& where) {
    return parse_sparql(
        "PREFIX : <http://ex/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX org: <http://www.w3.org/ns/org#> SELECT * WHERE { " +
        where + " }");
  }
  static const std::vector<TriplePattern>& triples(const algebra::ParsedQuery& q) {
    for (const auto& c : q.query.where->children)
      if (c.kind == Pattern::Kind::Bgp) return c.triples;
    throw std::logic_error("no basic graph pattern");
  }
  static std::vector<const Expr*> filters(const algebra::ParsedQuery& q) {
    std::vector<const Expr*> out;
    for (const auto& c : q.query.where->children)
      if (c.kind == Pattern::Kind::Filter) out.push_back(c.expr.get());
    return out;
  }
  Planner planner() const {
    return Planner(dataset_.default_graph(),
                   [this](const rdf::Term& t) { return dataset_.dictionary().find(t); });
  }
  std::vector<bool> nothing_bound(const algebra::ParsedQuery& q) const {
    return std::vector<bool>(q.variables.names.size(), false);
  }
  BgpPlan plan(const algebra::ParsedQuery& q, bool take_all) {
    Deadline deadline(std::chrono::milliseconds(0));
    return planner().plan(triples(q), nothing_bound(q), filters(q), take_all, deadline);
  }
  int slot(const algebra::ParsedQuery& q, const std::string& name) {
    return *q.variables.find(name);
  }

  rdf::Model model_;
  Dataset dataset_;
};

TEST_F(PlannerTest, EstimatesAreRangeCountsAndZeroForATermTheGraphLacks) {
  auto q = parse(
      "?m a :Measure . ?m :appliesTo :haidian . ?m :appliesTo :nowhere . ?a org:subOrganizationOf "
      "?b");
  const auto& t = triples(q);
  auto none = nothing_bound(q);
  EXPECT_EQ(planner().estimate(t[0], none), 3);  // three measures
  EXPECT_EQ(planner().estimate(t[1], none), 2);  // two in Haidian
  EXPECT_EQ(planner().estimate(t[2], none), 0);  // :nowhere is not in the graph
  EXPECT_EQ(planner().estimate(t[3], none), 2);
  // ?a bound by an earlier pattern: two links over two distinct subjects, one each
  auto bound = none;
  bound[static_cast<std::size_t>(slot(q, "a"))] = true;
  EXPECT_EQ(planner().estimate(t[3], bound), 1);
}

TEST_F(PlannerTest, PathsAreGuessedByTheirKnownEnds) {
  auto q = parse(
      "?a org:subOrganizationOf+ ?b . :dept org:subOrganizationOf* ?c . :dept "
      "org:subOrganizationOf+ :sc");
  const auto& t = triples(q);
  auto none = nothing_bound(q);
  EXPECT_EQ(planner().estimate(t[0], none), CostModel::kPathNoEnd);
  EXPECT_EQ(planner().estimate(t[1], none), CostModel::kPathOneEnd);
  EXPECT_EQ(planner().estimate(t[2], none), CostModel::kPathBothEnds);
}

TEST_F(PlannerTest, TheMostSelectivePatternComesFirstAndConnectedOnesBeforeCrossProducts) {
  // written: every typed thing, then its label; then districts, unconnected
  auto q = parse("?x a ?type . ?x rdfs:label ?label . ?x :appliesTo :xicheng . ?d a :District");
  auto p = plan(q, false);
  ASSERT_EQ(p.order.size(), 4u);
  EXPECT_EQ(p.order[0], 2u);  // one measure applies to Xicheng
  // then the patterns sharing ?x (one solution each), and only then the unconnected one
  EXPECT_EQ(p.order[3], 3u);
}

TEST_F(PlannerTest, AFilterIsCheckedRightAfterThePatternThatBindsItsLastVariable) {
  auto q = parse(
      "?m :appliesTo :haidian . ?m rdfs:label ?l . ?m :responsibleParty ?p . "
      "FILTER(CONTAINS(STR(?l), \"banks\")) FILTER(?p != :sc) FILTER(BOUND(?nowhere))");
  auto p = plan(q, false);
  // the label filter sits where ?l is bound, the party filter where ?p is; ?nowhere is never bound
  // by these patterns, so the plan leaves that filter to the group
  auto level_of = [&](std::size_t filter) -> int {
    for (std::size_t l = 0; l < p.filters_at.size(); ++l)
      for (std::size_t f : p.filters_at[l])
        if (f == filter) return static_cast<int>(l);
    return -1;
  };
  auto level_binding = [&](const std::string& var) -> int {
    for (std::size_t l = 0; l < p.order.size(); ++l) {
      const auto& t = triples(q)[p.order[l]];
      if (t.o.is_var() && t.o.var == slot(q, var)) return static_cast<int>(l);
    }
    return -1;
  };
  EXPECT_EQ(level_of(0), level_binding("l"));
  EXPECT_EQ(level_of(1), level_binding("p"));
  EXPECT_EQ(level_of(2), -1);
  EXPECT_EQ(p.taken, (std::vector<bool>{true, true, false}));
  // as the group's last element, the plan takes them all, the unbound one after the last pattern
  auto last = plan(q, true);
  EXPECT_EQ(last.taken, (std::vector<bool>{true, true, true}));
  EXPECT_EQ(last.filters_at.back().back(), 2u);
}

TEST_F(PlannerTest, ExistsAndFreshValuesStayWhereTheyAreWritten) {
  auto q = parse(
      "?m a :Measure . FILTER(EXISTS { ?m :dependsOn ?x }) FILTER(RAND() < 2) FILTER(?m != :m1)");
  auto f = filters(q);
  EXPECT_FALSE(movable_filter_variables(*f[0]));
  EXPECT_FALSE(movable_filter_variables(*f[1]));
  ASSERT_TRUE(movable_filter_variables(*f[2]));
  EXPECT_EQ(*movable_filter_variables(*f[2]), std::vector<int>{slot(q, "m")});
  auto p = plan(q, false);
  EXPECT_EQ(p.taken, (std::vector<bool>{false, false, true}));
}

TEST_F(PlannerTest, WrittenOrderKeepsTheTextAndLeavesFiltersToTheEnd) {
  auto p = written_order(3, 2, false);
  EXPECT_EQ(p.order, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(p.taken, (std::vector<bool>{false, false}));
  auto last = written_order(3, 2, true);
  EXPECT_EQ(last.filters_at[2], (std::vector<std::size_t>{0, 1}));
}

TEST_F(PlannerTest, PlanningChangesNoAnswer) {
  for (const std::string q : {
           "SELECT ?m ?l WHERE { ?m a :Measure ; rdfs:label ?l ; :appliesTo ?d . ?d rdfs:label ?dl "
           "FILTER(CONTAINS(?dl, \"Haidian\")) } ORDER BY ?m",
           "SELECT ?a ?b WHERE { ?a org:subOrganizationOf+ ?b . ?b a :Agency FILTER(?a != :dept) } "
           "ORDER BY ?a ?b",
           "SELECT ?m ?p WHERE { ?m a :Measure OPTIONAL { ?m :responsibleParty ?p FILTER(?p != "
           ":dept) } "
           "FILTER(!BOUND(?p) || ?p = :mofcom) } ORDER BY ?m",
           "SELECT ?m WHERE { ?m :appliesTo ?d FILTER NOT EXISTS { ?m :dependsOn ?x } ?d a "
           ":District } ORDER BY ?m",
           "SELECT ?m ?n WHERE { ?m a :Measure . ?n a :Measure FILTER(STR(?m) < STR(?n)) } ORDER "
           "BY ?m ?n LIMIT 2",
       }) {
    QueryOptions planned, written;
    planned.prefixes = written.prefixes = {{"", "http://ex/"},
                                           {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
                                           {"org", "http://www.w3.org/ns/org#"}};
    written.plan = false;
    auto a = run(dataset_, q, planned), b = run(dataset_, q, written);
    EXPECT_FALSE(a.rows.empty()) << q;
    EXPECT_EQ(write_results(a, ResultFormat::Tsv), write_results(b, ResultFormat::Tsv)) << q;
  }
}

}  // namespace
}  // namespace policykg::query
