// The W3C SPARQL 1.1 query test suite (../shared/w3c-sparql11) through the binary, as users run
// it: for every evaluation test, `policykg query QUERY --query-base QUERY-IRI --data DEFAULT...
// --named GRAPH...` with --format xml (the test expects .srx), json (.srj or a result set in Turtle) or ntriples (a
// graph), the output read back and judged as in process (suite.hpp); for every syntax test,
// `policykg query QUERY --check` exits 0 when the query is well formed, and otherwise fails with
// one line on standard error. The pass rates go to the "Through the binary" section of
// tests/conformance/RESULTS.md.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "core/error.hpp"
#include "rdf/parser.hpp"
#include "tests/conformance/result_reader.hpp"
#include "tests/conformance/suite.hpp"
#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using namespace policykg;
using conformance::Outcome;
using conformance::SuiteTest;

namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

Outcome run_binary_evaluation(const SuiteTest& test, const fs::path& empty_graph) {
  Outcome out;
  out.test = &test;
  try {
    auto expected = conformance::read_expected(test);
    std::string format = expected.graph ? "ntriples" : test.result.extension() == ".srx" ? "xml" : "json";
    // the query's base is its file's IRI, as in the manifests: <data.ttl> names a file beside it
    std::vector<std::string> args = {"query", test.query.string(), "--query-base", test.query_iri,
                                     "--format", format, "--timeout", "20000"};
    for (const auto& d : test.data) args.insert(args.end(), {"--data", d.string()});
    for (const auto& [iri, file] : test.graph_data) {
      // the manifests name a graph by its file's IRI, which --named FILE gives; IRI=FILE otherwise
      if (iri == rdf::file_iri(file)) args.insert(args.end(), {"--named", file.string()});
      else args.insert(args.end(), {"--named", iri + "=" + file.string()});
    }
    // no data: an empty default graph (without --data or --named the documents would be built)
    if (test.data.empty() && test.graph_data.empty()) args.insert(args.end(), {"--data", empty_graph.string()});
    auto r = test::run_policykg(args);
    if (r.exit_code != 0) {
      out.detail = "exit " + std::to_string(r.exit_code) + ": " + first_line(r.err);
      return out;
    }
    rdf::QueryResult actual;
    if (expected.graph) {
      actual.kind = rdf::QueryResult::Kind::Graph;
      actual.triples = rdf::parse_string(r.out, rdf::Format::NTriples, {}, "the output");
    } else {
      actual = conformance::read_result_text(
          r.out, format == "xml" ? conformance::ResultSyntax::Xml : conformance::ResultSyntax::Json);
    }
    out.detail = conformance::judge(expected, actual, conformance::has_order_by(conformance::slurp(test.query)));
    out.passed = out.detail.empty();
  } catch (const Error& e) {
    out.detail = e.describe();
  } catch (const std::exception& e) {
    out.detail = e.what();
  }
  return out;
}

Outcome run_binary_syntax(const SuiteTest& test) {
  Outcome out;
  out.test = &test;
  auto r = test::run_policykg({"query", test.query.string(), "--query-base", test.query_iri, "--check"});
  if (test.kind == SuiteTest::Kind::PositiveSyntax) {
    out.passed = r.exit_code == 0;
    if (!out.passed) out.detail = "exit " + std::to_string(r.exit_code) + ": " + first_line(r.err);
    return out;
  }
  bool one_line = r.err.starts_with("policykg: ") && r.err.find('\n') == r.err.size() - 1;
  out.passed = r.exit_code != 0 && one_line;
  if (r.exit_code == 0) out.detail = "accepted a malformed query";
  else if (!one_line) out.detail = "the error is not one line: " + r.err;
  return out;
}

}  // namespace

TEST(W3cSparql11Binary, QueryEvaluationAndSyntax) {
#ifdef POLICYKG_SANITIZED
  GTEST_SKIP() << "through the binary in the dev and release builds; the sanitizers run the in-process runner";
#endif
  fs::path root = conformance::suite_root();
  if (!fs::exists(root / "manifest-sparql11-query.ttl")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  fs::path dir = fs::temp_directory_path() / ("policykg-w3c-binary-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path empty_graph = dir / "empty.nt";
  std::ofstream{empty_graph};

  auto tests = conformance::read_suite(root);
  auto start = std::chrono::steady_clock::now();
  std::vector<Outcome> outcomes;
  for (const auto& test : tests)
    outcomes.push_back(test.kind == SuiteTest::Kind::Evaluation ? run_binary_evaluation(test, empty_graph)
                                                                : run_binary_syntax(test));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << tests.size() << " runs of policykg query in " << seconds << " s\n";
  fs::remove_all(dir);
  conformance::report("Through the binary (`policykg query`, `w3c_binary_test.cpp`)", outcomes);
}
