// The W3C SPARQL 1.1 query test suite (../shared/w3c-sparql11): every mf:QueryEvaluationTest of
// manifest-sparql11-query.ttl run through query::run, compared as the suite specifies; the
// syntax tests through the parser. Prints the pass rate per folder and writes it to
// tests/conformance/RESULTS.md. Fails when a test not listed in expected-failures.txt fails, and
// notes listed tests that pass so that they can be removed from the list.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "query/dataset.hpp"
#include "query/sparql.hpp"
#include "query/sparql_parser.hpp"
#include "rdf/error.hpp"
#include "rdf/model.hpp"
#include "tests/conformance/result_reader.hpp"

namespace fs = std::filesystem;
using namespace policykg;

namespace {

const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

fs::path suite_root() { return fs::path(POLICYKG_SOURCE_DIR) / ".." / "shared" / "w3c-sparql11"; }

std::string file_iri(const fs::path& p) { return "file://" + fs::weakly_canonical(p).string(); }
fs::path iri_file(const std::string& iri) { return iri.substr(7); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<rdf::Term> object(const rdf::Model& m, const rdf::Term& s, const std::string& p) {
  auto ts = m.find({s, rdf::Term::iri(p), std::nullopt});
  if (ts.empty()) return std::nullopt;
  return ts.front().o;
}

std::vector<rdf::Term> objects(const rdf::Model& m, const rdf::Term& s, const std::string& p) {
  std::vector<rdf::Term> out;
  for (const auto& t : m.find({s, rdf::Term::iri(p), std::nullopt})) out.push_back(t.o);
  return out;
}

std::vector<rdf::Term> list(const rdf::Model& m, rdf::Term head) {
  std::vector<rdf::Term> out;
  while (!(head.is_iri() && head.value == kRdf + "nil")) {
    auto first = object(m, head, kRdf + "first");
    auto rest = object(m, head, kRdf + "rest");
    if (!first || !rest) break;
    out.push_back(*first);
    head = *rest;
  }
  return out;
}

struct Outcome {
  std::string id;      ///< folder/name
  std::string name;    ///< mf:name
  bool passed = false;
  std::string detail;  ///< why it failed
};

bool has_order_by(const std::string& query) {
  std::string upper = query;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find("ORDER BY") != std::string::npos;
}

std::vector<rdf::Triple> normalised(std::vector<rdf::Triple> ts) {
  for (auto& t : ts)
    if (t.o.is_literal() && t.o.datatype == std::string(rdf::kXsd) + "string") t.o.datatype.clear();
  return ts;
}

// A result set written in RDF (rs:ResultSet), as some .ttl results of the suite are.
std::optional<rdf::QueryResult> result_set(const rdf::Model& m) {
  const std::string rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
  auto sets = m.find({std::nullopt, rdf::Term::iri(kRdf + "type"), rdf::Term::iri(rs + "ResultSet")});
  if (sets.empty()) return std::nullopt;
  const rdf::Term set = sets.front().s;
  rdf::QueryResult r;
  if (auto b = object(m, set, rs + "boolean")) {
    r.kind = rdf::QueryResult::Kind::Boolean;
    r.boolean = b->value == "true";
    return r;
  }
  for (const auto& v : objects(m, set, rs + "resultVariable")) r.variables.push_back(v.value);
  std::sort(r.variables.begin(), r.variables.end());
  for (const auto& sol : objects(m, set, rs + "solution")) {
    std::vector<std::optional<rdf::Term>> row(r.variables.size());
    for (const auto& b : objects(m, sol, rs + "binding")) {
      auto var = object(m, b, rs + "variable");
      auto value = object(m, b, rs + "value");
      auto it = std::find(r.variables.begin(), r.variables.end(), var->value);
      if (it != r.variables.end()) row[static_cast<std::size_t>(it - r.variables.begin())] = value;
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

Outcome run_evaluation(const rdf::Model& manifest, const rdf::Term& test, const std::string& id) {
  Outcome out;
  out.id = id;
  if (auto n = object(manifest, test, kMf + "name")) out.name = n->value;
  try {
    auto action = object(manifest, test, kMf + "action");
    auto result = object(manifest, test, kMf + "result");
    if (!action || !result) throw std::runtime_error("test without action or result");
    auto query_iri = object(manifest, *action, kQt + "query");
    rdf::Model data;
    for (const auto& d : objects(manifest, *action, kQt + "data"))
      if (fs::file_size(iri_file(d.value)) > 0) data.load_file(iri_file(d.value), {}, d.value);
    query::Dataset dataset(data);
    for (const auto& g : objects(manifest, *action, kQt + "graphData")) {
      rdf::Model named;
      if (fs::file_size(iri_file(g.value)) > 0) named.load_file(iri_file(g.value), {}, g.value);
      dataset.add_named(g.value, named);
    }
    std::string text = slurp(iri_file(query_iri->value));
    query::QueryOptions options;
    options.base = query_iri->value;
    options.timeout = std::chrono::milliseconds(20000);
    auto actual = query::run(dataset, text, options);
    fs::path result_file = iri_file(result->value);
    if (result_file.extension() == ".ttl" || result_file.extension() == ".nt") {
      rdf::Model expected;
      expected.load_file(result_file, {}, result->value);
      if (auto rs = result_set(expected)) {
        out.passed = conformance::same_solutions(*rs, actual, has_order_by(text));
        if (!out.passed) out.detail = "solutions differ (" + std::to_string(actual.rows.size()) + " rows, expected " +
                                      std::to_string(rs->rows.size()) + ")";
        return out;
      }
      if (actual.kind != rdf::QueryResult::Kind::Graph) throw std::runtime_error("expected a graph");
      out.passed = conformance::isomorphic(normalised(expected.sorted_triples()), normalised(actual.triples));
      if (!out.passed) out.detail = "graph differs (" + std::to_string(actual.triples.size()) + " triples, expected " +
                                    std::to_string(expected.size()) + ")";
    } else {
      auto expected = conformance::read_result_file(result_file);
      out.passed = conformance::same_solutions(expected, actual, has_order_by(text));
      if (!out.passed)
        out.detail = "solutions differ (" + std::to_string(actual.rows.size()) + " rows, expected " +
                     std::to_string(expected.rows.size()) + ")";
    }
  } catch (const Error& e) {
    out.detail = e.describe();
  } catch (const std::exception& e) {
    out.detail = e.what();
  }
  return out;
}

Outcome run_syntax(const rdf::Model& manifest, const rdf::Term& test, const std::string& id, bool positive) {
  Outcome out;
  out.id = id;
  if (auto n = object(manifest, test, kMf + "name")) out.name = n->value;
  auto action = object(manifest, test, kMf + "action");
  std::string text = slurp(iri_file(action->value));
  try {
    (void)query::parse_sparql(text, action->value);
    out.passed = positive;
    if (!positive) out.detail = "accepted a malformed query";
  } catch (const Error& e) {
    // refusing SERVICE or an update is not a syntax failure of a positive test we must accept
    out.passed = !positive;
    if (positive) out.detail = e.describe();
  }
  return out;
}

std::set<std::string> expected_failures() {
  std::set<std::string> out;
  std::ifstream in(fs::path(POLICYKG_SOURCE_DIR) / "tests/conformance/expected-failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    auto hash = line.find('#');
    line = line.substr(0, hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.erase(line.begin());
    if (!line.empty()) out.insert(line);
  }
  return out;
}

}  // namespace

TEST(W3cSparql11, QueryEvaluationAndSyntax) {
  fs::path root = suite_root() / "sparql" / "sparql11";
  if (!fs::exists(root / "manifest-sparql11-query.ttl")) GTEST_SKIP() << "../shared/w3c-sparql11 not found";

  rdf::Model top;
  fs::path top_file = root / "manifest-sparql11-query.ttl";
  top.load_file(top_file, {}, file_iri(top_file));
  std::vector<rdf::Term> includes;
  for (const auto& t : top.find({std::nullopt, rdf::Term::iri(kMf + "include"), std::nullopt}))
    for (const auto& m : list(top, t.o)) includes.push_back(m);

  // folder -> (passed, total) for evaluation tests and for syntax tests
  std::map<std::string, std::pair<int, int>> eval_rate, syntax_rate;
  std::vector<Outcome> outcomes;
  for (const auto& inc : includes) {
    fs::path file = iri_file(inc.value);
    std::string folder = file.parent_path().filename().string();
    rdf::Model manifest;
    manifest.load_file(file, {}, inc.value);
    for (const auto& t : manifest.find({std::nullopt, rdf::Term::iri(kMf + "entries"), std::nullopt})) {
      for (const auto& test : list(manifest, t.o)) {
        auto type = object(manifest, test, kRdf + "type");
        if (!type) continue;
        std::string local = test.value.substr(test.value.find('#') + 1);
        std::string id = folder + "/" + local;
        if (type->value == kMf + "QueryEvaluationTest") {
          auto o = run_evaluation(manifest, test, id);
          auto& rate = eval_rate[folder];
          rate.first += o.passed;
          rate.second += 1;
          outcomes.push_back(o);
        } else if (type->value == kMf + "PositiveSyntaxTest11" || type->value == kMf + "NegativeSyntaxTest11") {
          auto o = run_syntax(manifest, test, id, type->value == kMf + "PositiveSyntaxTest11");
          auto& rate = syntax_rate[folder];
          rate.first += o.passed;
          rate.second += 1;
          outcomes.push_back(o);
        }
      }
    }
  }

  std::ostringstream md;
  md << "# W3C SPARQL 1.1 query tests\n\n"
     << "Written by `tests/conformance/w3c_suite_test.cpp` (the `conformance_tests` program) on each run,\n"
     << "from the suite in `../shared/w3c-sparql11`. Failing tests are listed in `expected-failures.txt`.\n\n"
     << "| folder | evaluation tests passed | syntax tests passed |\n|---|---|---|\n";
  int pass = 0, total = 0, spass = 0, stotal = 0;
  std::set<std::string> folders;
  for (const auto& [f, r] : eval_rate) folders.insert(f);
  for (const auto& [f, r] : syntax_rate) folders.insert(f);
  for (const auto& f : folders) {
    auto e = eval_rate[f];
    auto s = syntax_rate[f];
    pass += e.first;
    total += e.second;
    spass += s.first;
    stotal += s.second;
    md << "| " << f << " | " << (e.second ? std::to_string(e.first) + " / " + std::to_string(e.second) : "–") << " | "
       << (s.second ? std::to_string(s.first) + " / " + std::to_string(s.second) : "–") << " |\n";
  }
  md << "| **all** | **" << pass << " / " << total << "** | **" << spass << " / " << stotal << "** |\n";
  std::cout << md.str();
  std::ofstream(fs::path(POLICYKG_SOURCE_DIR) / "tests/conformance/RESULTS.md") << md.str();

  auto expected = expected_failures();
  for (const auto& o : outcomes) {
    if (!o.passed && !expected.count(o.id))
      ADD_FAILURE() << o.id << " (" << o.name << ") fails and is not in expected-failures.txt: " << o.detail;
    if (o.passed && expected.count(o.id))
      std::cout << "note: " << o.id << " now passes; remove it from tests/conformance/expected-failures.txt\n";
  }
  if (std::getenv("POLICYKG_CONFORMANCE_LIST")) {
    for (const auto& o : outcomes)
      if (!o.passed) std::cout << o.id << "  # " << o.name << ": " << o.detail << "\n";
  }
}
