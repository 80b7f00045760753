#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/parallel_sort.hpp"
#include "rdf/graph.hpp"

using policykg::rdf::Graph;
using policykg::rdf::Term;
using policykg::rdf::Triple;

namespace {

std::vector<Triple> graph_sample() {
  const Term a = Term::iri("http://example.org/a"), b = Term::iri("http://example.org/b");
  const Term p = Term::iri("http://example.org/p"), q = Term::iri("http://example.org/q");
  return {{b, p, Term::literal("x")},
          {a, q, Term::lang_literal("x", "en")},
          {a, p, Term::integer(10)},
          {a, p, Term::integer(9)},
          {b, p, Term::literal("x")},
          {a, p, Term::typed("9", "http://www.w3.org/2001/XMLSchema#string")},
          {Term::blank("b0"), p, a},
          {a, p, Term::literal("x")}};
}

}  // namespace

TEST(Graph, InterningGivesOneIdPerTerm) {
  Graph g;
  auto a = g.iri("http://example.org/a");
  EXPECT_EQ(g.iri("http://example.org/a"), a);
  EXPECT_EQ(g.intern(Term::iri("http://example.org/a")), a);
  EXPECT_NE(g.literal("http://example.org/a"), a);
  EXPECT_NE(g.literal("x", {}, "en"), g.literal("x"));
  EXPECT_NE(g.literal("1", "http://www.w3.org/2001/XMLSchema#integer"), g.literal("1"));
  EXPECT_EQ(g.term(g.literal("x", {}, "en")), Term::lang_literal("x", "en"));
  EXPECT_EQ(g.term_count(), 6u);
  // Enough terms to grow the table several times.
  for (int i = 0; i < 5000; ++i) g.literal(std::to_string(i));
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(g.term(g.literal(std::to_string(i))), Term::literal(std::to_string(i)));
  EXPECT_EQ(g.term_count(), 6u + 5000u - 1u);  // "1" was there already
}

TEST(Graph, SortGivesTripleOrderWithoutDuplicates) {
  auto triples = graph_sample();
  Graph g;
  for (const auto& t : triples) g.add(t);
  EXPECT_FALSE(g.sorted());
  EXPECT_EQ(g.size(), triples.size());
  g.sort();
  EXPECT_TRUE(g.sorted());
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  EXPECT_EQ(g.to_triples(), triples);
  EXPECT_EQ(Graph(graph_sample()).to_triples(), triples);
  // Ids follow term order after sorting, and the terms are still found by value.
  for (Graph::Id id = 1; id < g.term_count(); ++id) EXPECT_LT(g.term(id - 1), g.term(id));
  EXPECT_EQ(g.term(g.iri("http://example.org/b")), Term::iri("http://example.org/b"));
}

TEST(Graph, AddingAfterSortKeepsEveryTriple) {
  Graph g(graph_sample());
  const auto before = g.size();
  g.add(Triple{Term::iri("http://example.org/0"), Term::iri("http://example.org/p"), Term::literal("new")});
  g.add(graph_sample().front());
  EXPECT_FALSE(g.sorted());
  g.sort();
  EXPECT_EQ(g.size(), before + 1);
  EXPECT_EQ(g.term(g[0][0]), Term::iri("http://example.org/0"));
}

TEST(Graph, SortingRenumbersTheTermTable) {
  // After sorting, every term is found by value under its new id, and none is added twice.
  Graph g;
  auto subject = [](int i) { return "http://example.org/s" + std::to_string(i); };
  for (int i = 4999; i >= 0; --i)
    g.add(g.iri(subject(i)), g.iri("http://example.org/p"), g.literal(std::to_string(i)));
  g.sort();
  const auto terms = g.term_count();
  for (int i = 0; i < 5000; ++i) {
    EXPECT_EQ(g.term(g.literal(std::to_string(i))), Term::literal(std::to_string(i)));
    EXPECT_EQ(g.term(g.iri(subject(i))), Term::iri(subject(i)));
  }
  EXPECT_EQ(g.term_count(), terms);
}

TEST(Graph, SortPlacesTermsOfEveryPermutationCycle) {
  // Terms added in a shuffled order (cycles of many lengths, fixed points included) come out in
  // term order, each once, with the triples that use them.
  std::vector<std::string> values;
  for (int i = 0; i < 3000; ++i) values.push_back("v" + std::to_string(i * 7919 % 3001));
  std::mt19937 shuffle(42);
  std::shuffle(values.begin(), values.end(), shuffle);
  Graph g;
  const auto p = g.iri("http://example.org/p");
  for (const auto& v : values) g.add(g.iri("http://example.org/" + v), p, g.literal(v));
  g.sort();
  std::vector<Term> expected;
  for (const auto& v : values) {
    expected.push_back(Term::iri("http://example.org/" + v));
    expected.push_back(Term::literal(v));
  }
  expected.push_back(Term::iri("http://example.org/p"));
  std::sort(expected.begin(), expected.end());
  ASSERT_EQ(g.term_count(), expected.size());
  for (Graph::Id id = 0; id < g.term_count(); ++id) EXPECT_EQ(g.term(id), expected[id]);
  ASSERT_EQ(g.size(), values.size());
  for (std::size_t i = 0; i < g.size(); ++i)
    EXPECT_EQ(g.term(g[i][2]).value, g.term(g[i][0]).value.substr(std::string("http://example.org/").size()));
}

TEST(Graph, SortOnSeveralThreadsGivesTheSameGraph) {
  // Enough terms and triples for the parallel sort to cut them into runs (duplicates included).
  std::mt19937 random(3);
  Graph one, four;
  for (int i = 0; i < 120000; ++i) {
    const std::string s = "http://example.org/s" + std::to_string(random() % 40000);
    const std::string p = "http://example.org/p" + std::to_string(random() % 7);
    const std::string o = std::to_string(random() % 60000);
    for (Graph* g : {&one, &four}) g->add(g->iri(s), g->iri(p), g->literal(o));
  }
  one.sort(1);
  four.sort(4);
  ASSERT_EQ(one.term_count(), four.term_count());
  for (Graph::Id id = 0; id < one.term_count(); ++id) ASSERT_EQ(one.term(id), four.term(id));
  EXPECT_EQ(one.triples(), four.triples());
  EXPECT_GT(one.term_count(), 2 * policykg::kParallelSortMinRun);  // the terms were sorted in runs too
}
