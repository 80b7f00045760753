#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "query/sparql/sparql.hpp"
#include "tests/query/sparql_fixture.hpp"

using namespace policykg;

namespace {

const std::string kPrefix =
    "PREFIX : <http://ex/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "PREFIX org: <http://www.w3.org/ns/org#> ";

/// The values of the first column, sorted, as "local name" (IRIs) or lexical forms.
std::vector<std::string> column(const query::Results& r, std::size_t i = 0) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    if (!row[i]) {
      out.push_back("-");
      continue;
    }
    const auto& v = row[i]->value;
    out.push_back(row[i]->is_iri() ? v.substr(v.rfind('/') + 1) : v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class SparqlEngine : public ::testing::Test {
 protected:
  rdf::Model model = test::sparql_fixture();
  query::Results q(const std::string& text, const query::QueryOptions& o = {}) {
    return query::run(model, kPrefix + text, o);
  }
};

}  // namespace

TEST_F(SparqlEngine, JoinsPatternsAcrossSubjects) {
  auto r = q("SELECT ?m ?l WHERE { ?m :appliesTo ?d . ?d rdfs:label \"Haidian District\"@en . ?m rdfs:label ?l }");
  EXPECT_EQ(column(r), (std::vector<std::string>{"m1", "m2"}));
}

TEST_F(SparqlEngine, OptionalKeepsRowsWithoutMatch) {
  auto r = q("SELECT ?m ?p WHERE { ?m a :Measure OPTIONAL { ?m :responsibleParty ?p } }");
  EXPECT_EQ(column(r, 1), (std::vector<std::string>{"-", "dept", "mofcom"}));
}

TEST_F(SparqlEngine, PropertyPaths) {
  // an agency's measures with its sub-organisations, by path
  auto r = q("SELECT ?m WHERE { ?m :responsibleParty/org:subOrganizationOf* :mofcom }");
  EXPECT_EQ(column(r), (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { :m1 :dependsOn+ ?x }")), (std::vector<std::string>{"m2", "m3"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { :m1 :dependsOn* ?x }")), (std::vector<std::string>{"m1", "m2", "m3"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { :m3 ^:dependsOn ?x }")), (std::vector<std::string>{"m2"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { :m2 (:dependsOn|:responsibleParty) ?x }")),
            (std::vector<std::string>{"dept", "m3"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { :m1 !(:dependsOn|:responsibleParty|:appliesTo|rdfs:label) ?x }")),
            (std::vector<std::string>{"Measure"}));
  EXPECT_EQ(column(q("SELECT ?x WHERE { ?x org:subOrganizationOf? :sc }")), (std::vector<std::string>{"mofcom", "sc"}));
}

TEST_F(SparqlEngine, NegationByNotExistsAndMinus) {
  EXPECT_EQ(column(q("SELECT ?m { ?m a :Measure FILTER NOT EXISTS { ?m :responsibleParty ?p } }")),
            (std::vector<std::string>{"m3"}));
  EXPECT_EQ(column(q("SELECT ?m { ?m a :Measure FILTER EXISTS { ?m :dependsOn ?x } }")),
            (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(column(q("SELECT ?m { ?m a :Measure MINUS { ?m :appliesTo :haidian } }")),
            (std::vector<std::string>{"m3"}));
}

TEST_F(SparqlEngine, AggregatesPerGroup) {
  auto r = q("SELECT ?d (COUNT(?m) AS ?n) { ?m :appliesTo ?d } GROUP BY ?d ORDER BY DESC(?n)");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0][0]->value, "http://ex/haidian");
  EXPECT_EQ(r.rows[0][1]->value, "2");
  EXPECT_EQ(r.rows[1][1]->value, "1");
}

// COUNTs grouped by variables are counted as the solutions come (no solution held): unbound
// values, DISTINCT, HAVING, a filter, an OPTIONAL last and no solutions at all.
TEST_F(SparqlEngine, CountsAsTheSolutionsCome) {
  auto pairs = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& row : q(text).rows) {
      std::string line;
      for (const auto& v : row) line += (v ? v->value.substr(v->value.rfind('/') + 1) : "-") + " ";
      out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(pairs("SELECT ?m (COUNT(?p) AS ?n) { ?m a :Measure OPTIONAL { ?m :responsibleParty ?p } } GROUP BY ?m"),
            (std::vector<std::string>{"m1 1 ", "m2 1 ", "m3 0 "}));
  EXPECT_EQ(pairs("SELECT (COUNT(DISTINCT ?d) AS ?n) (COUNT(?d) AS ?all) (COUNT(*) AS ?rows) { ?m :appliesTo ?d }"),
            (std::vector<std::string>{"2 3 3 "}));
  EXPECT_EQ(pairs("SELECT ?d (COUNT(*) AS ?n) { ?m :appliesTo ?d } GROUP BY ?d HAVING (COUNT(*) > 1)"),
            (std::vector<std::string>{"haidian 2 "}));
  EXPECT_EQ(pairs("SELECT ?d (COUNT(?m) AS ?n) { ?m :appliesTo ?d FILTER(?d != :haidian) } GROUP BY ?d"),
            (std::vector<std::string>{"xicheng 1 "}));
  EXPECT_EQ(pairs("SELECT (COUNT(*) AS ?n) { ?m :appliesTo :nowhere }"), (std::vector<std::string>{"0 "}));
  EXPECT_TRUE(pairs("SELECT ?d (COUNT(*) AS ?n) { ?m :appliesTo ?d, :nowhere } GROUP BY ?d").empty());
}

TEST_F(SparqlEngine, FiltersBindValuesAndSubqueries) {
  EXPECT_EQ(column(q("SELECT ?m { ?m rdfs:label ?l FILTER regex(?l, \"^open\") }")), (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(column(q("SELECT ?u { ?m rdfs:label ?l BIND(UCASE(?l) AS ?u) VALUES ?m { :m3 } }")),
            (std::vector<std::string>{"ALLOW BROKERS"}));
  EXPECT_EQ(column(q("SELECT ?d { { SELECT ?d (COUNT(*) AS ?n) { ?m :appliesTo ?d } GROUP BY ?d } FILTER(?n > 1) }")),
            (std::vector<std::string>{"haidian"}));
}

TEST_F(SparqlEngine, AskConstructAndDescribe) {
  EXPECT_TRUE(q("ASK { :m1 :dependsOn :m2 }").boolean);
  EXPECT_FALSE(q("ASK { :m2 :dependsOn :m1 }").boolean);
  auto c = q("CONSTRUCT { ?m :in ?d } WHERE { ?m :appliesTo ?d }");
  EXPECT_EQ(c.kind, rdf::QueryResult::Kind::Graph);
  EXPECT_EQ(c.triples.size(), 3u);
  // concise bounded description: the blank node's triples come with :m3's
  auto d = q("DESCRIBE :m3");
  EXPECT_EQ(d.triples.size(), 6u);  // 4 of :m3, 2 of its note
  EXPECT_TRUE(std::any_of(d.triples.begin(), d.triples.end(), [](const rdf::Triple& t) { return t.s.is_blank(); }));
}

TEST_F(SparqlEngine, PreparedQuestionsBindValuesNotText) {
  query::QueryOptions o;
  o.bindings["agency"] = rdf::Term::iri("http://ex/dept");
  auto r = q("SELECT ?m { ?m :responsibleParty ?agency }", o);
  EXPECT_EQ(column(r), (std::vector<std::string>{"m2"}));
  // a value that looks like SPARQL stays one literal
  o.bindings.clear();
  o.bindings["l"] = rdf::Term::lang_literal("x\"@en } ?m ?p ?o { ", "en");
  EXPECT_TRUE(q("SELECT ?m { ?m rdfs:label ?l }", o).rows.empty());
  o.bindings.clear();
  o.bindings["nope"] = rdf::Term::literal("1");
  EXPECT_THROW(q("SELECT ?m { ?m rdfs:label ?l }", o), Error);
}

TEST_F(SparqlEngine, LimitSaysItTruncated) {
  query::QueryOptions o;
  o.limit = 2;
  auto r = q("SELECT ?s { ?s a ?c }", o);
  EXPECT_EQ(r.rows.size(), 2u);
  EXPECT_TRUE(r.truncated);
  o.limit = 100;
  EXPECT_FALSE(q("SELECT ?s { ?s a ?c }", o).truncated);
}

TEST_F(SparqlEngine, TimeoutStopsTheEvaluation) {
  rdf::Model big;
  std::vector<rdf::Triple> ts;
  for (int i = 0; i < 3000; ++i)
    ts.push_back({rdf::Term::iri("http://ex/s" + std::to_string(i)), rdf::Term::iri("http://ex/p"), rdf::Term::integer(i)});
  big.add(ts);
  query::QueryOptions o;
  o.timeout = std::chrono::milliseconds(50);
  auto start = std::chrono::steady_clock::now();
  try {
    query::run(big, "SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z }", o);
    FAIL() << "a 2.7e10-row join finished";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Query);
    EXPECT_NE(std::string(e.what()).find("timed out after 50 ms"), std::string::npos);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}
