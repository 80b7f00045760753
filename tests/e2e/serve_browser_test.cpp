// The query page and the resource pages in a real browser: headless Chromium (Debian's) driven
// by playwright-core (tests/js/serve-browser.mjs) against `policykg serve` on the corpus.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/browser.hpp"
#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace fs = std::filesystem;
using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

TEST(ServeBrowser, QueryPageRunsAnExampleAndResourcePagesLink) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  if (auto why = policykg::test::browser_missing(true); !why.empty()) GTEST_SKIP() << why;

  ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const int port = serve.port();
  const std::string origin = "http://127.0.0.1:" + std::to_string(port);

  // A measure's page: it links up to its parent unit and out to agencies and places.
  const std::string q =
      "PREFIX pol: <https://w3id.org/policykg/ontology#> SELECT ?m WHERE { ?m a pol:Measure } ORDER BY ?m LIMIT 1";
  auto found = http_request(port, "GET", "/sparql?query=" + url_encode(q));
  ASSERT_EQ(found.status, 200) << found.body;
  std::string measure = nlohmann::json::parse(found.body)["results"]["bindings"][0]["m"]["value"];
  const std::string page_path = "/page/" + measure.substr(std::string("https://w3id.org/policykg/id/").size());
  auto examples = nlohmann::json::parse(http_request(port, "GET", "/examples/queries.json").body);

  auto run = policykg::test::run_browser_script("serve-browser.mjs", {origin, page_path});
  const std::string& text = run.out;
  ASSERT_EQ(run.exit_code, 0) << text << run.err << serve.stderr_text();
  auto seen = nlohmann::json::parse(text);

  EXPECT_TRUE(seen["errors"].empty()) << seen["errors"].dump();
  EXPECT_TRUE(seen["external"].empty()) << "requests outside the server: " << seen["external"].dump();
  // One tab per example query, in order; the first one ran and shows rows.
  for (const auto& example : examples) {
    bool has_tab = false;
    for (const auto& tab : seen["tabs"]) has_tab |= tab == example["name"];
    EXPECT_TRUE(has_tab) << example["name"] << " not in " << seen["tabs"].dump();
  }
  EXPECT_GT(seen["rows"].get<int>(), 0) << text;
  EXPECT_FALSE(seen["columns"].empty());
  // The resource page, and the page its first link leads to.
  const auto& page = seen["page"];
  EXPECT_FALSE(page["title"].get<std::string>().empty());
  EXPECT_EQ(page["link"].get<std::string>().rfind("/id/", 0), 0u);
  const std::string followed = page["followedUrl"];
  EXPECT_EQ(followed, origin + "/page/" + page["link"].get<std::string>().substr(4));
  EXPECT_NE(page["followedTitle"], page["title"]);
}

TEST(ServeBrowser, QueryPageListsThePrefixesNewTabsUseThemAndEditsSurviveAReload) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  if (auto why = policykg::test::browser_missing(true); !why.empty()) GTEST_SKIP() << why;

  ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string origin = "http://127.0.0.1:" + std::to_string(serve.port());
  auto site = nlohmann::json::parse(http_request(serve.port(), "GET", "/site.json").body);
  ASSERT_EQ(site["prefixes"]["pol"], "https://w3id.org/policykg/ontology#");
  ASSERT_EQ(site["prefixes"]["id"], "https://w3id.org/policykg/id/");

  const std::string mark = "kept across the reload " + std::to_string(::getpid());
  auto run = policykg::test::run_browser_script("query-page.mjs", {origin, mark});
  const std::string& text = run.out;
  ASSERT_EQ(run.exit_code, 0) << text << run.err << serve.stderr_text();
  auto seen = nlohmann::json::parse(text);

  EXPECT_TRUE(seen["errors"].empty()) << seen["errors"].dump();
  EXPECT_TRUE(seen["external"].empty()) << "requests outside the server: " << seen["external"].dump();
  // The page lists every predefined prefix of the endpoint, in its order.
  EXPECT_EQ(seen["listed"], site["prefixes"]);
  // A new tab starts with them and runs.
  const std::string query = seen["newTabQuery"];
  for (const auto& [prefix, iri] : site["prefixes"].items())
    EXPECT_NE(query.find("PREFIX " + prefix + ": <" + iri.get<std::string>() + ">"), std::string::npos) << prefix;
  EXPECT_GT(seen["newTabRows"].get<int>(), 0) << text;
  // After the reload: the same tabs (the new one included), and the first keeps what was typed.
  EXPECT_EQ(seen["tabsAfter"].size(), seen["tabsBefore"].size() + 1) << text;
  EXPECT_NE(seen["firstQueryAfter"].get<std::string>().find("# " + mark), std::string::npos) << text;
}

