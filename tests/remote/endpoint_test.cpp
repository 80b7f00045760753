#include "remote/endpoint.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "query/prefixes.hpp"
#include "tests/remote/test_server.hpp"

namespace policykg::remote {
namespace {

using Form = query::algebra::Query::Form;

query::QueryOptions with_prefixes() {
  query::QueryOptions o;
  o.prefixes = query::predefined_prefix_map("https://w3id.org/policykg/id/");
  return o;
}

TEST(PrepareQuery, DeclaresThePredefinedPrefixesTheQueryUses) {
  auto q = prepare_query("SELECT ?m WHERE { ?m a pol:Measure ; rdfs:label ?l }", with_prefixes());
  EXPECT_EQ(q.form, Form::Select);
  EXPECT_NE(q.text.find("PREFIX pol: <"), std::string::npos) << q.text;
  EXPECT_NE(q.text.find("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"), std::string::npos) << q.text;
  EXPECT_EQ(q.text.find("PREFIX skos:"), std::string::npos) << q.text;
  EXPECT_TRUE(q.text.ends_with("SELECT ?m WHERE { ?m a pol:Measure ; rdfs:label ?l }"));
}

TEST(PrepareQuery, LeavesTheQuerysOwnDeclarations) {
  const std::string text = "PREFIX pol: <http://other/>\nprefix  rdfs:<http://r/>\nASK { ?x pol:p ?y ; rdfs:label ?z }";
  auto q = prepare_query(text, with_prefixes());
  EXPECT_EQ(q.form, Form::Ask);
  EXPECT_EQ(q.text, text);
}

TEST(PrepareQuery, AddsTheBaseAQueryWithoutOneNeeds) {
  query::QueryOptions o = with_prefixes();
  o.base = "http://ex/";
  EXPECT_EQ(prepare_query("CONSTRUCT WHERE { <a> ?p ?o }", o).text, "BASE <http://ex/>\nCONSTRUCT WHERE { <a> ?p ?o }");
  EXPECT_EQ(prepare_query("BASE <http://b/> DESCRIBE <a>", o).text, "BASE <http://b/> DESCRIBE <a>");
  EXPECT_EQ(prepare_query("DESCRIBE <http://x/a>", o).form, Form::Describe);
}

TEST(PrepareQuery, AMalformedQueryFailsAsLocally) {
  try {
    prepare_query("SELECT ?x WHERE { ?x ?p }", with_prefixes());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Syntax);
    EXPECT_TRUE(e.where().starts_with("query:1:")) << e.where();
  }
}

class FakeEndpoint : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Post("/sparql", [this](const httplib::Request& req, httplib::Response& res) {
      last_query_ = req.get_param_value("query");
      graphs_ = req.get_param_value_count("default-graph-uri");
      accept_ = req.get_header_value("Accept");
      res.status = status_;
      res.set_content(body_, type_);
      if (!max_rows_.empty()) res.set_header("X-SPARQL-MaxRows", max_rows_);
    });
    server_.start();
  }
  Endpoint endpoint(std::vector<std::string> graphs = {}) {
    EndpointOptions o;
    o.url = parse_url(server_.url("/sparql"));
    o.default_graphs = std::move(graphs);
    o.http.retry.attempts = 1;
    return Endpoint(o);
  }
  test::TestServer server_;
  int status_ = 200;
  std::string body_, type_ = "application/sparql-results+json", max_rows_;
  std::string last_query_, accept_;
  std::size_t graphs_ = 0;
};

TEST_F(FakeEndpoint, SendsTheQueryAndReadsBindings) {
  body_ = R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "http://ex/a"}}]}})";
  auto e = endpoint({"http://ex/g1", "http://ex/g2"});
  Answer a = e.run({Form::Select, "SELECT ?x { ?x ?p ?o }"});
  EXPECT_EQ(last_query_, "SELECT ?x { ?x ?p ?o }");
  EXPECT_EQ(graphs_, 2u);
  EXPECT_TRUE(accept_.starts_with("application/sparql-results+json")) << accept_;
  ASSERT_EQ(a.result.rows.size(), 1u);
  EXPECT_EQ(a.result.rows[0][0], rdf::Term::iri("http://ex/a"));
  EXPECT_FALSE(a.server_limit);
}

TEST_F(FakeEndpoint, ReadsGraphsAsNTriplesOrTurtle) {
  type_ = "text/turtle";
  body_ = "@prefix ex: <http://ex/> . ex:b ex:p ex:c . ex:a ex:p ex:c , ex:c .";
  auto e = endpoint();
  Answer a = e.run({Form::Construct, "CONSTRUCT WHERE { ?s ?p ?o }"});
  EXPECT_TRUE(accept_.starts_with("application/n-triples")) << accept_;
  ASSERT_EQ(a.result.kind, rdf::QueryResult::Kind::Graph);
  ASSERT_EQ(a.result.triples.size(), 2u);  // sorted, once each
  EXPECT_EQ(a.result.triples[0].s, rdf::Term::iri("http://ex/a"));
}

TEST_F(FakeEndpoint, SaysWhenTheServerCutTheAnswer) {
  body_ = R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "http://ex/a"}}]}})";
  max_rows_ = "1";
  auto e = endpoint();
  EXPECT_EQ(e.run({Form::Select, "SELECT * {}"}).server_limit, 1u);
  try {
    e.select("SELECT ?x {}");
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_EQ(err.category(), Error::Category::Query);
    EXPECT_NE(std::string(err.what()).find("ResultSetMaxRows"), std::string::npos);
  }
}

TEST_F(FakeEndpoint, AnHtmlPageIsNotAnAnswer) {
  type_ = "text/html";
  body_ = "<html><body>Welcome</body></html>";
  auto e = endpoint();
  try {
    e.run({Form::Select, "SELECT * {}"});
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_EQ(err.category(), Error::Category::Input);
    EXPECT_NE(std::string(err.what()).find("text/html, not SPARQL JSON results"), std::string::npos) << err.what();
  }
  try {
    e.run({Form::Construct, "CONSTRUCT WHERE {}"});
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_NE(std::string(err.what()).find("not N-Triples or Turtle"), std::string::npos) << err.what();
  }
}

TEST_F(FakeEndpoint, MalformedResultsAreOneError) {
  body_ = R"({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": )";
  auto e = endpoint();
  EXPECT_THROW(e.run({Form::Select, "SELECT * {}"}), Error);
  type_ = "application/n-triples";
  body_ = "<http://ex/a> <http://ex/p> .\n";
  EXPECT_THROW(e.run({Form::Construct, "CONSTRUCT WHERE {}"}), Error);
  type_ = "application/sparql-results+json";
  body_ = R"({"head": {}, "boolean": true})";
  EXPECT_THROW(e.run({Form::Select, "SELECT * {}"}), Error);  // rows were asked for
}

}  // namespace
}  // namespace policykg::remote
