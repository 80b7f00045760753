// The W3C SPARQL 1.1 query test suite (../shared/w3c-sparql11) in process: every
// mf:QueryEvaluationTest of manifest-sparql11-query.ttl run through query::run on a Dataset of
// its files (read straight into triples, as `policykg query --data/--named` reads them), compared
// as the suite specifies (suite.hpp); the syntax tests through the parser. The pass rates go to
// the "In process" section of tests/conformance/RESULTS.md.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <variant>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "rdf/parser.hpp"
#include "tests/conformance/suite.hpp"

namespace fs = std::filesystem;
using namespace policykg;
using conformance::Outcome;
using conformance::SuiteTest;

namespace {

query::Dataset dataset_of(const SuiteTest& test) {
  query::Dataset dataset;
  std::vector<rdf::Triple> data;
  for (const auto& d : test.data) {
    auto more = rdf::parse_file(d, {}, conformance::file_iri(d));
    data.insert(data.end(), more.begin(), more.end());
  }
  dataset.set_default(data);
  for (const auto& [iri, file] : test.graph_data) dataset.add_named(iri, rdf::parse_file(file, {}, iri));
  return dataset;
}

query::Results run_query(const SuiteTest& test, const query::Dataset& dataset, const std::string& text, bool plan) {
  query::QueryOptions options;
  options.base = test.query_iri;
  options.timeout = std::chrono::milliseconds(20000);
  options.plan = plan;
  return query::run(dataset, text, options);
}

Outcome run_evaluation(const SuiteTest& test) {
  Outcome out;
  out.test = &test;
  try {
    const query::Dataset dataset = dataset_of(test);
    std::string text = conformance::slurp(test.query);
    auto actual = run_query(test, dataset, text, true);
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

// Planning (query/sparql/internal/planner.hpp) reorders joins and moves filters; it must not change an answer.
// Every evaluation query runs with and without it, and the answers are compared as the suite
// compares them. Queries calling functions that answer anew each time (RAND, NOW, UUID, STRUUID,
// BNODE) are left out, as are two runs' errors, which must be the same error.
TEST(W3cSparql11, EveryAnswerIsTheSameWithoutThePlanner) {
  fs::path root = conformance::suite_root();
  if (!fs::exists(root / "manifest-sparql11-query.ttl")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  const std::regex fresh(R"(\b(RAND|NOW|UUID|STRUUID|BNODE)\s*\()", std::regex::icase);
  std::size_t compared = 0;
  for (const auto& test : conformance::read_suite(root)) {
    if (test.kind != SuiteTest::Kind::Evaluation) continue;
    const std::string text = conformance::slurp(test.query);
    if (std::regex_search(text, fresh)) continue;
    std::optional<query::Dataset> dataset;
    try {
      dataset.emplace(dataset_of(test));
    } catch (const Error&) {
      continue;  // data the suite means to be refused: no answer to compare
    }
    auto answer = [&](bool plan) -> std::variant<query::Results, std::string> {
      try {
        return run_query(test, *dataset, text, plan);
      } catch (const Error& e) {
        return e.describe();
      }
    };
    auto planned = answer(true), written = answer(false);
    ASSERT_EQ(planned.index(), written.index()) << test.id << ": one run failed, the other did not";
    if (const auto* e = std::get_if<std::string>(&written)) {
      EXPECT_EQ(std::get<std::string>(planned), *e) << test.id;
      continue;
    }
    const auto& w = std::get<query::Results>(written);
    conformance::Expected expected;
    expected.graph = w.kind == rdf::QueryResult::Kind::Graph;
    expected.solutions = w;
    expected.triples = w.triples;
    EXPECT_EQ(conformance::judge(expected, std::get<query::Results>(planned), conformance::has_order_by(text)), "")
        << test.id << " (" << test.query << ")";
    ++compared;
  }
  EXPECT_GT(compared, 200u);
}

// The index file (docs/index-format.md) holds the same terms under the same ids and the same
// triples: every evaluation query answers the same from the dataset written and memory-mapped
// back as from the dataset in memory, compared as the suite compares answers.
TEST(W3cSparql11, EveryAnswerIsTheSameFromAnIndexFile) {
  fs::path root = conformance::suite_root();
  if (!fs::exists(root / "manifest-sparql11-query.ttl")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  const std::regex fresh(R"(\b(RAND|NOW|UUID|STRUUID|BNODE)\s*\()", std::regex::icase);
  const fs::path index = fs::temp_directory_path() / ("policykg-w3c-" + std::to_string(::getpid()) + ".pkgi");
  std::size_t compared = 0;
  for (const auto& test : conformance::read_suite(root)) {
    if (test.kind != SuiteTest::Kind::Evaluation) continue;
    const std::string text = conformance::slurp(test.query);
    if (std::regex_search(text, fresh)) continue;
    std::optional<query::Dataset> memory;
    try {
      memory.emplace(dataset_of(test));
    } catch (const Error&) {
      continue;  // data the suite means to be refused
    }
    memory->write_index(index);
    const query::Dataset mapped = query::Dataset::open_index(index, query::IndexCheck::Verify);
    auto answer = [&](const query::Dataset& d) -> std::variant<query::Results, std::string> {
      try {
        return run_query(test, d, text, true);
      } catch (const Error& e) {
        return e.describe();
      }
    };
    auto from_memory = answer(*memory), from_index = answer(mapped);
    ASSERT_EQ(from_memory.index(), from_index.index()) << test.id << ": one run failed, the other did not";
    if (const auto* e = std::get_if<std::string>(&from_memory)) {
      EXPECT_EQ(std::get<std::string>(from_index), *e) << test.id;
      continue;
    }
    const auto& m = std::get<query::Results>(from_memory);
    conformance::Expected expected;
    expected.graph = m.kind == rdf::QueryResult::Kind::Graph;
    expected.solutions = m;
    expected.triples = m.triples;
    EXPECT_EQ(conformance::judge(expected, std::get<query::Results>(from_index), conformance::has_order_by(text)), "")
        << test.id << " (" << test.query << ")";
    ++compared;
  }
  fs::remove(index);
  EXPECT_GT(compared, 200u);
}
