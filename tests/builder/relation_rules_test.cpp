// Relations on the seed and on documents of the same family.
#include <gtest/gtest.h>

#include "graph.hpp"

using policykg::test::Graph;

namespace {
const Graph& seed() {
  static Graph g = policykg::test::build({policykg::test::seed_file()});
  return g;
}
const std::string R = "id:doc/state-council-reply-2019-beijing-service-sector-plan";
const std::string P = R + "/annex/1";
}  // namespace

TEST(RelationRules, ReplyFacts) {
  const Graph& g = seed();
  EXPECT_TRUE(g.has(R, "a", "pol:OfficialReply"));
  EXPECT_TRUE(g.has(R, "pol:approves", P));
  EXPECT_TRUE(g.has(R, "pol:hasAnnex", P));
  EXPECT_TRUE(g.has(R, "pol:hasAnnex", R + "/annex/2"));
  EXPECT_TRUE(g.has(R, "pol:issuedBy", "id:agency/state-council"));
  EXPECT_EQ(g.object_values(R, "pol:addressedTo"),
            (std::set<std::string>{policykg::test::expand("id:agency/ministry-of-commerce"),
                                   policykg::test::expand("id:agency/peoples-government-of-beijing-municipality")}));
  EXPECT_EQ(g.one(R, "pol:validFor"), "P3Y");
  EXPECT_EQ(g.one(R, "http://purl.org/dc/terms/issued"), "2019-01-31");
  EXPECT_EQ(g.one(R, "pol:publishedOn"), "2020-12-23");
  // Annex 2: cited, titled, without units.
  EXPECT_TRUE(g.subjects("http://purl.org/dc/terms/isPartOf", R + "/annex/2").empty());
}

TEST(RelationRules, ResponsibilityJointTogetherPassiveAndPlanLevel) {
  const Graph& g = seed();
  const std::string t7 = P + "/task/7/initiative/7/measure/";
  EXPECT_TRUE(g.has(t7 + "1", "pol:responsibleParty", "id:district/xicheng"));
  EXPECT_TRUE(g.has(t7 + "4", "pol:responsibleParty", "id:district/xicheng"));  // carried to later clauses
  EXPECT_TRUE(g.has(t7 + "6", "pol:responsibleParty", "id:district/dongcheng"));
  EXPECT_TRUE(g.has(t7 + "6", "pol:responsibleParty", "id:district/chaoyang"));
  EXPECT_TRUE(g.has(t7 + "1", "pol:appliesTo", "id:district/xicheng"));
  EXPECT_TRUE(g.has(R + "/provision/4/measure/2", "pol:responsibleParty", "id:agency/ministry-of-finance"));
  EXPECT_TRUE(g.has(R + "/provision/5/measure/1", "pol:responsibleParty", "id:agency/state-council"));  // "by"
  EXPECT_TRUE(g.object_values(P + "/task/1/measure/1", "pol:responsibleParty").empty());  // "We shall"
  EXPECT_TRUE(g.has(P, "pol:responsibleParty", "id:agency/peoples-government-of-beijing-municipality"));
  EXPECT_TRUE(g.has(P, "pol:responsibleParty", "id:agency/ministry-of-commerce"));
  // Subjects inside a cited title are not responsible.
  EXPECT_TRUE(g.object_values(P + "/section/3/measure/2", "pol:responsibleParty").empty());
}

TEST(RelationRules, DocumentsForceDependenciesConditions) {
  const Graph& g = seed();
  for (std::string d : {"id:doc/state-council-2015-81", "id:doc/state-council-2017-86"}) {
    EXPECT_TRUE(g.has(P, "pol:keepsInForce", d));
    EXPECT_TRUE(g.has(P, "pol:prevailsOver", d));
    EXPECT_TRUE(g.has(d, "a", "pol:OfficialReply"));
    EXPECT_TRUE(g.has(P + "/section/3/measure/2", "pol:references", d));
  }
  EXPECT_EQ(g.one("id:doc/state-council-2017-86", "http://purl.org/dc/terms/identifier"), "No. 86 [2017]");
  EXPECT_TRUE(g.has(R + "/provision/5/measure/2", "pol:dependsOn", P));  // "in accordance with the Plan"
  EXPECT_TRUE(g.has(P + "/task/9/initiative/5/measure/4", "pol:dependsOn", "id:doc/zhongguancun-talent-measures"));
  // "based on the credit commitment system": no measure builds it in those words ("a credit
  // supervision system centered on credit commitment" is another system): the system itself.
  EXPECT_FALSE(g.has(P + "/task/9/initiative/4/measure/5", "pol:dependsOn", P + "/task/9/initiative/6/measure/8"));
  EXPECT_TRUE(g.has(P + "/task/9/initiative/4/measure/5", "pol:dependsOn", "id:infrastructure/credit-commitment-system"));
  // "based on the nationwide credit information sharing platform": built by no measure.
  const std::string platform = "id:infrastructure/nationwide-credit-information-sharing-platform";
  EXPECT_TRUE(g.has(P + "/task/9/initiative/6/measure/8", "pol:dependsOn", platform));
  EXPECT_TRUE(g.has(platform, "a", "pol:Infrastructure"));
  EXPECT_EQ(g.one(platform, "http://www.w3.org/2000/01/rdf-schema#label"),
            "nationwide credit information sharing platform");
  EXPECT_TRUE(g.has(P + "/task/2/initiative/1/measure/1", "pol:condition", "upon approval"));
  EXPECT_TRUE(g.has(P + "/task/7/initiative/5/measure/1", "pol:condition", "in accordance with laws and regulations"));
}

