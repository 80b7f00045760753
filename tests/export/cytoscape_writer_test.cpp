// Cytoscape.js JSON read back by the Cytoscape.js library itself (headless, in node).
#include <gtest/gtest.h>

#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using Json = nlohmann::json;
using test::kIdBase;

TEST(Cytoscape, TheLibraryReadsTheSameGraph) {
  auto view = test::fixture_view();
  test::TempDir dir;
  auto file = dir.write("g.json", to_cytoscape(view));
  Json r = test::run_js_tool("cytoscape-read.mjs", {file.string()});
  EXPECT_EQ(r["nodes"], view.node_count());
  EXPECT_EQ(r["edges"], view.edge_count());
  for (auto [v, end] = boost::vertices(view.graph()); v != end; ++v)
    EXPECT_EQ(r["labels"][view.node(*v).iri], view.node(*v).label);
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  std::set<std::string> ids;
  for (auto& e : r["edgeList"]) {
    edges.emplace(e["source"].get<std::string>(), e["predicate"].get<std::string>(), e["target"].get<std::string>());
    ids.insert(e["id"].get<std::string>());
    EXPECT_FALSE(e["label"].get<std::string>().empty());
  }
  EXPECT_EQ(edges, test::view_edges(view));
  EXPECT_EQ(ids.size(), view.edge_count()) << "parallel edges keep distinct ids";

  const Json& m = r["data"][std::string(kIdBase) + "doc/plan/task/7/measure/1"];
  EXPECT_EQ(m["classLabel"], "Measure");
  EXPECT_EQ(m["class"], std::string(test::kPolNs) + "Measure");
  EXPECT_TRUE(m["position"].is_number_integer());
  EXPECT_EQ(m["sourceStart"], 1230);
  EXPECT_TRUE(m["weight"].is_number_float());
  EXPECT_EQ(m["pilot"], true);
  const Json& z = r["data"][std::string(kIdBase) + "zone/zhongguancun"];
  EXPECT_EQ(z["altLabel"], Json::array({"Zhongguanchun", "中关村"}));
}

TEST(Cytoscape, TheGraphDataDeclaresAttributesAndClasses) {
  auto doc = to_cytoscape_json(test::fixture_view());
  const auto& attrs = doc["data"]["attributes"];
  EXPECT_EQ(attrs["issued"]["predicate"], "http://purl.org/dc/terms/issued");
  EXPECT_EQ(attrs["issued"]["datatype"], "http://www.w3.org/2001/XMLSchema#date");
  EXPECT_EQ(attrs["issued"]["type"], "date");
  EXPECT_EQ(attrs["altLabel"]["multi"], true);
  bool zone = false;
  for (const auto& c : doc["data"]["classes"])
    if (c["label"] == "Zone") zone = c["color"] == "#d37295";
  EXPECT_TRUE(zone);
}

}  // namespace
}  // namespace policykg::exports
