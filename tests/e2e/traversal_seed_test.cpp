// The traversal commands on the seed (the graph built from data/documents/ in memory). Every
// expected answer was checked against the text of the 2019 reply and its annexed plan.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

const std::string kId = "https://w3id.org/policykg/id/";
const std::string kReply = kId + "doc/state-council-reply-2019-beijing-service-sector-plan";
const std::string kPlan = kReply + "/annex/1";

nlohmann::json run_json(std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  auto r = test::run_policykg(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

std::vector<std::string> iris(const nlohmann::json& list, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item[key]["iri"]);
  return out;
}

// "...; build a state-level fintech demonstration area; ..." continues the sentence whose subject
// is "Xicheng District shall".
TEST(TraversalSeed, XichengIsStatedForTheFintechDemonstrationArea) {
  auto j = run_json({"responsible", "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/7/initiative/7/measure/3"});
  ASSERT_EQ(j["responsible"].size(), 1u);
  EXPECT_EQ(j["responsible"][0]["party"]["iri"], kId + "district/xicheng");
  EXPECT_EQ(j["responsible"][0]["how"], "stated");
}

// "We shall, upon approval, ..." names nobody: the plan answers for it. The plan's parties come
// from reply articles III and IV and plan section III: the Beijing government, the relevant
// departments of the State Council, the Ministry of Finance and the Ministry of Commerce.
TEST(TraversalSeed, AWeShallMeasureInheritsThePlansParties) {
  auto j = run_json({"responsible", "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/2/initiative/1/measure/1"});
  EXPECT_EQ(iris(j["responsible"], "party"),
            (std::vector<std::string>{kId + "agency/ministry-of-commerce", kId + "agency/ministry-of-finance",
                                      kId + "agency/peoples-government-of-beijing-municipality",
                                      kId + "agency/relevant-departments-of-the-state-council"}));
  for (const auto& r : j["responsible"]) {
    EXPECT_EQ(r["how"], "inherited");
    EXPECT_EQ(r["route"].size(), 5u);  // up to the initiative, task, section II, the plan; then the party
    EXPECT_EQ(r["route"][3]["to"], kPlan);
  }
}

// Haidian District appears once: "Haidian District shall work to improve the state's financing
// technological innovation center, ..." in task 7.
TEST(TraversalSeed, HaidianHasOneDuty) {
  auto j = run_json({"duties", "Haidian District"});
  EXPECT_EQ(iris(j["duties"], "unit"), (std::vector<std::string>{kPlan + "/task/7/initiative/7/measure/5"}));
}

// Plan section III: No. 81 [2015] "shall continue to be effective" and, where inconsistent,
// "the latter [the Plan] shall prevail"; the sentence citing it references it.
TEST(TraversalSeed, ImpactOfTheEarlierReply) {
  auto j = run_json({"impact", "No. 81 [2015]"});
  std::set<std::pair<std::string, std::string>> got;
  for (const auto& i : j["impact"]) got.emplace(i["unit"]["iri"], i["how"]);
  EXPECT_TRUE(got.count({kPlan, "keeps in force"}));
  EXPECT_TRUE(got.count({kPlan, "prevails over it"}));
  EXPECT_TRUE(got.count({kPlan + "/section/3/measure/2", "references"}));
}

// Zhongguancun lies in Haidian District.
TEST(TraversalSeed, PathFromZhongguancunToHaidian) {
  auto j = run_json({"path", "Zhongguanchun", "Haidian"});
  ASSERT_EQ(j["length"], 1);
  EXPECT_EQ(j["route"][0]["predicate"], "https://w3id.org/policykg/ontology#locatedIn");
  EXPECT_EQ(j["route"][0]["direction"], "forward");
}

// "implement the municipal government's three-year action plan to further optimize its business
// environment" depends on that plan.
TEST(TraversalSeed, DependencyOnTheBusinessEnvironmentPlan) {
  auto j = run_json({"deps", "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/9/initiative/4/measure/2"});
  bool found = false;
  for (const auto& d : j["dependencies"])
    found = found || (d["unit"]["iri"] == kId + "doc/three-year-action-plan-to-further-optimize-its-business-environment" &&
                      d["depth"] == 1);
  EXPECT_TRUE(found) << j.dump(2);
}

}  // namespace
}  // namespace policykg
