// The interactive page: self-contained (nothing fetched at view time), and in headless Chromium
// (Debian's chromium driven by playwright-core) it loads without console errors, draws every
// node, finds Zhongguancun by label and by its misspelling, and shows a unit's text and its place
// in the source.
#include <gtest/gtest.h>

#include <regex>

#include "core/error.hpp"
#include "export/export.hpp"
#include "export/plan_pictures.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;
using test::occurrences;

TEST(Html, ThePageIsSelfContained) {
  Options options;
  options.title = "Fixture </script> & <graph>";
  std::string html = to_html(test::fixture_view(), options);
  EXPECT_EQ(occurrences(html, "</script"), 3) << "data, libraries and page script, nothing closed early";
  EXPECT_FALSE(std::regex_search(html, std::regex(R"re((src|href)\s*=\s*["']?(https?:)?//)re")))
      << "no external resources";
  for (auto placeholder : {"{{title}}", "{{style}}", "{{libraries}}", "{{script}}", "{{data}}"})
    EXPECT_EQ(html.find(placeholder), std::string::npos) << placeholder << " filled";
  EXPECT_NE(html.find("<title>Fixture &lt;/script&gt; &amp; &lt;graph&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("cytoscape"), std::string::npos);
  EXPECT_NE(html.find("Zhongguancun"), std::string::npos);
  Options missing;
  missing.web_dir = "/nonexistent/web";
  EXPECT_THROW(to_html(test::fixture_view(), missing), Error);
}

TEST(Html, ThePicturesAreSelfContainedAloneAndAsTabsOfTheGraphPage) {
  const auto pictures = plan_pictures(test::fixture_triples());
  Options options;
  options.title = "Fixture </script> & <pictures>";
  const std::string page = pictures_page(pictures, options, "<nav class=\"site-links\"></nav>");
  EXPECT_EQ(occurrences(page, "</script"), 4) << "data, boundaries, ECharts and pictures.js, nothing closed early";
  EXPECT_FALSE(std::regex_search(page, std::regex(R"re((src|href)\s*=\s*["']?(https?:)?//)re")))
      << "no external resources";
  for (auto placeholder : {"{{title}}", "{{style}}", "{{pictures_nav}}", "{{site_links}}", "{{pictures_body}}",
                           "{{pictures_scripts}}"})
    EXPECT_EQ(page.find(placeholder), std::string::npos) << placeholder << " filled";
  EXPECT_NE(page.find("<title>Fixture &lt;/script&gt; &amp; &lt;pictures&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("<nav class=\"site-links\"></nav>"), std::string::npos);
  // ECharts' code is inlined as it is: a "</" that closes no script (its tooltip's marker) stays.
  EXPECT_NE(page.find("'\"></span>'"), std::string::npos);

  options.pictures = pictures;
  const std::string both = to_html(test::fixture_view(), options);
  EXPECT_EQ(occurrences(both, "</script"), 7) << "the graph's three and the pictures' four";
  for (auto placeholder : {"{{pictures_nav}}", "{{pictures_body}}", "{{pictures_scripts}}"})
    EXPECT_EQ(both.find(placeholder), std::string::npos) << placeholder << " filled";
  EXPECT_NE(both.find("id=\"picture-tabs\""), std::string::npos);
  options.pictures = nullptr;
  EXPECT_EQ(to_html(test::fixture_view(), options).find("picture-tabs"), std::string::npos) << "the graph alone";
}

// One browser session: load, then search three times (exact label, misspelling, words of a measure).
TEST(HtmlInChromium, LoadsDrawsSearchesAndShowsTheSource) {
  ASSERT_TRUE(fs::exists("/usr/bin/chromium") || std::getenv("POLICYKG_CHROMIUM"))
      << "chromium is missing: run scripts/install-deps";
  auto view = test::fixture_view();
  test::TempDir dir;
  auto page = dir.write("graph.html", to_html(view));
  Json r = test::run_js_tool("graph-page.mjs",
                             {page.string(), "Zhongguancun", "zhongguanchun", "foreign-funded brokerage"});
  EXPECT_EQ(r["errors"], Json::array()) << r["errors"].dump();
  EXPECT_EQ(r["requests"], Json::array()) << "nothing fetched: " << r["requests"].dump();
  EXPECT_EQ(r["nodes"], view.node_count());
  EXPECT_EQ(r["edges"], view.edge_count());
  EXPECT_EQ(r["counts"], std::to_string(view.node_count()) + " nodes, " + std::to_string(view.edge_count()) + " edges");
  bool legend_has_zone = false;
  for (const auto& item : r["legend"]) legend_has_zone |= item.get<std::string>().starts_with("Zone");
  EXPECT_TRUE(legend_has_zone) << r["legend"].dump();

  const Json& exact = r["searches"][0];
  ASSERT_FALSE(exact["results"].empty());
  EXPECT_EQ(exact["results"][0], "Zhongguancun") << "the exact label first";
  std::string details = exact["details"];
  EXPECT_NE(details.find("Zone"), std::string::npos) << details;
  EXPECT_NE(details.find("Haidian District"), std::string::npos) << "its neighbours are listed";

  const Json& misspelt = r["searches"][1];
  ASSERT_FALSE(misspelt["results"].empty());
  EXPECT_EQ(misspelt["results"][0], "Zhongguancun") << "found by its alternative spelling";

  const Json& measure = r["searches"][2];
  ASSERT_FALSE(measure["results"].empty());
  details = measure["details"];
  EXPECT_NE(details.find("performance brokerage"), std::string::npos) << "the unit's text: " << details;
  EXPECT_NE(details.find("characters 1230–1310"), std::string::npos) << details;
  EXPECT_NE(details.find("Task 7"), std::string::npos) << "the unit it is part of: " << details;
}

}  // namespace
}  // namespace policykg::exports
