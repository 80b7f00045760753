// query::shortest_path: fewest edges in either direction, each hop with its direction.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "query/traversal/traversal.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::v;

TEST(Path, MixedDirections) {
  const auto& view = test::traversal_view();
  auto r = query::shortest_path(view, v("zone/zhongguancun"), v("district/xicheng"));
  ASSERT_TRUE(r);
  // zone <-appliesTo- measure 2 -dependsOn-> measure 1 -responsibleParty-> Xicheng
  EXPECT_EQ(query::route_text(view, *r, test::kBase),
            "id:zone/zhongguancun <--pol:appliesTo-- id:doc/plan/task/7/initiative/7/measure/2"
            " --pol:dependsOn--> id:doc/plan/task/7/initiative/7/measure/1"
            " --pol:responsibleParty--> id:district/xicheng");
  EXPECT_FALSE(r->hops[0].forward);
  EXPECT_TRUE(r->hops[2].forward);
}

TEST(Path, SameVertexIsEmptyAndUnconnectedIsNone) {
  const auto& view = test::traversal_view();
  auto same = query::shortest_path(view, v("district/haidian"), v("district/haidian"));
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->empty());
  std::vector<rdf::Triple> t = {
      {rdf::Term::iri("http://e/a"), rdf::Term::iri("http://e/p"), rdf::Term::iri("http://e/b")},
      {rdf::Term::iri("http://e/c"), rdf::Term::iri("http://e/p"), rdf::Term::iri("http://e/d")}};
  query::GraphView split(t);
  EXPECT_FALSE(query::shortest_path(split, *split.vertex("http://e/a"), *split.vertex("http://e/d")));
}

TEST(Path, PredicatesRestrictTheEdges) {
  const auto& view = test::traversal_view();
  std::set<std::string> only{std::string(std_terms::dcterms_isPartOf)};
  auto r = query::shortest_path(view, v("doc/plan/task/7/initiative/7/measure/2"), v("doc/plan/task/9"), only);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 4u);  // up to section 2 and down again
  for (const auto& hop : r->hops) EXPECT_EQ(hop.predicate, std_terms::dcterms_isPartOf);
  EXPECT_FALSE(query::shortest_path(view, v("district/haidian"), v("doc/plan"), only));
}

}  // namespace
}  // namespace policykg
