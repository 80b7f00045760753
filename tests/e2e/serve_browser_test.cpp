// The query page and the resource pages in a real browser: headless Chromium (Debian's) driven
// by playwright-core (tests/js/serve-browser.mjs) against `policykg serve` on the corpus.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace fs = std::filesystem;
using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

TEST(ServeBrowser, QueryPageRunsAnExampleAndResourcePagesLink) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  const fs::path chromium = std::getenv("POLICYKG_CHROMIUM") ? std::getenv("POLICYKG_CHROMIUM") : "/usr/bin/chromium";
  if (!fs::exists(chromium) || !fs::exists(source / "tests/js/node_modules/playwright-core") ||
      !fs::exists(source / "web/node_modules/@zazuko/yasgui"))
    GTEST_SKIP() << "needs Debian's chromium and the npm packages (scripts/install-deps)";

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

  const fs::path out = fs::temp_directory_path() / ("policykg-serve-browser-" + std::to_string(::getpid()) + ".json");
  const std::string cmd = "node " + policykg::test::shell_quote((source / "tests/js/serve-browser.mjs").string()) + " " +
                          policykg::test::shell_quote(origin) + " " + policykg::test::shell_quote(page_path) + " >" +
                          policykg::test::shell_quote(out.string());
  int status = std::system(cmd.c_str());
  std::string text = policykg::test::read_file(out);
  fs::remove(out);
  ASSERT_EQ(status, 0) << text << serve.stderr_text();
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
  const fs::path chromium = std::getenv("POLICYKG_CHROMIUM") ? std::getenv("POLICYKG_CHROMIUM") : "/usr/bin/chromium";
  if (!fs::exists(chromium) || !fs::exists(source / "tests/js/node_modules/playwright-core") ||
      !fs::exists(source / "web/node_modules/@zazuko/yasgui"))
    GTEST_SKIP() << "needs Debian's chromium and the npm packages (scripts/install-deps)";

  ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string origin = "http://127.0.0.1:" + std::to_string(serve.port());
  auto site = nlohmann::json::parse(http_request(serve.port(), "GET", "/site.json").body);
  ASSERT_EQ(site["prefixes"]["pol"], "https://w3id.org/policykg/ontology#");
  ASSERT_EQ(site["prefixes"]["id"], "https://w3id.org/policykg/id/");

  const std::string mark = "kept across the reload " + std::to_string(::getpid());
  const fs::path out = fs::temp_directory_path() / ("policykg-query-page-" + std::to_string(::getpid()) + ".json");
  const std::string cmd = "node " + policykg::test::shell_quote((source / "tests/js/query-page.mjs").string()) + " " +
                          policykg::test::shell_quote(origin) + " " + policykg::test::shell_quote(mark) + " >" +
                          policykg::test::shell_quote(out.string());
  int status = std::system(cmd.c_str());
  std::string text = policykg::test::read_file(out);
  fs::remove(out);
  ASSERT_EQ(status, 0) << text << serve.stderr_text();
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
