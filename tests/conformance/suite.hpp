// The W3C SPARQL 1.1 query suite (../shared/w3c-sparql11) as both runners see it: the tests of
// manifest-sparql11-query.ttl, what each expects, how an answer is judged, and the report
// (tests/conformance/RESULTS.md, expected-failures.txt). The runners are w3c_suite_test.cpp
// (query::run in this process) and w3c_binary_test.cpp (policykg query, as users run it).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "rdf/query_result.hpp"
#include "rdf/term.hpp"

namespace policykg::conformance {

/// The folder of the suite's SPARQL 1.1 manifests, beside the source tree; may not exist.
std::filesystem::path suite_root();

/// One test of the suite.
struct SuiteTest {
  enum class Kind { Evaluation, PositiveSyntax, NegativeSyntax };
  Kind kind = Kind::Evaluation;
  std::string folder;  ///< "aggregates", "cast", ...
  std::string id;      ///< folder/name of the manifest entry
  std::string name;    ///< mf:name
  std::filesystem::path query;  ///< the query file (a syntax test's action)
  std::string query_iri;        ///< its file: IRI, the query's base
  std::vector<std::filesystem::path> data;  ///< qt:data: the default graph
  std::vector<std::pair<std::string, std::filesystem::path>> graph_data;  ///< qt:graphData: IRI and file
  std::filesystem::path result;  ///< mf:result
};

/// Every evaluation and syntax test the manifests list, in their order.
std::vector<SuiteTest> read_suite(const std::filesystem::path& root);

/// The file: IRI of a file, as the manifests name their files.
std::string file_iri(const std::filesystem::path& p);
std::string slurp(const std::filesystem::path& p);

/// What an evaluation test expects: solutions or a boolean, or a graph.
struct Expected {
  bool graph = false;
  rdf::QueryResult solutions;
  std::vector<rdf::Triple> triples;
};
Expected read_expected(const SuiteTest& test);
/// Whether the query orders its solutions (they are compared in order then).
bool has_order_by(const std::string& query);
/// "" when `actual` is what is expected: solutions as multisets (in order under ORDER BY), graphs
/// by isomorphism, blank nodes up to renaming, numbers of one datatype by value, every other term
/// exactly; otherwise what differs.
std::string judge(const Expected& expected, const rdf::QueryResult& actual, bool ordered);

/// One test run.
struct Outcome {
  const SuiteTest* test = nullptr;
  bool passed = false;
  std::string detail;  ///< why it failed
};

/// Writes the pass rates per folder into the runner's section of RESULTS.md (`section` is its
/// heading), prints them, fails the running gtest for each failure not in expected-failures.txt
/// and prints a note for each listed test that passes. POLICYKG_CONFORMANCE_LIST=1 also prints
/// every failure.
void report(const std::string& section, const std::vector<Outcome>& outcomes);

}  // namespace policykg::conformance
