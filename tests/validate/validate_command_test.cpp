// `policykg validate` and `policykg stats` on the real binary: output, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"
#include "tests/validate/validate_fixture.hpp"

namespace policykg {
namespace {

struct Run {
  int status = -1;
  std::string out;
};

// Runs the binary with `args` (words split at spaces), from the source tree.
Run policykg(const std::string& args) {
  std::vector<std::string> words;
  std::istringstream in(args);
  for (std::string w; in >> w;) words.push_back(w);
  auto r = test::run_policykg(words);
  return {r.exit_code, r.out};
}

TEST(ValidateCommand, ConformingGraphExitsZero) {
  auto r = policykg("validate " + test::data_file("valid-graph.ttl"));
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.out.starts_with("conforms: ")) << r.out;
}

TEST(ValidateCommand, ViolationsExitOneWithOneLineEachAndASummary) {
  auto r = policykg("validate --data " + test::data_file("broken-graph.ttl"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("id:zone/zhongguancun  pol:locatedIn  a zone is located in a district or a region"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\ndoes not conform: 29 results"), std::string::npos) << r.out;
}

TEST(ValidateCommand, JsonAndTurtleReports) {
  auto json = policykg("validate --format json " + test::data_file("broken-graph.ttl"));
  EXPECT_EQ(json.status, 1);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["conforms"], false);
  EXPECT_EQ(j["violations"].size(), 29u);
  auto ttl = policykg("validate --format turtle " + test::data_file("broken-graph.ttl"));
  EXPECT_EQ(ttl.status, 1);
  rdf::Model m;
  m.load_string(ttl.out, rdf::Format::Turtle);
  EXPECT_EQ(m.find({std::nullopt, rdf::Term::iri("http://www.w3.org/ns/shacl#result"), std::nullopt}).size(), 29u);
}

TEST(ValidateCommand, UsageErrorsExitTwo) {
  EXPECT_EQ(policykg("validate --format xml " + test::data_file("valid-graph.ttl")).status, 2);
  EXPECT_EQ(policykg("validate /nonexistent/graph.ttl").status, 2);
  EXPECT_EQ(policykg("validate " + test::data_file("valid-graph.ttl") + " --store memory").status, 2);
}

TEST(ValidateCommand, UnreadableShapesExitOne) {
  auto bad = std::filesystem::temp_directory_path() / ("policykg-bad-shapes-" + std::to_string(::getpid()) + ".ttl");
  { std::ofstream(bad) << "ex:S a sh:NodeShape ;;; ."; }
  EXPECT_EQ(policykg("validate --shapes " + bad.string() + " " + test::data_file("valid-graph.ttl")).status, 1);
  std::filesystem::remove(bad);
}

TEST(StatsCommand, TableAndJson) {
  auto table = policykg("stats --data " + test::data_file("valid-graph.ttl"));
  EXPECT_EQ(table.status, 0);
  EXPECT_TRUE(table.out.starts_with("triples    117\n")) << table.out;
  EXPECT_NE(table.out.find("  3  pol:Measure\n"), std::string::npos) << table.out;
  auto json = policykg("stats --format json --data " + test::data_file("valid-graph.ttl"));
  EXPECT_EQ(json.status, 0);
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["triples"], 117);
  EXPECT_EQ(j["instances"], 17);
  EXPECT_EQ(policykg("stats --format csv").status, 2);
}

}  // namespace
}  // namespace policykg
