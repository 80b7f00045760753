// The W3C SPARQL 1.1 query test suite (../shared/w3c-sparql11) in process: every
// mf:QueryEvaluationTest of manifest-sparql11-query.ttl run through query::run on a Dataset of
// its files (read straight into triples, as `policykg query --data/--named` reads them), compared
// as the suite specifies (suite.hpp); the syntax tests through the parser. The pass rates go to
// the "In process" section of tests/conformance/RESULTS.md.
#include <gtest/gtest.h>

#include "query/dataset.hpp"
#include "query/sparql.hpp"
#include "query/sparql_parser.hpp"
#include "rdf/error.hpp"
#include "rdf/parser.hpp"
#include "tests/conformance/suite.hpp"

namespace fs = std::filesystem;
using namespace policykg;
using conformance::Outcome;
using conformance::SuiteTest;

namespace {

Outcome run_evaluation(const SuiteTest& test) {
  Outcome out;
  out.test = &test;
  try {
    query::Dataset dataset;
    std::vector<rdf::Triple> data;
    for (const auto& d : test.data) {
      auto more = rdf::parse_file(d, {}, conformance::file_iri(d));
      data.insert(data.end(), more.begin(), more.end());
    }
    dataset.set_default(data);
    for (const auto& [iri, file] : test.graph_data) dataset.add_named(iri, rdf::parse_file(file, {}, iri));
    std::string text = conformance::slurp(test.query);
    query::QueryOptions options;
    options.base = test.query_iri;
    options.timeout = std::chrono::milliseconds(20000);
    auto actual = query::run(dataset, text, options);
    out.detail = conformance::judge(conformance::read_expected(test), actual, conformance::has_order_by(text));
    out.passed = out.detail.empty();
  } catch (const Error& e) {
    out.detail = e.describe();
  } catch (const std::exception& e) {
    out.detail = e.what();
  }
  return out;
}

Outcome run_syntax(const SuiteTest& test) {
  Outcome out;
  out.test = &test;
  bool positive = test.kind == SuiteTest::Kind::PositiveSyntax;
  try {
    (void)query::parse_sparql(conformance::slurp(test.query), test.query_iri);
    out.passed = positive;
    if (!positive) out.detail = "accepted a malformed query";
  } catch (const Error& e) {
    out.passed = !positive;
    if (positive) out.detail = e.describe();
  }
  return out;
}

}  // namespace

TEST(W3cSparql11, QueryEvaluationAndSyntax) {
  fs::path root = conformance::suite_root();
  if (!fs::exists(root / "manifest-sparql11-query.ttl")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  auto tests = conformance::read_suite(root);
  std::vector<Outcome> outcomes;
  for (const auto& test : tests)
    outcomes.push_back(test.kind == SuiteTest::Kind::Evaluation ? run_evaluation(test) : run_syntax(test));
  conformance::report("In process (`query::run`, `w3c_suite_test.cpp`)", outcomes);
}
