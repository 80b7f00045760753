// query::GraphView: nodes, bundled properties, the IRI index, predicate and class filters,
// subgraphs and neighbourhoods.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "query/traversal/graph_view.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using query::GraphView;
using test::id;

rdf::Model turtle(const std::string& text) {
  rdf::Model m;
  m.load_string("@prefix ex: <http://example.org/> .\n"
                "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                "@prefix pol: <https://w3id.org/policykg/ontology#> .\n" + text,
                rdf::Format::Turtle, "http://example.org/");
  return m;
}

TEST(GraphView, NodesCarryLabelClassTypesAndAttributes) {
  auto m = turtle(
      "ex:reply a pol:OfficialReply, pol:Document ; rdfs:label \"B\"@en, \"A\"@en ;\n"
      "  ex:number 7 ; ex:approves ex:plan .\n"
      "ex:plan a pol:Plan .");
  GraphView view(m);
  ASSERT_EQ(view.node_count(), 2u);
  ASSERT_EQ(view.edge_count(), 1u);
  auto reply = view.vertex("http://example.org/reply");
  ASSERT_TRUE(reply);
  const auto& n = view.node(*reply);
  EXPECT_EQ(n.label, "A");  // first label in sorted order
  EXPECT_EQ(n.cls, pol::OfficialReply);  // more specific than pol:Document
  EXPECT_EQ(n.types, (std::vector<std::string>{std::string(pol::Document), std::string(pol::OfficialReply)}));
  ASSERT_EQ(view.attribute(*reply, "http://example.org/number").size(), 1u);
  EXPECT_EQ(view.attribute(*reply, "http://example.org/number")[0].value, "7");
  EXPECT_EQ(view.attribute(*reply, std_terms::rdfs_label).size(), 2u);
  EXPECT_TRUE(view.attribute(*reply, "http://example.org/none").empty());
  EXPECT_TRUE(view.has_type(*reply, pol::Document));
  EXPECT_FALSE(view.has_type(*reply, pol::Plan));
  // An unlabelled node is named after the IRI's last segment.
  EXPECT_EQ(view.node(*view.vertex("http://example.org/plan")).label, "plan");
  auto [e, end] = boost::out_edges(*reply, view.graph());
  ASSERT_NE(e, end);
  EXPECT_EQ(view.graph()[*e].predicate, "http://example.org/approves");
  EXPECT_EQ(view.graph()[*e].label, "approves");
  EXPECT_FALSE(view.vertex("http://example.org/missing"));
}

TEST(GraphView, SubclassTriplesDecideTheMostSpecificClass) {
  auto m = turtle("ex:Special rdfs:subClassOf ex:General .\nex:x a ex:General, ex:Special .");
  GraphView view(m);
  EXPECT_EQ(view.node(*view.vertex("http://example.org/x")).cls, "http://example.org/Special");
}

TEST(GraphView, PredicateLabelsComeFromTheData) {
  auto m = turtle("ex:p rdfs:label \"is linked to\" .\nex:a ex:p ex:b .");
  GraphView view(m);
  auto a = *view.vertex("http://example.org/a");
  auto [e, end] = boost::out_edges(a, view.graph());
  ASSERT_NE(e, end);
  EXPECT_EQ(view.graph()[*e].label, "is linked to");
}

TEST(GraphView, BlankNodesAreVerticesAndLiteralsAreNot) {
  auto m = turtle("ex:a ex:p [ ex:q ex:b ] ; ex:name \"a\" .");
  GraphView view(m);
  EXPECT_EQ(view.node_count(), 3u);  // a, the blank node, b
  EXPECT_EQ(view.edge_count(), 2u);
  int blanks = 0;
  for (query::Vertex x = 0; x < view.node_count(); ++x) blanks += view.node(x).iri.starts_with("_:");
  EXPECT_EQ(blanks, 1);
}

TEST(GraphView, PredicateFilterKeepsOnlyChosenEdges) {
  query::ViewOptions options;
  options.predicates = {std::string(std_terms::dcterms_isPartOf)};
  rdf::Model m;
  m.load_file(std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl");
  GraphView view(m, options);
  for (auto [e, end] = boost::edges(view.graph()); e != end; ++e)
    EXPECT_EQ(view.graph()[*e].predicate, std_terms::dcterms_isPartOf);
  // 2 provisions, 2 sections, 3 tasks, 3 initiatives, 9 measures.
  EXPECT_EQ(view.edge_count(), 19u);
}

TEST(GraphView, ClassFilterKeepsOnlyChosenNodes) {
  query::ViewOptions options;
  options.classes = {std::string(pol::Agency)};
  rdf::Model m;
  m.load_file(std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl");
  GraphView view(m, options);
  EXPECT_EQ(view.node_count(), 5u);
  EXPECT_EQ(view.edge_count(), 3u);  // the org:subOrganizationOf edges among agencies
  EXPECT_FALSE(view.vertex(id("district/haidian")));
}

TEST(GraphView, VerticesFollowIriOrderWhateverTheInputOrder) {
  std::vector<rdf::Triple> triples = {
      {rdf::Term::iri("http://example.org/z"), rdf::Term::iri("http://example.org/p"), rdf::Term::iri("http://example.org/a")},
      {rdf::Term::iri("http://example.org/m"), rdf::Term::iri("http://example.org/p"), rdf::Term::iri("http://example.org/z")},
  };
  GraphView view(triples);
  ASSERT_EQ(view.node_count(), 3u);
  EXPECT_EQ(view.node(0).iri, "http://example.org/a");
  EXPECT_EQ(view.node(1).iri, "http://example.org/m");
  EXPECT_EQ(view.node(2).iri, "http://example.org/z");
}

TEST(GraphView, NeighbourhoodKeepsNodesWithinHopsInEitherDirection) {
  const auto& view = test::traversal_view();
  auto near = query::neighbourhood(view, test::v("zone/zhongguancun"), 1);
  // The zone, Haidian (locatedIn) and measure 2 (appliesTo, pointing at the zone).
  EXPECT_EQ(near.node_count(), 3u);
  EXPECT_TRUE(near.vertex(id("district/haidian")));
  EXPECT_TRUE(near.vertex(id("doc/plan/task/7/initiative/7/measure/2")));
  EXPECT_EQ(near.edge_count(), 3u);  // locatedIn, appliesTo, and measure 2's responsibleParty
  auto two = query::neighbourhood(view, test::v("zone/zhongguancun"), 2);
  EXPECT_TRUE(two.vertex(id("doc/plan/task/7/initiative/7")));
  EXPECT_FALSE(two.vertex(id("doc/plan/task/7")));
  // Node data travels with the copy.
  EXPECT_EQ(near.node(*near.vertex(id("district/haidian"))).label, "Haidian District");
}

TEST(GraphView, SubgraphKeepsOnlyEdgesBetweenKeptNodes) {
  const auto& view = test::traversal_view();
  auto sub = query::subgraph(view, {test::v("agency/ministry-of-commerce"), test::v("agency/state-council"),
                                    test::v("district/haidian")});
  EXPECT_EQ(sub.node_count(), 3u);
  EXPECT_EQ(sub.edge_count(), 1u);
}

}  // namespace
}  // namespace policykg
