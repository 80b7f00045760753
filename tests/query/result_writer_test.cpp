#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "query/sparql.hpp"
#include "rdf/error.hpp"

using namespace policykg;

namespace {

query::Results sample() {
  query::Results r;
  r.kind = rdf::QueryResult::Kind::Bindings;
  r.variables = {"s", "label"};
  r.rows.push_back({rdf::Term::iri("http://ex/a"), rdf::Term::lang_literal("a, \"quoted\"\nline", "en")});
  r.rows.push_back({rdf::Term::blank("b0"), std::nullopt});
  r.rows.push_back({rdf::Term::iri("http://ex/c"), rdf::Term::integer(42)});
  return r;
}

}  // namespace

TEST(ResultWriter, CsvQuotesAndUsesCrlf) {
  EXPECT_EQ(query::write_results(sample(), query::ResultFormat::Csv),
            "s,label\r\nhttp://ex/a,\"a, \"\"quoted\"\"\nline\"\r\n_:b0,\r\nhttp://ex/c,42\r\n");
}

TEST(ResultWriter, TsvWritesTermsInTurtleSyntax) {
  EXPECT_EQ(query::write_results(sample(), query::ResultFormat::Tsv),
            "?s\t?label\n<http://ex/a>\t\"a, \\\"quoted\\\"\\nline\"@en\n_:b0\t\n<http://ex/c>\t42\n");
}

TEST(ResultWriter, JsonFollowsTheW3cFormat) {
  auto j = nlohmann::json::parse(query::write_results(sample(), query::ResultFormat::Json));
  EXPECT_EQ(j["head"]["vars"], nlohmann::json({"s", "label"}));
  EXPECT_EQ(j["results"]["bindings"][0]["label"]["xml:lang"], "en");
  EXPECT_EQ(j["results"]["bindings"][1]["s"]["type"], "bnode");
  EXPECT_FALSE(j["results"]["bindings"][1].contains("label"));
  EXPECT_EQ(j["results"]["bindings"][2]["label"]["datatype"], "http://www.w3.org/2001/XMLSchema#integer");
}

TEST(ResultWriter, XmlEscapes) {
  auto x = query::write_results(sample(), query::ResultFormat::Xml);
  EXPECT_NE(x.find("<literal xml:lang=\"en\">a, &quot;quoted&quot;\nline</literal>"), std::string::npos);
  EXPECT_NE(x.find("<binding name=\"s\"><bnode>b0</bnode></binding>"), std::string::npos);
}

TEST(ResultWriter, XmlStaysWellFormedWithControlCharacters) {
  query::Results r;
  r.kind = rdf::QueryResult::Kind::Bindings;
  r.variables = {"x"};
  r.rows.push_back({rdf::Term::literal(std::string("bell\x07 tab\t<end>"))});
  auto x = query::write_results(r, query::ResultFormat::Xml);
  EXPECT_NE(x.find("<literal>bell\xEF\xBF\xBD tab\t&lt;end&gt;</literal>"), std::string::npos) << x;
  EXPECT_EQ(x.find('\x07'), std::string::npos);
}

TEST(ResultWriter, TableIsAligned) {
  query::Results r;
  r.variables = {"x", "y"};
  r.rows.push_back({rdf::Term::literal("abc"), rdf::Term::literal("d")});
  r.rows.push_back({rdf::Term::literal("a"), rdf::Term::literal("defg")});
  auto t = query::write_results(r, query::ResultFormat::Table);
  EXPECT_EQ(t, "?x  | ?y\n----+-----\nabc | d\na   | defg\n2 rows\n");
}

TEST(ResultWriter, GraphFormatsDoNotFitBindings) {
  EXPECT_THROW(query::write_results(sample(), query::ResultFormat::Turtle), Error);
  query::Results g;
  g.kind = rdf::QueryResult::Kind::Graph;
  EXPECT_THROW(query::write_results(g, query::ResultFormat::Csv), Error);
}
