// query/route: compact IRIs, natural order, route text and JSON.
#include <gtest/gtest.h>

#include "query/traversal/route.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

TEST(Route, CompactIri) {
  EXPECT_EQ(query::compact_iri("https://w3id.org/policykg/id/district/haidian", test::kBase), "id:district/haidian");
  EXPECT_EQ(query::compact_iri("https://w3id.org/policykg/ontology#dependsOn", test::kBase), "pol:dependsOn");
  EXPECT_EQ(query::compact_iri("http://purl.org/dc/terms/isPartOf", test::kBase), "dcterms:isPartOf");
  EXPECT_EQ(query::compact_iri("http://example.org/x", test::kBase), "<http://example.org/x>");
  EXPECT_EQ(query::compact_iri("_:b1", test::kBase), "_:b1");
}

TEST(Route, NaturalOrder) {
  EXPECT_TRUE(query::natural_less("measure/2", "measure/10"));
  EXPECT_FALSE(query::natural_less("measure/10", "measure/2"));
  EXPECT_TRUE(query::natural_less("task/7/m/1", "task/7/m/1/x"));
  EXPECT_TRUE(query::natural_less("a", "b"));
  EXPECT_FALSE(query::natural_less("a", "a"));
}

TEST(Route, Json) {
  const auto& view = test::traversal_view();
  query::Route r;
  r.hops.push_back({test::v("zone/zhongguancun"), test::v("district/haidian"),
                    "https://w3id.org/policykg/ontology#locatedIn", true});
  auto j = query::route_json(view, r);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["from"], test::id("zone/zhongguancun"));
  EXPECT_EQ(j[0]["to"], test::id("district/haidian"));
  EXPECT_EQ(j[0]["direction"], "forward");
  EXPECT_EQ(j[0]["label"], "locatedIn");
  EXPECT_EQ(query::node_json(view, test::v("district/haidian"))["label"], "Haidian District");
}

}  // namespace
}  // namespace policykg
