// The SPARQL 1.1 Protocol at /sparql on the fixture graph.
#include <chrono>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/server/test_server.hpp"

using policykg::test::count_triples;
using policykg::test::TestServer;

namespace {

const std::string kAgencies =
    "PREFIX pol: <https://w3id.org/policykg/ontology#> SELECT ?a WHERE { ?a a pol:Agency } ORDER BY ?a";
const std::string kConstruct =
    "PREFIX pol: <https://w3id.org/policykg/ontology#> CONSTRUCT { ?a a pol:Agency } WHERE { ?a a pol:Agency }";

std::string get_path(const std::string& query) { return "/sparql?query=" + httplib::detail::encode_query_param(query); }

std::size_t bindings(const std::string& body) { return nlohmann::json::parse(body)["results"]["bindings"].size(); }

}  // namespace

TEST(SparqlEndpoint, GetQueryAnswersJsonByDefault) {
  TestServer server;
  auto res = server.client().Get(get_path(kAgencies));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/sparql-results+json");
  EXPECT_EQ(res->get_header_value("Vary"), "Accept");
  EXPECT_EQ(bindings(res->body), 2u);
}

TEST(SparqlEndpoint, PostFormAndPostQueryGiveTheSameAnswer) {
  TestServer server;
  auto client = server.client();
  auto form = client.Post("/sparql", httplib::Params{{"query", kAgencies}});
  auto direct = client.Post("/sparql", kAgencies, "application/sparql-query");
  ASSERT_TRUE(form);
  ASSERT_TRUE(direct);
  EXPECT_EQ(form->status, 200);
  EXPECT_EQ(direct->status, 200);
  EXPECT_EQ(form->body, direct->body);
  EXPECT_EQ(bindings(form->body), 2u);
}

TEST(SparqlEndpoint, ResultFormatsByAccept) {
  TestServer server;
  auto client = server.client();
  struct Case {
    std::string accept, type, marker;
  } cases[] = {
      {"application/sparql-results+xml", "application/sparql-results+xml", "<sparql"},
      {"text/csv", "text/csv; charset=utf-8", "a\r\n"},
      {"text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?a"},
      {"application/json", "application/json", "\"bindings\""},
  };
  for (const auto& c : cases) {
    auto res = client.Get(get_path(kAgencies), {{"Accept", c.accept}});
    ASSERT_TRUE(res) << c.accept;
    EXPECT_EQ(res->status, 200) << c.accept;
    EXPECT_EQ(res->get_header_value("Content-Type"), c.type);
    EXPECT_NE(res->body.find(c.marker), std::string::npos) << c.accept << ": " << res->body;
    EXPECT_NE(res->body.find("ministry-of-commerce"), std::string::npos) << c.accept;
  }
}

