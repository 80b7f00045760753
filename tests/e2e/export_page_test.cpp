// The graph page of the seed graph (built from data/documents/) in headless Chromium: it loads
// without console errors, fetches nothing, draws every node of the graph and finds Zhongguancun.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;

std::string capture(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int s = ::pclose(pipe);
  status = WIFEXITED(s) ? WEXITSTATUS(s) : -1;
  return out;
}

TEST(ExportPage, SeedGraphInChromium) {
  const fs::path source(POLICYKG_SOURCE_DIR);
  if (fs::is_empty(source / "data/documents")) GTEST_SKIP() << "data/documents/ is empty";
  ASSERT_TRUE(fs::exists(source / "tests/js/node_modules/playwright-core"))
      << "tests/js/node_modules is missing: run scripts/install-deps";
  auto dir = fs::temp_directory_path() / ("policykg-e2e-page-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto page = dir / "graph.html";
  auto html = test::run_policykg({"export", "--format", "html", "-o", page.string()});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  auto json = test::run_policykg({"export", "--format", "cytoscape"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto doc = nlohmann::json::parse(json.out);
  std::size_t nodes = doc["elements"]["nodes"].size(), edges = doc["elements"]["edges"].size();
  ASSERT_GT(nodes, 50u) << "the seed graph";

  // The measure whose text holds the words (the source spaces them with a doubled space).
  const std::string words = "human resources service institutions";
  auto label = test::run_policykg({"query", "-e",
                                   "SELECT ?l WHERE { ?m a pol:Measure ; rdfs:label ?l ; pol:plainText ?t "
                                   "FILTER(CONTAINS(LCASE(?t), \"" + words + "\")) }",
                                   "--format", "json"});
  ASSERT_EQ(label.exit_code, 0) << label.err;
  auto labels = nlohmann::json::parse(label.out)["results"]["bindings"];
  ASSERT_EQ(labels.size(), 1u) << label.out;

  int status = -1;
  std::string out = capture("node " + test::shell_quote((source / "tests/js/graph-page.mjs").string()) + " " +
                                test::shell_quote(page.string()) + " Zhongguancun " + test::shell_quote(words),
                            status);
  ASSERT_EQ(status, 0) << out;
  auto r = nlohmann::json::parse(out);
  EXPECT_EQ(r["errors"], nlohmann::json::array()) << r["errors"].dump();
  EXPECT_EQ(r["requests"], nlohmann::json::array());
  EXPECT_EQ(r["nodes"], nodes);
  EXPECT_EQ(r["edges"], edges);
  const auto& search = r["searches"][0];
  ASSERT_FALSE(search["results"].empty());
  EXPECT_EQ(search["results"][0], "Zhongguancun");
  EXPECT_NE(search["details"].get<std::string>().find("Zone"), std::string::npos);
  // Words of a measure's text find it first, whatever the spacing of the source.
  const auto& phrase = r["searches"][1];
  ASSERT_FALSE(phrase["results"].empty());
  EXPECT_EQ(phrase["results"][0], labels[0]["l"]["value"]) << phrase["results"].dump();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace policykg
