// `policykg serve` end to end: the real binary on the real corpus (or a fixture), spoken to over
// loopback with an HTTP client.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/serve_process.hpp"

using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

namespace {
std::string fixture() { return std::string(POLICYKG_SOURCE_DIR) + "/tests/server/data/fixture.ttl"; }
}  // namespace

TEST(ServeEndpoint, ServesDataFilesAndStopsCleanly) {
  ServeProcess serve({"--data", fixture(), "--timeout", "5000", "--max-rows", "5"});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const int port = serve.port();
  auto res = http_request(port, "GET", "/sparql?query=" + url_encode("SELECT * WHERE { ?s ?p ?o }"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("x-policykg-truncated"), "true");
  EXPECT_EQ(nlohmann::json::parse(res.body)["results"]["bindings"].size(), 5u);
  EXPECT_EQ(res.header("access-control-allow-origin"), "*");
  auto page = http_request(port, "GET", "/id/agency/ministry-of-commerce", {{"Accept", "text/html"}});
  EXPECT_EQ(page.status, 303);
  auto update = http_request(port, "POST", "/sparql", {{"Content-Type", "application/sparql-update"}}, "CLEAR ALL");
  EXPECT_EQ(update.status, 403);
  EXPECT_EQ(serve.stop(), 0);
  // One log line per request, after the line saying where it listens.
  std::string log = serve.stderr_text();
  std::size_t lines = 0;
  for (char c : log) lines += c == '\n';
  EXPECT_EQ(lines, 4u) << log;
  EXPECT_NE(log.find("\"POST /sparql\" 403"), std::string::npos) << log;
}

TEST(ServeEndpoint, NoCorsFlag) {
  ServeProcess serve({"--data", fixture(), "--no-cors"});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  auto res = http_request(serve.port(), "GET", "/");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("access-control-allow-origin"), "");
}

TEST(ServeEndpoint, UsageErrorsExit2) {
  ServeProcess serve({"--port", "70000"});
  EXPECT_EQ(serve.port(), 0);
  EXPECT_EQ(serve.stop(), 2);
}

TEST(ServeEndpoint, ServesTheCorpusBuiltFromDocuments) {
  ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  // One measure of each document and annex, whatever its file is called: the documents' IRIs come
  // from their numbers (doc/state-council-2015-81), not from their files' names.
  const std::string q =
      "PREFIX pol: <https://w3id.org/policykg/ontology#> SELECT ?d (MIN(STR(?m)) AS ?first) "
      "WHERE { ?m a pol:Measure ; pol:text ?t ; pol:sourceDocument ?d } GROUP BY ?d";
  auto res = http_request(serve.port(), "GET", "/sparql?query=" + url_encode(q));
  ASSERT_EQ(res.status, 200) << res.body;
  auto bindings = nlohmann::json::parse(res.body)["results"]["bindings"];
  ASSERT_GE(bindings.size(), 4u) << res.body;
  const std::string base = "https://w3id.org/policykg/id/";
  for (const auto& row : bindings) {
    std::string measure = row["first"]["value"];
    ASSERT_EQ(measure.rfind(base, 0), 0u) << measure;
    auto page = http_request(serve.port(), "GET", "/page/" + measure.substr(base.size()));
    EXPECT_EQ(page.status, 200);
    // The real document is available, so the page shows the measure in its surrounding text.
    EXPECT_NE(page.body.find("<mark>"), std::string::npos) << measure;
    EXPECT_NE(page.body.find("class=\"offsets\""), std::string::npos) << measure;
  }
}