TEST(RelationRules, EntitiesOneIriWhateverTheSpelling) {
  const Graph& g = seed();
  auto alt = g.object_values("id:zone/zhongguancun", "http://www.w3.org/2004/02/skos/core#altLabel");
  EXPECT_TRUE(alt.count("Zhongguanchun"));
  EXPECT_TRUE(alt.count("Zhonggunchun"));
  EXPECT_TRUE(g.has("id:zone/zhongguancun", "pol:locatedIn", "id:district/haidian"));
  EXPECT_TRUE(g.has("id:zone/tongzhou-canal-business-district", "a", "pol:Zone"));
  EXPECT_TRUE(g.has("id:agency/ministry-of-commerce", "http://www.w3.org/ns/org#subOrganizationOf", "id:agency/state-council"));
  EXPECT_TRUE(g.has("id:zone/xiongan-new-area", "pol:locatedIn", "id:region/hebei"));
}

TEST(RelationRules, AnotherReplyGeneralises) {
  Graph g = policykg::test::build({policykg::test::test_data("state-council-reply-2021-shanghai-pudong-plan.txt")});
  const std::string r = "id:doc/state-council-reply-2021-shanghai-pudong-plan";
  EXPECT_TRUE(g.has(r, "pol:addressedTo", "id:agency/peoples-government-of-shanghai-municipality"));
  EXPECT_TRUE(g.has(r, "pol:addressedTo", "id:agency/ministry-of-culture-and-tourism"));
  EXPECT_EQ(g.one(r, "pol:validFor"), "P2Y");
  EXPECT_TRUE(g.has(r, "pol:approves", r + "/annex/1"));
  EXPECT_TRUE(g.has(r + "/provision/3/measure/1", "pol:responsibleParty", "id:agency/ministry-of-ecology-and-environment"));
  EXPECT_TRUE(g.has(r + "/provision/3/measure/1", "pol:responsibleParty", "id:agency/shanghai-municipal-commission-of-commerce"));
  EXPECT_TRUE(g.has(r + "/annex/1/task/1/initiative/1/measure/1", "pol:responsibleParty", "id:district/minhang"));
  EXPECT_TRUE(g.has(r + "/annex/1/task/1/initiative/1/measure/2", "pol:appliesTo", "id:zone/pudong-new-area"));
  // "Guo Han [2019] No. 68" and "No. 68 [2019], the State Council" are one document.
  EXPECT_TRUE(g.has(r + "/annex/1", "pol:prevailsOver", "id:doc/state-council-2019-68"));
  EXPECT_TRUE(g.has(r, "pol:keepsInForce", "id:doc/state-council-2019-68"));
  EXPECT_EQ(g.of_type("pol:Task").size(), 2u);
  // A prerequisite some measure builds, and one no measure builds.
  const std::string trade = r + "/annex/1/task/2/initiative/2/measure/";
  EXPECT_TRUE(g.has(trade + "1", "pol:dependsOn", r + "/annex/1/task/1/initiative/1/measure/1"));
  EXPECT_TRUE(g.has(trade + "2", "pol:dependsOn", "id:infrastructure/national-export-credit-insurance-information-system"));
  EXPECT_EQ(g.of_type("pol:Infrastructure").size(), 1u);
}

TEST(RelationRules, ValidityIsTheFirstCueWithANumberAndAUnit) {
  auto reply = [](const std::string& article) {
    return "Official Reply of the State Council to the Plan for Testing\n\nThe People's Government of Hainan "
           "Province:\n\nI. The Plan is hereby approved " + article + "\n\nState Council\n\nJune 18, 2021\n";
  };
  const std::string r = "id:doc/test";
  // A cue inside a longer word is no cue; a later one is read.
  Graph g = policykg::test::build_string(reply("though invalid for 9 years, and valid for 18 months."));
  EXPECT_EQ(g.one(r, "pol:validFor"), "P18M");
  // A number too large to be a period is skipped, not a failure.
  g = policykg::test::build_string(reply("for a period of 99999999999999999999 years."));
  EXPECT_TRUE(g.objects(r, "pol:validFor").empty());
}