TEST(ServeBrowser, SearchFindsAMeasureWhosePageSaysWhoIsResponsibleAndLinksToItsGraph) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  if (auto why = policykg::test::browser_missing(true); !why.empty()) GTEST_SKIP() << why;

  ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string origin = "http://127.0.0.1:" + std::to_string(serve.port());
  // The measure the words belong to, found with SPARQL, and who `policykg responsible` says is
  // responsible for it: what the page must show.
  const std::string words = "human resources service institutions";
  auto found = http_request(serve.port(), "GET",
                            "/sparql?query=" + url_encode("SELECT ?m WHERE { ?m a pol:Measure ; pol:plainText ?t "
                                                          "FILTER(CONTAINS(LCASE(?t), \"" + words + "\")) }"));
  ASSERT_EQ(found.status, 200) << found.body;
  const auto bindings = nlohmann::json::parse(found.body)["results"]["bindings"];
  ASSERT_EQ(bindings.size(), 1u) << found.body;
  const std::string measure = bindings[0]["m"]["value"];
  auto cli = policykg::test::run_policykg({"responsible", measure, "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const auto expected = nlohmann::json::parse(cli.out)["responsible"];
  ASSERT_FALSE(expected.empty());

  auto run = policykg::test::run_browser_script("measure-page.mjs", {origin, words});
  const std::string& text = run.out;
  ASSERT_EQ(run.exit_code, 0) << text << run.err << serve.stderr_text();
  auto seen = nlohmann::json::parse(text);
  EXPECT_TRUE(seen["errors"].empty()) << seen["errors"].dump();
  EXPECT_TRUE(seen["external"].empty()) << seen["external"].dump();
  // The search answered with the measure first; its page is the measure's.
  ASSERT_FALSE(seen["results"].empty()) << text;
  const std::string local = measure.substr(std::string("https://w3id.org/policykg/id/").size());
  EXPECT_EQ(seen["results"][0]["href"], "/id/" + local);
  EXPECT_EQ(seen["page"]["url"], origin + "/page/" + local);
  // Every party the CLI names is on the page, with how it was found; an inherited one with its route.
  std::set<std::string> shown;
  for (const auto& item : seen["page"]["responsible"])
    for (const auto& p : item["parties"]) shown.insert(p.get<std::string>() + " " + item["how"].get<std::string>());
  for (const auto& a : expected) {
    const std::string key = a["party"]["label"].get<std::string>() + " " + a["how"].get<std::string>();
    EXPECT_TRUE(shown.count(key)) << key << " not in " << seen["page"]["responsible"].dump();
  }
  for (const auto& item : seen["page"]["responsible"]) {
    if (item["how"] != "stated") {
      EXPECT_NE(item["route"].get<std::string>().find("part of"), std::string::npos) << item.dump();
    }
  }
  EXPECT_FALSE(seen["page"]["facts"].empty()) << text;
  // The graph page around it holds the measure and what lies one link away.
  EXPECT_NE(seen["graph"]["url"].get<std::string>().find("focus="), std::string::npos);
  EXPECT_GT(seen["graph"]["nodes"].get<int>(), 1);
  bool has_measure = false;
  for (const auto& id : seen["graph"]["ids"]) has_measure |= id == measure;
  EXPECT_TRUE(has_measure) << seen["graph"].dump();
}
