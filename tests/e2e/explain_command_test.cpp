// policykg explain on the real binary: the seed built in memory with its evidence, each fact with
// its words marked in the unit's text, JSON output, and a graph file built without evidence.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

using test::run_policykg;

const std::string kMeasure =
    "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/7/initiative/7/measure/11";

TEST(ExplainCommand, EachFactWithItsWordsMarked) {
  auto r = run_policykg({"explain", kMeasure});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // "In addition, Shunyi District shall rely on the platform of Beijing Industrial Finance Center …"
  EXPECT_NE(r.out.find("pol:responsibleParty Shunyi District (id:district/shunyi)\n"
                       "    by subject of shall: In addition, [[Shunyi District]] shall rely on"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("pol:dependsOn Beijing Industrial Finance Center (id:infrastructure/beijing-industrial-finance-center)\n"
                       "    by prerequisite cue: In addition, Shunyi District shall [[rely on the platform of Beijing "
                       "Industrial Finance Center]]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("pol:qualifiedResponsibility Shunyi District, implement"), std::string::npos) << r.out;
  // Beijing, inside the centre's name, is no place of the measure: no fact names it.
  EXPECT_EQ(r.out.find("id:region/beijing"), std::string::npos) << r.out;
}

TEST(ExplainCommand, JsonListsOffsetsWordsAndRules) {
  auto r = run_policykg({"explain", kMeasure, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& f : j.at("facts")) {
    EXPECT_LT(f.at("cueStart").get<long>(), f.at("cueEnd").get<long>());
    EXPECT_FALSE(f.at("rule").get<std::string>().empty());
    if (f.at("predicate") == "pol:sector") {
      EXPECT_EQ(f.at("words"), "finance");
      EXPECT_EQ(f.at("rule"), "sector keyword");
      found = true;
    }
  }
  EXPECT_TRUE(found) << r.out;
}

class ExplainFile : public test::TempFolderTest {};

TEST_F(ExplainFile, AGraphBuiltWithoutEvidenceSaysSo) {
  const auto plain = dir_ / "plain.nt", with = dir_ / "evidence.nt";
  ASSERT_EQ(run_policykg({"build", "-o", plain.string()}).exit_code, 0);
  ASSERT_EQ(run_policykg({"build", "--evidence", "-o", with.string()}).exit_code, 0);
  auto r = run_policykg({"explain", kMeasure, "--data", plain.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("build --evidence"), std::string::npos) << r.out;
  r = run_policykg({"explain", kMeasure, "--data", with.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[[Shunyi District]]"), std::string::npos) << r.out;
  // An unknown unit is one error, exit 1.
  r = run_policykg({"explain", "id:doc/no-such-document/measure/1", "--data", with.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no-such-document"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace policykg

namespace policykg {
namespace {

TEST(RolesInTraversals, ResponsibleAndDutiesPrintTheRole) {
  auto r = run_policykg({"responsible", "id:doc/state-council-reply-2019-beijing-service-sector-plan/provision/4/measure/2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Ministry of Finance (id:agency/ministry-of-finance), stated, as coordinate, supervise\n"),
            std::string::npos)
      << r.out;
  r = run_policykg({"duties", "Ministry of Finance", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& d : j.at("duties"))
    if (d.at("unit").at("iri").get<std::string>().ends_with("/provision/4/measure/2")) {
      EXPECT_EQ(d.at("roles"), nlohmann::json::array({"coordinate", "supervise"}));
      found = true;
    }
  EXPECT_TRUE(found) << r.out;
}

TEST(RolesInTraversals, InheritedResponsibilitySaysFromWhere) {
  // Task 2's first measure states no party: the plan's are inherited, from the plan.
  auto r = run_policykg({"responsible", "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/2/"
                                        "initiative/1/measure/1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(", inherited from id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace policykg
