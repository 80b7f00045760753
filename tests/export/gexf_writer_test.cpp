// GEXF 1.2draft and 1.3 read back by NetworkX (Debian 12's 2.8 reads 1.2draft as it comes):
// same nodes (IRIs as ids), edges, labels, predicate IRIs and typed attributes, every attribute
// declared.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using Json = nlohmann::json;
using test::kIdBase;

class GexfVersions : public ::testing::TestWithParam<GexfVersion> {};

TEST_P(GexfVersions, NetworkXReadsTheSameGraph) {
  auto view = test::fixture_view();
  Options options;
  options.gexf_version = GetParam();
  Json g = test::read_with_networkx("gexf", to_gexf(view, options));
  EXPECT_TRUE(g["directed"].get<bool>());
  EXPECT_TRUE(g["multigraph"].get<bool>());
  ASSERT_EQ(g["nodes"].size(), view.node_count());
  ASSERT_EQ(g["edges"].size(), view.edge_count());
  for (auto [v, end] = boost::vertices(view.graph()); v != end; ++v) {
    const auto& n = view.node(*v);
    ASSERT_TRUE(g["nodes"].contains(n.iri)) << n.iri;
    EXPECT_EQ(g["nodes"][n.iri]["label"], n.label);
    EXPECT_EQ(g["nodes"][n.iri]["class"], n.cls);
  }
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (auto& e : g["edges"]) {
    edges.emplace(e[0].get<std::string>(), e[2]["predicate"].get<std::string>(), e[1].get<std::string>());
    EXPECT_FALSE(e[2]["label"].get<std::string>().empty());
  }
  EXPECT_EQ(edges, test::view_edges(view));

  const Json& m = g["nodes"][std::string(kIdBase) + "doc/plan/task/7/measure/1"];
  EXPECT_TRUE(m["position"].is_number_integer());
  EXPECT_EQ(m["position"], 1);
  EXPECT_EQ(m["sourceStart"], 1230);
  EXPECT_TRUE(m["weight"].is_number_float());
  EXPECT_EQ(m["pilot"], true);
  EXPECT_EQ(m["big"].get<long long>(), 9007199254740993LL);
  EXPECT_EQ(m["text"], "Allow foreign-funded \"performance brokerage\" institutions in Zhongguancun,\nupon approval.");
  EXPECT_EQ(g["nodes"][std::string(kIdBase) + "doc/reply"]["issued"], "2019-01-31");
  EXPECT_EQ(g["nodes"][std::string(kIdBase) + "agency/beijing"]["label"],
            "People's Government of \"Beijing\" \\ <Municipality> & 北京市");
}

INSTANTIATE_TEST_SUITE_P(Gexf, GexfVersions, ::testing::Values(GexfVersion::V1_2draft, GexfVersion::V1_3),
                         [](const auto& p) { return p.param == GexfVersion::V1_3 ? "v1_3" : "v1_2draft"; });

TEST(Gexf, Is12DraftByDefaultAnd13WhenAsked) {
  std::string xml = to_gexf(test::fixture_view());
  EXPECT_NE(xml.find("<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""),
            std::string::npos);
  EXPECT_NE(xml.find("version=\"1.2\">"), std::string::npos);
  EXPECT_EQ(xml.find("gexf.net/1.3"), std::string::npos);
  Options options;
  options.gexf_version = GexfVersion::V1_3;
  std::string v13 = to_gexf(test::fixture_view(), options);
  EXPECT_NE(v13.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""), std::string::npos);
  EXPECT_NE(v13.find("version=\"1.3\">"), std::string::npos);
  EXPECT_EQ(v13.find("1.2draft"), std::string::npos);
  // Past the root element the two are the same file.
  EXPECT_EQ(xml.substr(xml.find("<meta>")), v13.substr(v13.find("<meta>")));
  EXPECT_EQ(gexf_version_from_name("1.2draft"), GexfVersion::V1_2draft);
  EXPECT_EQ(gexf_version_from_name("1.3"), GexfVersion::V1_3);
  EXPECT_EQ(gexf_version_from_name("1.4"), std::nullopt);
}

TEST(Gexf, DeclaresEveryAttribute) {
  std::string xml = to_gexf(test::fixture_view());
  std::set<std::string> declared, used;
  std::regex attribute(R"re(<attribute id="([^"]+)")re"), value(R"re(<attvalue for="([^"]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), attribute), end; it != end; ++it) declared.insert((*it)[1]);
  for (std::sregex_iterator it(xml.begin(), xml.end(), value), end; it != end; ++it) used.insert((*it)[1]);
  ASSERT_FALSE(used.empty());
  for (const auto& k : used) EXPECT_TRUE(declared.count(k)) << "undeclared attribute " << k;
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(title="position" type="integer")re")));
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(title="big" type="long")re")));
  EXPECT_NE(xml.find("<viz:color r=\"225\" g=\"87\" b=\"89\"/>"), std::string::npos) << "measure colour";
}

}  // namespace
}  // namespace policykg::exports
