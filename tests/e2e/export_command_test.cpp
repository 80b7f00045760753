// policykg export on the real binary over the export fixture: every format to standard output
// and to files, csv's two files, focus and filters, determinism, exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_policykg;

const std::string kData = std::string(POLICYKG_SOURCE_DIR) + "/tests/export/data/small.ttl";

test::RunResult run(std::vector<std::string> args) {
  args.insert(args.begin(), "export");
  args.push_back("--data");
  args.push_back(kData);
  return run_policykg(args);
}

fs::path temp_dir() {
  static int n = 0;
  auto dir = fs::temp_directory_path() / ("policykg-e2e-export-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(ExportCommand, EveryFormatToStandardOutput) {
  const std::pair<std::string, std::string> starts[] = {
      {"graphml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "},
      {"gexf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf "},
      {"dot", "digraph \"policykg graph\" {\n"},
      {"cytoscape", "{\n \"data\": {"},
      {"jsonld", "{"},
      {"html", "<!DOCTYPE html>"},
  };
  for (const auto& [format, start] : starts) {
    auto r = run({"--format", format});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_TRUE(r.out.starts_with(start)) << format << ": " << r.out.substr(0, 80);
    EXPECT_EQ(r.err, "");
  }
  auto jsonld = nlohmann::json::parse(run({"--format", "jsonld"}).out);
  EXPECT_TRUE(jsonld.contains("@context"));
}

TEST(ExportCommand, WritesFilesAndIsDeterministic) {
  auto dir = temp_dir();
  auto a = run({"--format", "graphml", "-o", (dir / "a.graphml").string()});
  auto b = run({"--format", "graphml", "-o", (dir / "b.graphml").string()});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(a.out, "");
  std::string first = test::read_file(dir / "a.graphml");
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, test::read_file(dir / "b.graphml"));
  fs::remove_all(dir);
}

TEST(ExportCommand, CsvWritesANodeAndAnEdgeFile) {
  auto dir = temp_dir();
  auto r = run({"--format", "csv", "-o", (dir / "graph.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(test::read_file(dir / "graph-nodes.csv").starts_with("iri:ID,:LABEL,"));
  EXPECT_TRUE(test::read_file(dir / "graph-edges.csv").starts_with(":START_ID,:END_ID,:TYPE,label,predicate\n"));
  auto folder = run({"--format", "csv", "-o", (dir / "neo4j/").string()});
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_TRUE(fs::exists(dir / "neo4j" / "nodes.csv"));
  EXPECT_TRUE(fs::exists(dir / "neo4j" / "edges.csv"));
  auto stdout_csv = run({"--format", "csv"});
  EXPECT_EQ(stdout_csv.exit_code, 2) << "two files need -o";
  EXPECT_NE(stdout_csv.err.find("-o"), std::string::npos) << stdout_csv.err;
  fs::remove_all(dir);
}

TEST(ExportCommand, FocusKeepsTheNeighbourhood) {
  auto r = run({"--format", "cytoscape", "--focus", "Zhongguancun", "--hops", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  std::set<std::string> ids;
  for (const auto& n : doc["elements"]["nodes"]) ids.insert(n["data"]["id"]);
  const std::string id = "https://w3id.org/policykg/id/";
  EXPECT_EQ(ids, (std::set<std::string>{id + "zone/zhongguancun", id + "district/haidian",
                                        id + "doc/plan/task/7/measure/1"}));
  EXPECT_EQ(doc["data"]["name"], "Zhongguancun within 1 hop");
  auto two = nlohmann::json::parse(run({"--format", "cytoscape", "--focus", "id:zone/zhongguancun", "--hops", "2"}).out);
  EXPECT_GT(two["elements"]["nodes"].size(), ids.size());
  auto misspelt = run({"--format", "dot", "--focus", "zhongguanchun"});
  EXPECT_EQ(misspelt.exit_code, 0) << "alternative labels name the entity too: " << misspelt.err;
}

TEST(ExportCommand, ClassAndPredicateFilters) {
  auto r = run({"--format", "cytoscape", "--class", "pol:Measure", "--class", "pol:Zone", "--predicate", "pol:appliesTo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["elements"]["nodes"].size(), 2u);
  ASSERT_EQ(doc["elements"]["edges"].size(), 1u);
  EXPECT_EQ(doc["elements"]["edges"][0]["data"]["predicate"], "https://w3id.org/policykg/ontology#appliesTo");
  auto jsonld = run({"--format", "jsonld", "--class", "pol:Zone"});
  ASSERT_EQ(jsonld.exit_code, 0) << jsonld.err;
  EXPECT_NE(jsonld.out.find("Zhongguancun"), std::string::npos);
  EXPECT_EQ(jsonld.out.find("Haidian"), std::string::npos) << "the district is filtered out";
}

TEST(ExportCommand, BadInputAndUsageExitCodes) {
  auto unknown = run({"--format", "dot", "--focus", "Atlantis"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(std::count(unknown.err.begin(), unknown.err.end(), '\n'), 1) << unknown.err;
  EXPECT_NE(unknown.err.find("Atlantis"), std::string::npos);
  EXPECT_EQ(run({"--format", "png"}).exit_code, 2);
  EXPECT_EQ(run({"--format", "dot", "--hops", "2"}).exit_code, 2) << "--hops needs --focus";
  EXPECT_EQ(run_policykg({"export"}).exit_code, 2) << "--format is required";
  auto missing = run({"--format", "dot", "--focus", "Zhongguancun", "--class", "pol:Measure"});
  EXPECT_EQ(missing.exit_code, 1) << "the focus is outside the filters";
}

}  // namespace
}  // namespace policykg
