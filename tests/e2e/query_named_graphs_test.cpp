// policykg query with named graphs from files: --named FILE (called by the file's IRI, as the
// W3C manifests name their qt:graphData), --named IRI=FILE, --data as the default graph, the
// query's base (--query-base), --check, and one clear error for each kind of bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using policykg::test::run_policykg;
using policykg::test::RunResult;

namespace {

class QueryNamedGraphs : public policykg::test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    write("g1.nt", "<http://ex/a> <http://ex/p> \"one\" .\n");
    write("g2.ttl", "@prefix : <http://ex/> .\n:b :p \"two\" .\n");
    write("default.ttl", "@prefix : <http://ex/> .\n:d :p \"default\" .\n");
    write("more.nt", "<http://ex/e> <http://ex/p> \"more\" .\n");
  }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }
  std::string iri(const std::string& name) const { return "file://" + (dir_ / name).string(); }
};

// The TSV rows of a query (without the header line), sorted.
std::string rows(const RunResult& r) {
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// An error is one line on standard error, nothing on standard output.
void expect_one_error_line(const RunResult& r, int exit_code, const std::string& text) {
  EXPECT_EQ(r.exit_code, exit_code) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(r.err.starts_with("policykg: ")) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(text), std::string::npos) << r.err;
}

const std::string kEveryGraph = "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
const std::string kDefaultGraph = "SELECT ?o WHERE { ?s ?p ?o }";

}  // namespace

TEST_F(QueryNamedGraphs, AFileIsCalledByItsIriAndIriEqualsFileByTheIriGiven) {
  auto r = run_policykg({"query", "-e", kEveryGraph, "--named", file("g1.nt"), "--named", "http://ex/g2=" + file("g2.ttl"),
                         "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "<" + iri("g1.nt") + ">\t\"one\"\n<http://ex/g2>\t\"two\"\n");
  // the file's absolute path, lexically normal
  fs::create_directories(dir_ / "sub");
  r = run_policykg({"query", "-e", kEveryGraph, "--named", (dir_ / "sub" / ".." / "g1.nt").string(), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "<" + iri("g1.nt") + ">\t\"one\"\n");
}

TEST_F(QueryNamedGraphs, GraphFromAndFromNamedSelectThem) {
  const std::vector<std::string> graphs = {"--named", file("g1.nt"), "--named", "urn:x:g2=" + file("g2.ttl"),
                                           "--data", file("default.ttl"), "--format", "tsv"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), graphs.begin(), graphs.end());
    return run_policykg(args);
  };
  auto r = with({"query", "-e", "SELECT ?o WHERE { GRAPH <urn:x:g2> { ?s ?p ?o } }"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "\"two\"\n");
  r = with({"query", "-e", "SELECT ?o FROM <" + iri("g1.nt") + "> WHERE { ?s ?p ?o }"});
  EXPECT_EQ(rows(r), "\"one\"\n");
  r = with({"query", "-e", "SELECT ?g ?o FROM NAMED <urn:x:g2> WHERE { GRAPH ?g { ?s ?p ?o } }"});
  EXPECT_EQ(rows(r), "<urn:x:g2>\t\"two\"\n");
  // the named graphs are not in the default graph
  r = with({"query", "-e", kDefaultGraph});
  EXPECT_EQ(rows(r), "\"default\"\n");
}

TEST_F(QueryNamedGraphs, DataIsTheDefaultGraphAndNamedAloneLeavesItEmpty) {
  auto r = run_policykg({"query", "-e", kDefaultGraph, "--data", file("default.ttl"), "--data", file("more.nt"),
                         "--named", file("g1.nt"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "\"default\"\n\"more\"\n");
  // without --data or --store, --named does not build the documents: the default graph is empty
  r = run_policykg({"query", "-e", kDefaultGraph, "--named", file("g1.nt"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?o\n");
}

TEST_F(QueryNamedGraphs, RelativeGraphNamesResolveAgainstTheQueryBase) {
  fs::path query = write("q.rq", "SELECT ?o WHERE { GRAPH <g1.nt> { ?s ?p ?o } }\n");
  auto r = run_policykg({"query", query.string(), "--named", file("g1.nt"), "--query-base", iri("q.rq"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "\"one\"\n");
  // without a base the relative IRI is an error at its place
  r = run_policykg({"query", query.string(), "--named", file("g1.nt")});
  expect_one_error_line(r, 1, query.string() + ":1:25: the relative IRI <g1.nt> needs a BASE");
  r = run_policykg({"query", query.string(), "--named", file("g1.nt"), "--query-base", "q.rq"});
  expect_one_error_line(r, 2, "--query-base: 'q.rq' is not an absolute IRI");
}

TEST_F(QueryNamedGraphs, EachBadInputIsOneErrorNamingIt) {
  // a file that does not exist, as FILE and as IRI=FILE
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", file("missing.nt")}), 1,
                        file("missing.nt") + ": cannot read");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", "http://ex/g=" + file("missing.nt")}), 1,
                        file("missing.nt") + ": cannot read");
  // malformed RDF: the file, its line and column
  write("bad.ttl", "@prefix : <http://ex/> .\n:a :p \"unterminated .\n");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", file("bad.ttl")}), 1, file("bad.ttl") + ":2");
  // a folder, and a file whose format cannot be told
  fs::create_directories(dir_ / "folder.ttl");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", file("folder.ttl")}), 1,
                        file("folder.ttl") + ": cannot read: a folder, not a file");
  write("g.txt", "");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", file("g.txt")}), 2,
                        file("g.txt") + ": cannot tell the RDF format");
  // an empty or relative IRI, no file after '='
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", "=" + file("g1.nt")}), 2,
                        "the graph's IRI before '=' is empty");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", "graph=" + file("g1.nt")}), 2,
                        "'graph' is not an absolute IRI");
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", "http://ex/g="}), 2, "no file after '='");
  // two graphs of one name
  expect_one_error_line(run_policykg({"query", "-e", kEveryGraph, "--named", "urn:g=" + file("g1.nt"), "--named",
                                      "urn:g=" + file("g2.ttl")}),
                        2, "two graphs are named <urn:g>: " + file("g1.nt") + " and " + file("g2.ttl"));
}

TEST_F(QueryNamedGraphs, AFileWithAnEqualsSignInItsNameIsAFile) {
  write("a=b.nt", "<http://ex/c> <http://ex/p> \"equals\" .\n");
  auto r = run_policykg({"query", "-e", kEveryGraph, "--named", file("a=b.nt"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "<" + iri("a=b.nt") + ">\t\"equals\"\n");
  // and IRI=FILE splits where the rest is a file, even when the IRI holds '=' too
  r = run_policykg({"query", "-e", kEveryGraph, "--named", "http://ex/g?x=1=" + file("a=b.nt"), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(rows(r), "<http://ex/g?x=1>\t\"equals\"\n");
}

TEST_F(QueryNamedGraphs, CheckParsesTheQueryAndReadsNoData) {
  auto r = run_policykg({"query", "-e", "SELECT * FROM <urn:not-loaded> { ?s ?p ?o }", "--named", file("missing.nt"),
                         "--check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
  fs::path query = write("bad.rq", "SELECT ?x\nWHERE { ?x ?p }\n");
  expect_one_error_line(run_policykg({"query", query.string(), "--check"}), 1, query.string() + ":2:");
  expect_one_error_line(run_policykg({"query", "-e", "SELECT * { SERVICE <http://ex/s> { ?s ?p ?o } }", "--check"}), 2,
                        "SERVICE is not supported");
}
