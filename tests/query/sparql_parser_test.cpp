#include <gtest/gtest.h>

#include "core/error.hpp"
#include "query/sparql/sparql.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "tests/query/sparql_fixture.hpp"

using namespace policykg;

namespace {

Error error_of(const std::string& text) {
  rdf::Model m = test::sparql_fixture();
  try {
    query::run(m, text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return Error(Error::Category::Internal, "", "");
}

}  // namespace

TEST(SparqlParser, MalformedQueriesGetLineAndColumn) {
  auto e = error_of("SELECT ?x\nWHERE {\n  ?x ?p ?o ..\n}");
  EXPECT_EQ(e.category(), Error::Category::Syntax);
  EXPECT_EQ(e.where(), "query:3:13");
  e = error_of("SELECT ?x WHERE { ?x nope:p ?o }");
  EXPECT_EQ(e.where(), "query:1:22");
  EXPECT_NE(std::string(e.what()).find("undefined prefix 'nope:'"), std::string::npos);
  e = error_of("SELECT ?x WHERE { ?x ?p \"open }");
  EXPECT_EQ(e.category(), Error::Category::Syntax);
}

TEST(SparqlParser, RefusesServiceFromAndUpdatesNamingTheFeature) {
  auto e = error_of("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
  EXPECT_EQ(e.category(), Error::Category::Usage);
  EXPECT_NE(std::string(e.what()).find("SERVICE is not supported"), std::string::npos);
  e = error_of("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }");
  EXPECT_EQ(e.category(), Error::Category::Usage);
  EXPECT_NE(std::string(e.what()).find("FROM <file:///etc/passwd> is not supported"), std::string::npos);
  e = error_of("SELECT * FROM NAMED <http://elsewhere/g> { GRAPH ?g { ?s ?p ?o } }");
  EXPECT_NE(std::string(e.what()).find("FROM NAMED"), std::string::npos);
  e = error_of("INSERT DATA { <a:b> <a:c> <a:d> }");
  EXPECT_EQ(e.category(), Error::Category::Usage);
  EXPECT_NE(std::string(e.what()).find("SPARQL Update (INSERT)"), std::string::npos);
}

TEST(SparqlParser, ResolvesRelativeIrisAgainstTheBase) {
  auto p = query::parse_sparql("BASE <http://ex/base/> SELECT * { <x> ?p ?o }");
  const auto& bgp = p.query.where->children[0];
  EXPECT_EQ(bgp.triples[0].s.term.value, "http://ex/base/x");
}

TEST(SparqlParser, GroupingErrorsAreSyntaxErrors) {
  EXPECT_EQ(error_of("SELECT ?s ?o { ?s ?p ?o } GROUP BY ?s").category(), Error::Category::Syntax);
  EXPECT_EQ(error_of("SELECT * { ?s ?p ?o BIND(1 AS ?o) }").category(), Error::Category::Syntax);
}

TEST(SparqlParser, ARelativeIriWithoutABaseIsAnErrorAtItsPlace) {
  auto e = error_of("SELECT ?p WHERE {\n  <doc/x> ?p ?o }");
  EXPECT_EQ(e.category(), Error::Category::Syntax);
  EXPECT_EQ(e.where(), "query:2:3");
  EXPECT_NE(std::string(e.what()).find("relative IRI <doc/x> needs a BASE"), std::string::npos) << e.what();
  EXPECT_EQ(error_of("PREFIX ex: <ns/> SELECT * { ?s ?p ex:o }").where(), "query:1:12");
  EXPECT_EQ(error_of("SELECT * { ?s ?p \"1\"^^<int> }").category(), Error::Category::Syntax);
  // A base given by the caller, or the query's own BASE, resolves it.
  EXPECT_EQ(query::parse_sparql("SELECT * { <doc/x> ?p ?o }", "http://ex/id/").query.where->children[0].triples[0].s.term.value,
            "http://ex/id/doc/x");
  EXPECT_NO_THROW(query::parse_sparql("BASE <http://ex/> SELECT * { <doc/x> ?p ?o }"));
  EXPECT_NO_THROW(query::parse_sparql("SELECT * { <urn:x> ?p <mailto:a@b> }"));
}

TEST(SparqlParser, PredefinedPrefixesAreOverriddenByTheQuerys) {
  query::PrefixMap prefixes{{"pol", "http://predefined/"}, {"id", "http://ids/"}};
  auto p = query::parse_sparql("SELECT * { id:a pol:p ?o }", {}, {}, prefixes);
  EXPECT_EQ(p.query.where->children[0].triples[0].s.term.value, "http://ids/a");
  p = query::parse_sparql("PREFIX pol: <http://mine/> SELECT * { id:a pol:p ?o }", {}, {}, prefixes);
  const auto& t = p.query.where->children[0].triples[0];
  EXPECT_EQ(t.s.term.value, "http://ids/a");
  EXPECT_EQ(t.p.term.value, "http://mine/p");
  EXPECT_THROW(query::parse_sparql("SELECT * { id:a pol:p ?o }"), Error);
}

TEST(SparqlParser, AVariableNameHasOneCharacterAtLeastAndNoHyphen) {
  // Found by the parser's fuzz target: "$-" was a variable with an empty name.
  auto e = error_of("SELECT * { ?s ?p ?o FILTER(?o = 1-$-1) }");
  EXPECT_EQ(e.category(), Error::Category::Syntax);
  EXPECT_EQ(e.where(), "query:1:35");
  e = error_of("SELECT * { ?s ?p ?o FILTER(?o = 1-?-1) }");
  EXPECT_EQ(e.category(), Error::Category::Syntax);
  EXPECT_NO_THROW(query::parse_sparql("SELECT * { ?s ?p ?o FILTER(?o = 1-$o-1) }"));
}

TEST(SparqlParser, AnAbsoluteIriIsTheTermAsWritten) {
  // Found by the parser's fuzz target: dot segments were removed from <…> but not from a
  // prefixed name's expansion, so one IRI printed and read back became another term.
  auto q = query::parse_sparql("SELECT * { <http://a/./b/../c> ?p ?o }");
  EXPECT_EQ(q.query.where->children.at(0).triples.at(0).s.term.value, "http://a/./b/../c");
  q = query::parse_sparql("BASE <http://a/b/> SELECT * { <./c/../d> ?p ?o }");
  EXPECT_EQ(q.query.where->children.at(0).triples.at(0).s.term.value, "http://a/b/d");
}

TEST(SparqlParser, AnEscapeInAnIriMayNotGiveWhatIrisCannotHold) {
  // Found by the parser's fuzz target: <…\u0000…> held a NUL, printed raw, and the printed query
  // no longer read as one IRI.
  for (const char* escape : {"\\u0000", "\\u0020", "\\u003E", "\\u003C", "\\u0022", "\\u005C", "\\U0000007B", "\\u0060"}) {
    auto e = error_of(std::string("SELECT * { ?s <http://a.example/p") + escape + "q> ?o }");
    EXPECT_EQ(e.category(), Error::Category::Syntax) << escape;
    EXPECT_NE(std::string(e.what()).find("escape in an IRI"), std::string::npos) << escape << ": " << e.what();
  }
  // Other escapes give their character, and the IRI reads back as it printed.
  auto q = query::parse_sparql("SELECT * { ?s <http://a.example/\\u0800\\U0010FFFD\\u0041> ?o }");
  EXPECT_EQ(q.query.where->children.at(0).triples.at(0).p.term.value, "http://a.example/\xE0\xA0\x80\xF4\x8F\xBF\xBD" "A");
}
