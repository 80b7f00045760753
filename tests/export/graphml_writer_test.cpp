// GraphML read back by NetworkX: the same nodes, edges (parallel ones distinct), labels,
// predicate IRIs and typed attribute values; keys declared; yEd's label extension present.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using Json = nlohmann::json;
using test::kIdBase;
using test::kPolNs;

TEST(GraphMl, NetworkXReadsTheSameGraph) {
  auto view = test::fixture_view();
  Json g = test::read_with_networkx("graphml", to_graphml(view));
  EXPECT_TRUE(g["directed"].get<bool>());
  EXPECT_TRUE(g["multigraph"].get<bool>()) << "responsibleParty and mentions join the same two nodes";
  ASSERT_EQ(g["nodes"].size(), view.node_count());
  ASSERT_EQ(g["edges"].size(), view.edge_count());

  std::map<std::string, Json> by_iri;  // GraphML ids are n<k>; the IRI is data
  for (auto& [id, d] : g["nodes"].items()) by_iri[d["iri"].get<std::string>()] = d;
  for (auto [v, end] = boost::vertices(view.graph()); v != end; ++v) {
    const auto& n = view.node(*v);
    ASSERT_TRUE(by_iri.count(n.iri)) << n.iri;
    EXPECT_EQ(by_iri[n.iri]["label"], n.label);
    EXPECT_EQ(by_iri[n.iri]["class"], n.cls);
  }
  std::set<std::tuple<std::string, std::string, std::string>> edges;
  for (auto& e : g["edges"]) {
    std::string s = g["nodes"][e[0].get<std::string>()]["iri"], o = g["nodes"][e[1].get<std::string>()]["iri"];
    edges.emplace(s, e[2]["predicate"].get<std::string>(), o);
    EXPECT_FALSE(e[2]["label"].get<std::string>().empty());
  }
  EXPECT_EQ(edges, test::view_edges(view));

  const Json& m = by_iri[std::string(kIdBase) + "doc/plan/task/7/measure/1"];
  EXPECT_TRUE(m["position"].is_number_integer());
  EXPECT_EQ(m["position"], 1);
  EXPECT_EQ(m["sourceStart"], 1230);
  EXPECT_EQ(m["sourceEnd"], 1310);
  EXPECT_TRUE(m["weight"].is_number_float());
  EXPECT_DOUBLE_EQ(m["weight"].get<double>(), 0.75);
  EXPECT_EQ(m["pilot"], true);
  EXPECT_EQ(m["big"].get<long long>(), 9007199254740993LL);
  EXPECT_EQ(m["text"], "Allow foreign-funded \"performance brokerage\" institutions in Zhongguancun,\nupon approval.");
  EXPECT_EQ(m["classLabel"], "Measure");
  const Json& reply = by_iri[std::string(kIdBase) + "doc/reply"];
  EXPECT_EQ(reply["issued"], "2019-01-31");
  EXPECT_EQ(reply["validFor"], "P3Y");
  EXPECT_EQ(by_iri[std::string(kIdBase) + "agency/beijing"]["label"],
            "People's Government of \"Beijing\" \\ <Municipality> & 北京市");
  EXPECT_EQ(by_iri[std::string(kIdBase) + "zone/zhongguancun"]["altLabel"], "Zhongguanchun; 中关村");
}

TEST(GraphMl, KeysAreDeclaredWithTheirTypes) {
  std::string xml = to_graphml(test::fixture_view());
  std::set<std::string> declared, used;
  std::regex key(R"re(<key id="([^"]+)")re"), data(R"re(<data key="([^"]+)")re");
  for (std::sregex_iterator it(xml.begin(), xml.end(), key), end; it != end; ++it) declared.insert((*it)[1]);
  for (std::sregex_iterator it(xml.begin(), xml.end(), data), end; it != end; ++it) used.insert((*it)[1]);
  for (const auto& k : used) EXPECT_TRUE(declared.count(k)) << "undeclared key " << k;
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(attr.name="position" attr.type="int")re")));
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(attr.name="big" attr.type="long")re")));
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(attr.name="weight" attr.type="double")re")));
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(attr.name="pilot" attr.type="boolean")re")));
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(attr.name="text" attr.type="string")re")));
}

TEST(GraphMl, YedShowsLabelsAndColours) {
  auto view = test::fixture_view();
  std::string xml = to_graphml(view);
  EXPECT_NE(xml.find("xmlns:y=\"http://www.yworks.com/xml/graphml\""), std::string::npos);
  EXPECT_NE(xml.find("yfiles.type=\"nodegraphics\""), std::string::npos);
  EXPECT_NE(xml.find("yfiles.type=\"edgegraphics\""), std::string::npos);
  std::ptrdiff_t labels = 0, edge_labels = 0;
  for (std::size_t at = 0; (at = xml.find("<y:NodeLabel>", at)) != std::string::npos; ++at) ++labels;
  for (std::size_t at = 0; (at = xml.find("<y:EdgeLabel>", at)) != std::string::npos; ++at) ++edge_labels;
  EXPECT_EQ(labels, static_cast<std::ptrdiff_t>(view.node_count()));
  EXPECT_EQ(edge_labels, static_cast<std::ptrdiff_t>(view.edge_count()));
  EXPECT_NE(xml.find("<y:NodeLabel>Zhongguancun</y:NodeLabel>"), std::string::npos);
  EXPECT_NE(xml.find("<y:Fill color=\"#e15759\""), std::string::npos) << "measures in the measure colour";
}

}  // namespace
}  // namespace policykg::exports
