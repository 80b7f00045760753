// policykg query on real files: query from -e, a file and standard input, every result format,
// refusals, syntax errors with line and column, --limit and --timeout, numbers in canonical
// forms; and one W3C suite test through the binary (all of them: tests/conformance/).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using policykg::test::run_policykg;

namespace {

fs::path fixture() {
  const fs::path p = policykg::test::process_temp_dir() / "fixture.ttl";
  if (!fs::exists(p)) {
    std::ofstream out(p);
    out << "@prefix : <http://ex/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
           ":m1 a :Measure ; rdfs:label \"open banks\"@en ; :dependsOn :m2 .\n"
           ":m2 a :Measure ; rdfs:label \"open, \\\"insurers\\\"\"@en ; :dependsOn :m3 .\n"
           ":m3 a :Measure ; rdfs:label \"allow brokers\"@en .\n";
  }
  return p;
}

}  // namespace

TEST(QueryCommand, SelectAsTableJsonCsvTsvXml) {
  const std::string q = "PREFIX : <http://ex/> SELECT ?x WHERE { :m1 :dependsOn+ ?x } ORDER BY ?x";
  auto r = run_policykg({"query", "-e", q, "--data", fixture().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?x\n--------------\n<http://ex/m2>\n<http://ex/m3>\n2 rows\n");
  r = run_policykg({"query", "-e", q, "--data", fixture().string(), "--format", "json"});
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["results"]["bindings"].size(), 2u);
  r = run_policykg({"query", "-e", q, "--data", fixture().string(), "--format", "csv"});
  EXPECT_EQ(r.out, "x\r\nhttp://ex/m2\r\nhttp://ex/m3\r\n");
  r = run_policykg({"query", "-e", q, "--data", fixture().string(), "--format", "tsv"});
  EXPECT_EQ(r.out, "?x\n<http://ex/m2>\n<http://ex/m3>\n");
  r = run_policykg({"query", "-e", q, "--data", fixture().string(), "--format", "xml"});
  EXPECT_NE(r.out.find("<uri>http://ex/m3</uri>"), std::string::npos);
}

TEST(QueryCommand, QueryFromStandardInputAndFile) {
  const std::string q = "PREFIX : <http://ex/>\nASK { :m1 :dependsOn :m2 }\n";
  auto r = run_policykg({"query", "-", "--data", fixture().string()}, q);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "true\n");
  const fs::path file = policykg::test::process_temp_dir() / "ask.rq";
  std::ofstream(file) << q;
  r = run_policykg({"query", file.string(), "--data", fixture().string(), "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(r.out)["boolean"], true);
}

TEST(QueryCommand, GraphResults) {
  auto r = run_policykg({"query", "-e", "DESCRIBE <http://ex/m3>", "--data", fixture().string(), "--format", "ntriples"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "<http://ex/m3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/Measure> .\n"
            "<http://ex/m3> <http://www.w3.org/2000/01/rdf-schema#label> \"allow brokers\"@en .\n");
  r = run_policykg({"query", "-e", "CONSTRUCT { ?a <http://ex/next> ?b } WHERE { ?a <http://ex/dependsOn> ?b }",
                    "--data", fixture().string(), "--format", "turtle"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("<http://ex/next>"), std::string::npos);
  r = run_policykg({"query", "-e", "DESCRIBE <http://ex/m3>", "--data", fixture().string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(QueryCommand, SyntaxErrorsAndRefusals) {
  const fs::path file = policykg::test::process_temp_dir() / "bad.rq";
  std::ofstream(file) << "SELECT ?x\nWHERE {\n  ?x ?p ?o ..\n}\n";
  auto r = run_policykg({"query", file.string(), "--data", fixture().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file.string() + ":3:13"), std::string::npos) << r.err;
  r = run_policykg({"query", "-e", "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "--data",
                    fixture().string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("SERVICE is not supported"), std::string::npos) << r.err;
  r = run_policykg({"query", "-e", "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", "--data", fixture().string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("FROM <file:///etc/passwd> is not supported"), std::string::npos) << r.err;
  r = run_policykg({"query", "-e", "DELETE WHERE { ?s ?p ?o }", "--data", fixture().string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("SPARQL Update (DELETE)"), std::string::npos) << r.err;
}

TEST(QueryCommand, LimitSaysItTruncated) {
  auto r = run_policykg({"query", "-e", "SELECT ?s { ?s ?p ?o }", "--data", fixture().string(), "--limit", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 rows (truncated by --limit)"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("truncated to 2 rows"), std::string::npos) << r.err;
}

TEST(QueryCommand, TimeoutStopsTheQuery) {
  fs::path big = fs::temp_directory_path() / ("policykg-query-e2e-big-" + std::to_string(::getpid()) + ".nt");
  {
    std::ofstream out(big);
    for (int i = 0; i < 2000; ++i) out << "<http://ex/s" << i << "> <http://ex/p> \"" << i << "\" .\n";
  }
  auto r = run_policykg({"query", "-e", "SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z }", "--data",
                         big.string(), "--timeout", "200"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("timed out after 200 ms"), std::string::npos) << r.err;
  fs::remove(big);
}

TEST(QueryCommand, OneW3cSuiteTestThroughTheBinary) {
  fs::path dir = fs::path(POLICYKG_SOURCE_DIR) / ".." / "shared" / "w3c-sparql11" / "sparql" / "sparql11" / "property-path";
  if (!fs::exists(dir / "pp01.rq")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  auto r = run_policykg({"query", (dir / "pp01.rq").string(), "--data", (dir / "pp01.ttl").string(), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // pp01.srx: in:a ex:p1/ex:p2/ex:p3 reaches in:c, one row
  EXPECT_EQ(r.out, "?x\n<http://www.example.org/instance#c>\n");
}

TEST(QueryCommand, NumbersAreWrittenInTheirCanonicalForms) {
  auto r = run_policykg({"query", "-e",
                         "SELECT (CEIL(-1.6) AS ?ceil) (SECONDS(\"2010-06-21T11:28:01Z\"^^xsd:dateTime) AS ?s) "
                         "(xsd:float(\"+33.3300\") AS ?f) (xsd:string(1.0) AS ?text) WHERE {}",
                         "--data", fixture().string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto row = nlohmann::json::parse(r.out)["results"]["bindings"][0];
  EXPECT_EQ(row["ceil"]["value"], "-1");
  EXPECT_EQ(row["ceil"]["datatype"], "http://www.w3.org/2001/XMLSchema#decimal");
  EXPECT_EQ(row["s"]["value"], "1");
  EXPECT_EQ(row["f"]["value"], "3.333E1");
  EXPECT_EQ(row["text"]["value"], "1");
}

TEST(QueryCommand, HostileQueriesEndWithOneClearError) {
  const fs::path dir = fs::temp_directory_path() / ("policykg-query-e2e-hostile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  auto repeat = [](const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
  };
  // the reproduction: 10^4 nested groups crashed the process with a stack overflow
  const std::string deep = write("deep.rq", "SELECT * WHERE " + repeat("{", 10000) + "?s ?p ?o" + repeat("}", 10000) + "\n");
  auto r = run_policykg({"query", deep, "--data", fixture().string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(deep + ":1:272: the query is nested too deeply"), std::string::npos) << r.err;
  r = run_policykg({"query", "-e", "SELECT * { FILTER(" + repeat("!", 100000) + "true) }", "--data",
                    fixture().string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nested too deeply"), std::string::npos) << r.err;
  r = run_policykg({"query", deep, "--data", fixture().string(), "--max-depth", "0"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // six patterns over eight triples make 262,144 rows: stopped by the budget, or cut under LIMIT
  const std::string cross = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }";
  r = run_policykg({"query", "-e", cross, "--data", fixture().string(), "--max-memory", "8"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("needs more than 8 MiB of memory (--max-memory)"), std::string::npos) << r.err;
  r = run_policykg({"query", "-e", cross + " LIMIT 5", "--data", fixture().string(), "--max-memory", "8",
                    "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6) << r.out;
  fs::remove_all(dir);
}

TEST(QueryCommand, TableIsReadableAndRawGivesExactTerms) {
  // The seed corpus, built in memory: IRIs with the predefined prefixes, labels as plain text.
  const std::string q =
      "SELECT ?d ?t ?label WHERE { ?d a pol:District ; rdfs:label ?label . BIND(rdf:type AS ?t) "
      "FILTER(?d = id:district\\/xicheng) }";
  auto r = run_policykg({"query", "-e", q});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("id:district/xicheng | rdf:type | Xicheng District\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('<'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("@en"), std::string::npos) << r.out;
  r = run_policykg({"query", "-e", q, "--raw"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<https://w3id.org/policykg/id/district/xicheng> | "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> | \"Xicheng District\"@en\n"),
            std::string::npos)
      << r.out;
  // csv stays the W3C's: full IRIs, the literal's text.
  r = run_policykg({"query", "-e", q, "--format", "csv"});
  EXPECT_EQ(r.out, "d,t,label\r\nhttps://w3id.org/policykg/id/district/xicheng,"
                   "http://www.w3.org/1999/02/22-rdf-syntax-ns#type,Xicheng District\r\n");
}

TEST(QueryCommand, PredefinedPrefixesYieldToTheQuerysOwn) {
  auto r = run_policykg({"query", "-e", "PREFIX pol: <http://ex/> SELECT ?x WHERE { pol:m1 pol:dependsOn ?x }", "--data",
                         fixture().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?x\n--------------\n<http://ex/m2>\n1 row\n");
  r = run_policykg({"query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a pol:District }", "--data", fixture().string(),
                    "--format", "csv"});
  EXPECT_EQ(r.out, "n\r\n0\r\n");
}

TEST(QueryCommand, ARelativeIriWithoutBaseIsAnErrorAtItsPlace) {
  auto r = run_policykg({"query", "-e", "SELECT ?p WHERE { <doc/x> ?p ?o }", "--data", fixture().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("query:1:19"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("relative IRI <doc/x> needs a BASE: write <https://w3id.org/policykg/id/doc/x>"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  fs::path file = fs::temp_directory_path() / ("policykg-query-e2e-relative-" + std::to_string(::getpid()) + ".rq");
  std::ofstream(file) << "PREFIX : <http://ex/>\nSELECT ?x WHERE {\n  <m1> :dependsOn ?x }\n";
  r = run_policykg({"query", file.string(), "--data", fixture().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file.string() + ":3:3"), std::string::npos) << r.err;
  // With its own BASE the query resolves it.
  std::ofstream(file) << "BASE <http://ex/>\nPREFIX : <http://ex/>\nSELECT ?x WHERE {\n  <m1> :dependsOn ?x }\n";
  r = run_policykg({"query", file.string(), "--data", fixture().string(), "--format", "csv"});
  EXPECT_EQ(r.out, "x\r\nhttp://ex/m2\r\n") << r.err;
  fs::remove(file);
}
