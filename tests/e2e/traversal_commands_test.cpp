// The traversal commands (responsible, duties, deps, path, impact) on the real binary, over the
// traversal fixture: text and JSON output, entity names, exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

using test::run_policykg;

const std::string kData = std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl";
const std::string kBase = "https://w3id.org/policykg/id/";
const std::string kInit = "id:doc/plan/task/7/initiative/7/";

test::RunResult run(std::vector<std::string> args) {
  args.push_back("--data");
  args.push_back(kData);
  return run_policykg(args);
}

nlohmann::json json_of(std::vector<std::string> args) {
  args.push_back("--format");
  args.push_back("json");
  auto r = run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(TraversalCommands, ResponsibleTextShowsPartyAndRoute) {
  auto r = run({"responsible", "id:doc/plan/task/2/initiative/1/measure/1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Responsible for allow performance brokerage institutions (id:doc/plan/task/2/initiative/1/measure/1): 1\n"
            "  Ministry of Commerce (id:agency/ministry-of-commerce), inherited from id:doc/plan/task/2/initiative/1\n"
            "    id:doc/plan/task/2/initiative/1/measure/1 --dcterms:isPartOf--> id:doc/plan/task/2/initiative/1"
            " --pol:responsibleParty--> id:agency/ministry-of-commerce\n");
  EXPECT_EQ(r.err, "");
}

TEST(TraversalCommands, ResponsibleJsonByLabel) {
  auto j = json_of({"responsible", "Plan for the Pilot Program"});
  EXPECT_EQ(j["entity"]["iri"], kBase + "doc/plan");
  ASSERT_EQ(j["responsible"].size(), 2u);
  EXPECT_EQ(j["responsible"][0]["party"]["iri"], kBase + "agency/beijing");
  EXPECT_EQ(j["responsible"][0]["party"]["label"], "People's Government of Beijing Municipality");
  EXPECT_EQ(j["responsible"][0]["how"], "approval");
  EXPECT_EQ(j["responsible"][0]["route"][0]["predicate"], "https://w3id.org/policykg/ontology#approves");
  EXPECT_EQ(j["responsible"][0]["route"][0]["direction"], "backward");
}

TEST(TraversalCommands, DutiesIncludeSub) {
  auto plain = json_of({"duties", "State Council"});
  EXPECT_TRUE(plain["duties"].empty());
  auto j = json_of({"duties", "State Council", "--include-sub"});
  ASSERT_EQ(j["duties"].size(), 3u);
  EXPECT_EQ(j["duties"][2]["unit"]["iri"], kBase + "doc/reply/provision/5");
  EXPECT_EQ(j["duties"][2]["party"]["iri"], kBase + "agency/department-of-trade");
  EXPECT_EQ(j["duties"][2]["route"].size(), 3u);
  auto r = run({"duties", "MOFCOM", "--include-sub"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Duties of Ministry of Commerce (id:agency/ministry-of-commerce) and its sub-organisations: 2\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    by Department of Trade in Services (id:agency/department-of-trade)\n"), std::string::npos)
      << r.out;
}

TEST(TraversalCommands, DepsReverseDepthAndCycles) {
  auto r = run({"deps", kInit + "measure/1", "--reverse", "--depth", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("What depends on improve financial management (" + kInit + "measure/1) (depth 2): 2\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("measure/11"), std::string::npos) << r.out;  // three edges away
  auto c = run({"deps", kInit + "measure/4"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("Cycles: 1\n  " + kInit + "measure/4 --pol:dependsOn--> " + kInit +
                       "measure/5 --pol:dependsOn--> " + kInit + "measure/4\n"),
            std::string::npos)
      << c.out;
  auto j = json_of({"deps", kInit + "measure/11"});
  ASSERT_EQ(j["dependencies"].size(), 4u);
  EXPECT_EQ(j["dependencies"][3]["depth"], 3);
  EXPECT_TRUE(j["cycles"].empty());
}

TEST(TraversalCommands, PathShowsArrowsAndLabels) {
  auto r = run({"path", "Zhongguanchun", "xicheng district"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Path from Zhongguancun (id:zone/zhongguancun) to Xicheng District (id:district/xicheng): 3 edges\n"
            "  Zhongguancun (id:zone/zhongguancun)\n"
            "  <--pol:appliesTo-- support angel investment (" + kInit + "measure/2)\n"
            "  --pol:dependsOn--> improve financial management (" + kInit + "measure/1)\n"
            "  --pol:responsibleParty--> Xicheng District (id:district/xicheng)\n");
  auto via = json_of({"path", "Haidian District", "Plan for the Pilot Program", "--via", "dcterms:isPartOf"});
  EXPECT_TRUE(via["route"].is_null());
  EXPECT_TRUE(via["length"].is_null());
}

TEST(TraversalCommands, ImpactOfTheEarlierReply) {
  auto j = json_of({"impact", "No. 81 [2015]"});
  ASSERT_EQ(j["impact"].size(), 5u);
  EXPECT_EQ(j["impact"][0]["unit"]["iri"], kBase + "doc/plan");
  EXPECT_EQ(j["impact"][0]["how"], "keeps in force");
  EXPECT_EQ(j["impact"][4]["how"], "depends on an affected unit");
  EXPECT_EQ(j["impact"][4]["route"].size(), 2u);
}

TEST(TraversalCommands, UnknownAndAmbiguousNamesFailWithCandidates) {
  auto unknown = run({"responsible", "Haidain District"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(std::count(unknown.err.begin(), unknown.err.end(), '\n'), 1) << unknown.err;
  EXPECT_NE(unknown.err.find("nearest labels: \"Haidian District\" (id:district/haidian)"), std::string::npos)
      << unknown.err;
  auto ambiguous = run({"deps", "build a demonstration area"});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.err.find("ambiguous label, 2 resources"), std::string::npos) << ambiguous.err;
}

TEST(TraversalCommands, UsageErrorsExitTwoAndHelpZero) {
  EXPECT_EQ(run({"responsible"}).exit_code, 2);
  EXPECT_EQ(run({"path", "Haidian District"}).exit_code, 2);
  EXPECT_EQ(run({"deps", "MOFCOM", "--depth", "x"}).exit_code, 2);
  EXPECT_EQ(run({"impact", "MOFCOM", "--format", "xml"}).exit_code, 2);
  for (const char* cmd : {"responsible", "duties", "deps", "path", "impact"}) {
    auto help = run_policykg({cmd, "--help"});
    EXPECT_EQ(help.exit_code, 0) << cmd;
    EXPECT_NE(help.out.find("--format"), std::string::npos) << cmd;
  }
}

}  // namespace
}  // namespace policykg
