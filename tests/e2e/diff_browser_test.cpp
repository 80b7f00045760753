// The /diff page of `policykg serve` in a real browser: headless Chromium (Debian's) driven by
// playwright-core (tests/js/diff-page.mjs), on a graph of the seed and its hand-edited copy.
#include <filesystem>

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

TEST(DiffBrowser, TheSideBySidePageShowsEveryKindOfChangeWithItsStyle) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  if (auto why = policykg::test::browser_missing(false); !why.empty()) GTEST_SKIP() << why;

  const fs::path graph = fs::temp_directory_path() / ("policykg-diff-browser-" + std::to_string(::getpid()) + ".nt");
  auto built = policykg::test::run_policykg(
      {"build", policykg::test::kSeedDocument, (source / "tests/e2e/data/seed-plan-edited.txt").string(), "-o", graph.string()});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  ServeProcess serve({"--data", graph.string()});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string path = "/diff?old=" + url_encode("id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1") +
                           "&new=" + url_encode("id:doc/seed-plan-edited/annex/1");
  // What the server says of it: HTML whose policy allows the inline style and nothing else.
  auto head = http_request(serve.port(), "GET", path);
  ASSERT_EQ(head.status, 200) << head.body;
  auto missing = http_request(serve.port(), "GET", "/diff?old=" + url_encode("No. 99 [2099]") + "&new=x");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("No. 99 [2099]"), std::string::npos) << missing.body;
  EXPECT_EQ(http_request(serve.port(), "GET", "/diff").status, 400);

  const std::string url = "http://127.0.0.1:" + std::to_string(serve.port()) + path;
  auto run = policykg::test::run_browser_script("diff-page.mjs", {url});
  const std::string& text = run.out;
  fs::remove(graph);
  ASSERT_EQ(run.exit_code, 0) << text << run.err << serve.stderr_text();
  auto seen = nlohmann::json::parse(text);

  // No error (a style the policy refused would be one), nothing fetched from elsewhere.
  EXPECT_TRUE(seen["errors"].empty()) << seen["errors"].dump();
  EXPECT_TRUE(seen["external"].empty()) << seen["external"].dump();
  // Every kind of change has rows, as many as the summary says.
  for (const std::string kind : {"unchanged", "revised", "moved", "added", "removed"}) {
    EXPECT_GT(seen["rows"][kind].get<int>(), 0) << kind;
    EXPECT_EQ(seen["rows"][kind], seen["summary"][kind]) << kind;
  }
  // Old words struck through on the left, new ones marked on the right, the facts below.
  auto has = [](const nlohmann::json& list, const std::string& s) {
    for (const auto& x : list)
      if (x.get<std::string>().find(s) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has(seen["deleted"], "allow")) << seen["deleted"].dump();
  EXPECT_TRUE(has(seen["inserted"], "nationwide")) << seen["inserted"].dump();
  EXPECT_TRUE(has(seen["facts"], "Daxing District")) << seen["facts"].dump();
  EXPECT_EQ(seen["delStyle"], "line-through");
  EXPECT_EQ(seen["insBackground"], "rgb(205, 236, 205)");
  EXPECT_LT(seen["columns"][0].get<double>(), seen["columns"][1].get<double>());
  // "Changes only" leaves the rows that changed, every one of them.
  int changed = 0;
  for (const std::string kind : {"revised", "moved", "added", "removed"}) changed += seen["rows"][kind].get<int>();
  EXPECT_EQ(seen["shownAfter"].size(), static_cast<std::size_t>(changed)) << seen["shownAfter"].dump();
  for (const auto& kind : seen["shownAfter"]) EXPECT_NE(kind, "unchanged");
}