TEST(SparqlEndpoint, GraphResultsInEveryRdfFormat) {
  TestServer server;
  auto client = server.client();
  struct Case {
    std::string accept;
    policykg::rdf::Format format;
  } cases[] = {{"text/turtle", policykg::rdf::Format::Turtle},
               {"application/n-triples", policykg::rdf::Format::NTriples},
               {"application/rdf+xml", policykg::rdf::Format::RdfXml},
               {"application/ld+json", policykg::rdf::Format::JsonLd}};
  for (const auto& c : cases) {
    auto res = client.Get(get_path(kConstruct), {{"Accept", c.accept}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << c.accept << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type").substr(0, c.accept.size()), c.accept);
    EXPECT_EQ(count_triples(res->body, c.format), 2u) << c.accept;
  }
}

TEST(SparqlEndpoint, NotAcceptableWhenNoFormatFits) {
  TestServer server;
  auto client = server.client();
  auto png = client.Get(get_path(kAgencies), {{"Accept", "image/png"}});
  ASSERT_TRUE(png);
  EXPECT_EQ(png->status, 406);
  auto csv_graph = client.Get(get_path(kConstruct), {{"Accept", "text/csv"}});
  ASSERT_TRUE(csv_graph);
  EXPECT_EQ(csv_graph->status, 406);
  auto turtle_select = client.Get(get_path(kAgencies), {{"Accept", "text/turtle"}});
  ASSERT_TRUE(turtle_select);
  EXPECT_EQ(turtle_select->status, 406);
}

TEST(SparqlEndpoint, ServiceDescriptionWithoutAQuery) {
  TestServer server;
  auto res = server.client().Get("/sparql", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("http://www.w3.org/ns/sparql-service-description#Service"), std::string::npos);
  EXPECT_NE(res->body.find("SPARQL11Query"), std::string::npos);
  EXPECT_NE(res->body.find("/sparql>"), std::string::npos);
  EXPECT_GT(count_triples(res->body, policykg::rdf::Format::Turtle), 10u);
  auto nt = server.client().Get("/sparql", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(nt);
  EXPECT_GT(count_triples(nt->body, policykg::rdf::Format::NTriples), 10u);
  auto browser = server.client().Get("/sparql", {{"Accept", "text/html"}});
  ASSERT_TRUE(browser);
  EXPECT_EQ(browser->status, 303);
  EXPECT_EQ(browser->get_header_value("Location"), "/query");
}

TEST(SparqlEndpoint, UpdatesAreRefusedAndChangeNothing) {
  TestServer server;
  auto client = server.client();
  const std::size_t before = server.model().size();
  const std::string update =
      "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }";
  auto direct = client.Post("/sparql", update, "application/sparql-update");
  auto form = client.Post("/sparql", httplib::Params{{"update", update}});
  auto get = client.Get("/sparql?update=" + httplib::detail::encode_query_param(update));
  auto drop = client.Post("/sparql", "DROP ALL", "application/sparql-update");
  for (const auto* res : {&direct, &form, &get, &drop}) {
    ASSERT_TRUE(*res);
    EXPECT_EQ((*res)->status, 403);
  }
  // An update sent as a query is not a query: the parser rejects it.
  auto as_query = client.Post("/sparql", update, "application/sparql-query");
  ASSERT_TRUE(as_query);
  EXPECT_EQ(as_query->status, 400);
  EXPECT_EQ(server.model().size(), before);
  auto count = client.Get(get_path("SELECT * WHERE { <http://example.org/a> ?p ?o }"));
  ASSERT_TRUE(count);
  EXPECT_EQ(bindings(count->body), 0u);
}

TEST(SparqlEndpoint, MalformedQueryIs400WithTheParsersMessage) {
  TestServer server;
  auto res = server.client().Get(get_path("SELECT ?x WHERE { ?x ?y "));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("query:"), std::string::npos) << res->body;  // "query:LINE:COLUMN: message"
}

TEST(SparqlEndpoint, ServiceAndFromAreRefused) {
  TestServer server;
  auto client = server.client();
  auto service = client.Get(get_path("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"));
  auto from = client.Get(get_path("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"));
  ASSERT_TRUE(service);
  ASSERT_TRUE(from);
  EXPECT_EQ(service->status, 400);
  EXPECT_NE(service->body.find("SERVICE"), std::string::npos) << service->body;
  EXPECT_EQ(from->status, 400);
  EXPECT_EQ(from->body.find("root:"), std::string::npos);
  auto dataset = client.Get(get_path(kAgencies) + "&default-graph-uri=file%3A%2F%2F%2Fetc%2Fpasswd");
  ASSERT_TRUE(dataset);
  EXPECT_EQ(dataset->status, 400);
}

TEST(SparqlEndpoint, RowCapIsSignalled) {
  auto options = policykg::test::fixture_options();
  options.max_rows = 3;
  TestServer server(options);
  auto client = server.client();
  auto res = client.Get(get_path("SELECT * WHERE { ?s ?p ?o }"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-PolicyKG-Truncated"), "true");
  EXPECT_EQ(res->get_header_value("X-PolicyKG-Row-Limit"), "3");
  auto json = nlohmann::json::parse(res->body);
  EXPECT_EQ(json["results"]["bindings"].size(), 3u);
  EXPECT_EQ(json["truncated"], true);
  auto small = client.Get(get_path(kAgencies));
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->has_header("X-PolicyKG-Truncated"));
  EXPECT_FALSE(nlohmann::json::parse(small->body).contains("truncated"));
}

TEST(SparqlEndpoint, TimeoutStopsALongQuery) {
  auto options = policykg::test::fixture_options();
  options.timeout = std::chrono::milliseconds(200);
  TestServer server(options);
  auto client = server.client();
  // A five-way cross product of the fixture's triples: far more than 200 ms of work.
  const std::string slow =
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
  auto start = std::chrono::steady_clock::now();
  auto res = client.Get(get_path(slow));
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503) << res->body;
  EXPECT_NE(res->body.find("timed out"), std::string::npos) << res->body;
  EXPECT_LT(elapsed, std::chrono::seconds(10));
  // The server still answers afterwards.
  auto next = client.Get(get_path(kAgencies));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST(SparqlEndpoint, RequestSizeLimit) {
  auto options = policykg::test::fixture_options();
  options.max_request_bytes = 4096;
  TestServer server(options);
  std::string big = kAgencies + "\n#" + std::string(8000, 'x');
  auto res = server.client().Post("/sparql", big, "application/sparql-query");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  auto fine = server.client().Post("/sparql", kAgencies, "application/sparql-query");
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200);
}

TEST(SparqlEndpoint, UnsupportedPostTypeIs415) {
  TestServer server;
  auto res = server.client().Post("/sparql", kAgencies, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
}

TEST(SparqlEndpoint, CorsOnByDefaultAndOffOnRequest) {
  {
    TestServer server;
    auto client = server.client();
    auto res = client.Get(get_path(kAgencies), {{"Origin", "http://example.org"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
    auto preflight = client.Options("/sparql", {{"Origin", "http://example.org"},
                                                {"Access-Control-Request-Method", "POST"}});
    ASSERT_TRUE(preflight);
    EXPECT_EQ(preflight->status, 204);
    EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
  }
  auto options = policykg::test::fixture_options();
  options.cors = false;
  TestServer server(options);
  auto res = server.client().Get(get_path(kAgencies), {{"Origin", "http://example.org"}});
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
}
