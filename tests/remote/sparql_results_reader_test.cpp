#include "remote/sparql_results_reader.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace policykg::remote {
namespace {

using rdf::Term;

TEST(SparqlJsonResults, ReadsEveryKindOfTerm) {
  const char* text = R"({"head": {"link": [], "vars": ["s", "o", "n"]},
    "results": {"distinct": false, "ordered": true, "bindings": [
      {"s": {"type": "uri", "value": "http://ex/a"}, "o": {"type": "literal", "xml:lang": "EN", "value": "x"},
       "n": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "3"}},
      {"s": {"type": "bnode", "value": "nodeID://b10"}, "o": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#string", "value": "y"}},
      {"s": {"type": "bnode", "value": "nodeID://b7"}, "o": {"type": "bnode", "value": "nodeID://b10"}}]}})";
  auto r = read_sparql_json(text, "test");
  EXPECT_EQ(r.kind, rdf::QueryResult::Kind::Bindings);
  ASSERT_EQ(r.variables, (std::vector<std::string>{"s", "o", "n"}));
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0][0], Term::iri("http://ex/a"));
  EXPECT_EQ(r.rows[0][1], Term::lang_literal("x", "en"));
  EXPECT_EQ(r.rows[0][2], Term::integer(3));
  EXPECT_EQ(r.rows[1][0], Term::blank("b0"));
  EXPECT_EQ(r.rows[1][1], Term::literal("y"));
  EXPECT_FALSE(r.rows[1][2].has_value());
  EXPECT_EQ(r.rows[2][0], Term::blank("b1"));
  EXPECT_EQ(r.rows[2][1], Term::blank("b0"));
}

TEST(SparqlJsonResults, ReadsBooleans) {
  auto r = read_sparql_json(R"({"head": {}, "boolean": true})", "test");
  EXPECT_EQ(r.kind, rdf::QueryResult::Kind::Boolean);
  EXPECT_TRUE(r.boolean);
}

TEST(SparqlJsonResults, RefusesWhatIsNotResults) {
  for (const char* bad :
       {"", "<html>hello</html>", "[]", "{}", R"({"boolean": "yes"})", R"({"head": {"vars": ["s"]}})",
        R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"t": {"type": "uri", "value": "x"}}]}})",
        R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "triple", "value": "x"}}]}})",
        R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri"}}]}})",
        R"({"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "x", "xml:lang": "not a tag"}}]}})",
        R"({"head": {"vars": [1]}, "results": {"bindings": []}})"}) {
    try {
      read_sparql_json(bad, "POST http://h/sparql");
      ADD_FAILURE() << bad << " was read";
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Input) << bad;
      EXPECT_EQ(e.where(), "POST http://h/sparql");
    }
  }
}

}  // namespace
}  // namespace policykg::remote
