#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "query/sparql/sparql.hpp"

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

TEST(ResultWriter, TableShortensIrisAndShowsLiteralsPlainlyUnlessRaw) {
  query::Results r;
  r.variables = {"d", "p", "label"};
  const std::string base = "https://example.org/id/";
  r.rows.push_back({rdf::Term::iri(base + "district/xicheng"), rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    rdf::Term::lang_literal("Xicheng District", "en")});
  r.rows.push_back({rdf::Term::iri("https://w3id.org/policykg/ontology#District"), rdf::Term::iri("http://elsewhere/p"),
                    rdf::Term::typed("2019-01-31", "http://www.w3.org/2001/XMLSchema#date")});
  EXPECT_EQ(query::write_results(r, query::ResultFormat::Table, base),
            "?d                  | ?p                   | ?label\n"
            "--------------------+----------------------+-----------------\n"
            "id:district/xicheng | rdf:type             | Xicheng District\n"
            "pol:District        | <http://elsewhere/p> | 2019-01-31\n"
            "2 rows\n");
  std::string raw = query::write_results(r, query::ResultFormat::Table, base, true);
  EXPECT_NE(raw.find("<" + base + "district/xicheng>     | <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> | "
                     "\"Xicheng District\"@en\n"),
            std::string::npos)
      << raw;
  // The W3C formats never change.
  EXPECT_EQ(query::write_results(r, query::ResultFormat::Csv, base, false),
            query::write_results(r, query::ResultFormat::Csv, base, true));
  EXPECT_NE(query::write_results(r, query::ResultFormat::Tsv, base).find("\"Xicheng District\"@en"), std::string::npos);
}

TEST(ResultWriter, GraphFormatsDoNotFitBindings) {
  EXPECT_THROW(query::write_results(sample(), query::ResultFormat::Turtle), Error);
  query::Results g;
  g.kind = rdf::QueryResult::Kind::Graph;
  EXPECT_THROW(query::write_results(g, query::ResultFormat::Csv), Error);
}
