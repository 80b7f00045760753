// query::EntityResolver: IRIs, prefixed names and labels; unknown and ambiguous names list
// candidates.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::v;

query::EntityResolver resolver() { return query::EntityResolver(test::traversal_view(), test::kBase); }

std::string error_of(const std::string& entity) {
  try {
    resolver().resolve(entity);
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Input);
    return e.describe();
  }
  return "(resolved)";
}

TEST(EntityResolver, IrisAndPrefixedNames) {
  auto r = resolver();
  EXPECT_EQ(r.resolve(test::id("district/haidian")), v("district/haidian"));
  EXPECT_EQ(r.resolve("<" + test::id("district/haidian") + ">"), v("district/haidian"));
  EXPECT_EQ(r.resolve("id:district/haidian"), v("district/haidian"));
  EXPECT_EQ(r.expand("pol:Measure"), "https://w3id.org/policykg/ontology#Measure");
  EXPECT_EQ(r.expand("org:subOrganizationOf"), "http://www.w3.org/ns/org#subOrganizationOf");
  EXPECT_EQ(r.expand("Haidian District"), "");
  EXPECT_EQ(r.expand("unknownprefix:x"), "");
}

TEST(EntityResolver, LabelsCaseAndSpacingAside) {
  auto r = resolver();
  EXPECT_EQ(r.resolve("Haidian District"), v("district/haidian"));
  EXPECT_EQ(r.resolve("  haidian   DISTRICT "), v("district/haidian"));
  EXPECT_EQ(r.resolve("Zhongguanchun"), v("zone/zhongguancun"));  // skos:altLabel, misspelt
  EXPECT_EQ(r.resolve("mofcom"), v("agency/ministry-of-commerce"));
  EXPECT_EQ(r.resolve("No. 81 [2015]"), v("doc/no-81-2015"));  // dcterms:identifier
}

TEST(EntityResolver, UnknownLabelListsNearest) {
  auto e = error_of("Haidain District");
  EXPECT_NE(e.find("entity \"Haidain District\": no resource has this label"), std::string::npos) << e;
  EXPECT_NE(e.find("nearest labels: \"Haidian District\" (id:district/haidian)"), std::string::npos) << e;
}

TEST(EntityResolver, AnyRunOfWholeWordsThatOneResourceHas) {
  auto r = resolver();
  EXPECT_EQ(r.resolve("performance brokerage"), v("doc/plan/task/2/initiative/1/measure/1"));
  EXPECT_EQ(r.resolve("Trade in Services."), v("agency/department-of-trade"));
  // Words of several labels list them, in IRI order; part of a word is not a word.
  auto c = error_of("Ministry");
  EXPECT_NE(c.find("2 resources have these words in their labels: \"Ministry of Commerce\" "
                   "(id:agency/ministry-of-commerce), \"Ministry of Finance\" (id:agency/ministry-of-finance)"),
            std::string::npos)
      << c;
  EXPECT_NE(error_of("brokerage institution").find("no resource"), std::string::npos);
  // Every word found, but not side by side: the ranked answers are offered.
  auto apart = error_of("institutions performance");
  EXPECT_NE(apart.find("no resource has these words side by side; best matches: \"allow performance brokerage "
                       "institutions\""),
            std::string::npos)
      << apart;
}

TEST(EntityResolver, AmbiguousLabelListsCandidates) {
  auto e = error_of("build a demonstration area");
  EXPECT_NE(e.find("ambiguous label, 2 resources have it: \"build a demonstration area\" "
                   "(id:doc/plan/task/7/initiative/7/measure/4), \"build a demonstration area\" "
                   "(id:doc/plan/task/7/initiative/7/measure/5)"),
            std::string::npos)
      << e;
}

TEST(EntityResolver, UnknownIriSaysSo) {
  auto e = error_of("id:district/haidain");
  EXPECT_NE(e.find("no resource <https://w3id.org/policykg/id/district/haidain> in the graph"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("nearest: \"Haidian District\" (id:district/haidian)"), std::string::npos) << e;
}

TEST(EntityResolver, EditDistanceAndFolding) {
  EXPECT_EQ(query::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(query::edit_distance("", "abc"), 3u);
  EXPECT_EQ(query::fold_label("  Plan  for\tThe  Pilot "), "plan for the pilot");
  EXPECT_EQ(query::fold_label("Haidian\u00a0 District\u00a0"), "haidian district");
}

}  // namespace
}  // namespace policykg
