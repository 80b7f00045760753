#include "rdf/query_runner.hpp"

#include <gtest/gtest.h>

#include "rdf/error.hpp"

using namespace policykg::rdf;

namespace {
Model sample() {
  Model m;
  m.load_string(R"(@prefix ex: <http://ex.org/> .
ex:a ex:p 1 ; ex:label "A"@en .
ex:b ex:p 2 .
ex:c ex:q ex:a .)", Format::Turtle);
  return m;
}
}  // namespace

TEST(QueryRunner, SelectBindsInProjectionOrder) {
  auto m = sample();
  auto r = run_rasqal(m, "PREFIX ex: <http://ex.org/> SELECT ?v ?s WHERE { ?s ex:p ?v } ORDER BY ?v");
  ASSERT_EQ(r.kind, QueryResult::Kind::Bindings);
  ASSERT_EQ(r.variables, (std::vector<std::string>{"v", "s"}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0]->value, "1");
  EXPECT_EQ(r.rows[1][1]->value, "http://ex.org/b");
}

TEST(QueryRunner, UnboundValuesAreEmpty) {
  auto m = sample();
  auto r = run_rasqal(m, "PREFIX ex: <http://ex.org/> SELECT ?s ?l WHERE { ?s ex:p ?v OPTIONAL { ?s ex:label ?l } } ORDER BY ?s");
  ASSERT_EQ(r.rows.size(), 2u);
  ASSERT_TRUE(r.rows[0][1].has_value());
  EXPECT_EQ(r.rows[0][1]->lang, "en");
  EXPECT_FALSE(r.rows[1][1].has_value());
}

TEST(QueryRunner, AskAndConstruct) {
  auto m = sample();
  EXPECT_TRUE(run_rasqal(m, "ASK { <http://ex.org/c> ?p ?o }").boolean);
  EXPECT_FALSE(run_rasqal(m, "ASK { <http://ex.org/zzz> ?p ?o }").boolean);
  auto g = run_rasqal(m, "PREFIX ex: <http://ex.org/> CONSTRUCT { ?o ex:r ?s } WHERE { ?s ex:q ?o }");
  ASSERT_EQ(g.kind, QueryResult::Kind::Graph);
  ASSERT_EQ(g.triples.size(), 1u);
  EXPECT_EQ(g.triples[0].s.value, "http://ex.org/a");
}

TEST(QueryRunner, SyntaxErrorsAreSyntaxErrors) {
  auto m = sample();
  try {
    run_rasqal(m, "SELECT ?s WHERE { ?s ?p }");
    FAIL() << "malformed query accepted";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Syntax);
    EXPECT_FALSE(std::string(e.what()).empty());
  }
}
