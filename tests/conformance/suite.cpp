#include "tests/conformance/suite.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "rdf/parser.hpp"
#include "tests/conformance/result_reader.hpp"

namespace fs = std::filesystem;

namespace policykg::conformance {

namespace {

const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kRs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

fs::path iri_file(const std::string& iri) { return iri.substr(7); }

// A manifest or an expected graph: triples read straight from the file (no store, which could
// rewrite a literal such as "0"^^xsd:boolean), looked up by subject and predicate.
class Graph {
 public:
  explicit Graph(const fs::path& file) : triples_(rdf::parse_file(file, {}, file_iri(file))) {}
  const std::vector<rdf::Triple>& triples() const { return triples_; }

  std::vector<rdf::Term> objects(const rdf::Term& s, const std::string& p) const {
    std::vector<rdf::Term> out;
    for (const auto& t : triples_)
      if (t.s == s && t.p.value == p) out.push_back(t.o);
    return out;
  }
  std::optional<rdf::Term> object(const rdf::Term& s, const std::string& p) const {
    for (const auto& t : triples_)
      if (t.s == s && t.p.value == p) return t.o;
    return std::nullopt;
  }
  std::vector<rdf::Term> subjects(const std::string& p, const rdf::Term& o) const {
    std::vector<rdf::Term> out;
    for (const auto& t : triples_)
      if (t.p.value == p && t.o == o) out.push_back(t.s);
    return out;
  }
  std::vector<rdf::Term> list(rdf::Term head) const {
    std::vector<rdf::Term> out;
    while (!(head.is_iri() && head.value == kRdf + "nil")) {
      auto first = object(head, kRdf + "first");
      auto rest = object(head, kRdf + "rest");
      if (!first || !rest) break;
      out.push_back(*first);
      head = *rest;
    }
    return out;
  }

 private:
  std::vector<rdf::Triple> triples_;
};

std::vector<rdf::Triple> normalised(std::vector<rdf::Triple> ts) {
  for (auto& t : ts)
    if (t.o.is_literal() && t.o.datatype == std::string(rdf::kXsd) + "string") t.o.datatype.clear();
  return ts;
}

// A result set written in RDF (rs:ResultSet), as some .ttl results of the suite are.
std::optional<rdf::QueryResult> result_set(const Graph& g) {
  auto sets = g.subjects(kRdf + "type", rdf::Term::iri(kRs + "ResultSet"));
  if (sets.empty()) return std::nullopt;
  const rdf::Term set = sets.front();
  rdf::QueryResult r;
  if (auto b = g.object(set, kRs + "boolean")) {
    r.kind = rdf::QueryResult::Kind::Boolean;
    r.boolean = b->value == "true";
    return r;
  }
  for (const auto& v : g.objects(set, kRs + "resultVariable")) r.variables.push_back(v.value);
  std::sort(r.variables.begin(), r.variables.end());
  for (const auto& sol : g.objects(set, kRs + "solution")) {
    std::vector<std::optional<rdf::Term>> row(r.variables.size());
    for (const auto& b : g.objects(sol, kRs + "binding")) {
      auto var = g.object(b, kRs + "variable");
      auto value = g.object(b, kRs + "value");
      auto it = std::find(r.variables.begin(), r.variables.end(), var->value);
      if (it != r.variables.end()) row[static_cast<std::size_t>(it - r.variables.begin())] = value;
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

std::set<std::string> expected_failures() {
  std::set<std::string> out;
  std::ifstream in(fs::path(POLICYKG_SOURCE_DIR) / "tests/conformance/expected-failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.erase(line.begin());
    if (!line.empty()) out.insert(line);
  }
  return out;
}

const char* const kResultsHead =
    "# W3C SPARQL 1.1 query tests\n\n"
    "Written by the `conformance_tests` program (`tests/conformance/`) on each run, from the suite in\n"
    "`../shared/w3c-sparql11`: every evaluation and syntax test of `manifest-sparql11-query.ttl`, run\n"
    "in process and through the binary. Failing tests are listed in `expected-failures.txt`.\n";

// Replaces the runner's section of RESULTS.md, under a lock: ctest runs both runners at once.
void write_section(const std::string& section, const std::string& body) {
  fs::path file = fs::path(POLICYKG_SOURCE_DIR) / "tests/conformance/RESULTS.md";
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + file.string());
  ::flock(fd, LOCK_EX);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  // sections are "## heading\n...", kept in the order they were first written
  std::vector<std::pair<std::string, std::string>> sections;
  for (std::size_t at = text.find("\n## "); at != std::string::npos;) {
    std::size_t next = text.find("\n## ", at + 1);
    std::string chunk = text.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    std::string heading = chunk.substr(0, chunk.find('\n'));
    sections.emplace_back(heading, chunk);
    at = next;
  }
  std::string heading = "## " + section;
  std::string chunk = heading + "\n\n" + body;
  auto it = std::find_if(sections.begin(), sections.end(), [&](const auto& s) { return s.first == heading; });
  if (it == sections.end()) sections.emplace_back(heading, chunk);
  else it->second = chunk;
  std::string out = kResultsHead;
  for (const auto& s : sections) out += "\n" + s.second;
  if (!out.ends_with("\n")) out += "\n";
  ::lseek(fd, 0, SEEK_SET);
  if (::ftruncate(fd, 0) != 0 || ::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size()))
    std::cerr << "cannot write " << file << "\n";
  ::flock(fd, LOCK_UN);
  ::close(fd);
}

}  // namespace

fs::path suite_root() { return fs::path(POLICYKG_SOURCE_DIR) / ".." / "shared" / "w3c-sparql11" / "sparql" / "sparql11"; }

std::string file_iri(const fs::path& p) { return "file://" + fs::weakly_canonical(p).string(); }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<SuiteTest> read_suite(const fs::path& root) {
  std::vector<SuiteTest> out;
  Graph top(root / "manifest-sparql11-query.ttl");
  std::vector<rdf::Term> includes;
  for (const auto& t : top.triples())
    if (t.p.value == kMf + "include")
      for (const auto& m : top.list(t.o)) includes.push_back(m);
  for (const auto& inc : includes) {
    fs::path file = iri_file(inc.value);
    Graph manifest(file);
    for (const auto& t : manifest.triples()) {
      if (t.p.value != kMf + "entries") continue;
      for (const auto& entry : manifest.list(t.o)) {
        auto type = manifest.object(entry, kRdf + "type");
        if (!type) continue;
        SuiteTest test;
        if (type->value == kMf + "QueryEvaluationTest") test.kind = SuiteTest::Kind::Evaluation;
        else if (type->value == kMf + "PositiveSyntaxTest11") test.kind = SuiteTest::Kind::PositiveSyntax;
        else if (type->value == kMf + "NegativeSyntaxTest11") test.kind = SuiteTest::Kind::NegativeSyntax;
        else continue;
        test.folder = file.parent_path().filename().string();
        test.id = test.folder + "/" + entry.value.substr(entry.value.find('#') + 1);
        if (auto n = manifest.object(entry, kMf + "name")) test.name = n->value;
        auto action = manifest.object(entry, kMf + "action");
        if (!action) {
          // kept: the runners fail it for want of a query
        } else if (test.kind != SuiteTest::Kind::Evaluation) {
          test.query_iri = action->value;
        } else {
          if (auto q = manifest.object(*action, kQt + "query")) test.query_iri = q->value;
          for (const auto& d : manifest.objects(*action, kQt + "data")) test.data.push_back(iri_file(d.value));
          for (const auto& g : manifest.objects(*action, kQt + "graphData"))
            test.graph_data.emplace_back(g.value, iri_file(g.value));
          if (auto r = manifest.object(entry, kMf + "result")) test.result = iri_file(r->value);
        }
        if (!test.query_iri.empty()) test.query = iri_file(test.query_iri);
        out.push_back(std::move(test));
      }
    }
  }
  return out;
}

Expected read_expected(const SuiteTest& test) {
  Expected e;
  auto ext = test.result.extension();
  if (ext == ".ttl" || ext == ".nt") {
    Graph g(test.result);
    if (auto rs = result_set(g)) {
      e.solutions = *rs;
      return e;
    }
    e.graph = true;
    e.triples = g.triples();
    return e;
  }
  e.solutions = read_result_file(test.result);
  return e;
}

bool has_order_by(const std::string& query) {
  std::string upper = query;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find("ORDER BY") != std::string::npos;
}

std::string judge(const Expected& expected, const rdf::QueryResult& actual, bool ordered) {
  if (expected.graph) {
    if (actual.kind != rdf::QueryResult::Kind::Graph) return "expected a graph";
    if (isomorphic(normalised(expected.triples), normalised(actual.triples))) return {};
    std::set<rdf::Triple> distinct(expected.triples.begin(), expected.triples.end());
    return "graph differs (" + std::to_string(actual.triples.size()) + " triples, expected " +
           std::to_string(distinct.size()) + ")";
  }
  if (same_solutions(expected.solutions, actual, ordered)) return {};
  if (expected.solutions.kind == rdf::QueryResult::Kind::Boolean)
    return actual.kind == rdf::QueryResult::Kind::Boolean ? "boolean differs" : "expected a boolean";
  return "solutions differ (" + std::to_string(actual.rows.size()) + " rows, expected " +
         std::to_string(expected.solutions.rows.size()) + ")";
}

void report(const std::string& section, const std::vector<Outcome>& outcomes) {
  // folder -> (passed, total) for evaluation tests and for syntax tests
  std::map<std::string, std::pair<int, int>> eval_rate, syntax_rate;
  for (const auto& o : outcomes) {
    auto& rate = o.test->kind == SuiteTest::Kind::Evaluation ? eval_rate[o.test->folder] : syntax_rate[o.test->folder];
    rate.first += o.passed;
    rate.second += 1;
  }
  std::ostringstream md;
  md << "| folder | evaluation tests passed | syntax tests passed |\n|---|---|---|\n";
  int pass = 0, total = 0, spass = 0, stotal = 0;
  std::set<std::string> folders;
  for (const auto& [f, r] : eval_rate) folders.insert(f);
  for (const auto& [f, r] : syntax_rate) folders.insert(f);
  auto rate = [](std::pair<int, int> r) {
    return r.second ? std::to_string(r.first) + " / " + std::to_string(r.second) : std::string("–");
  };
  for (const auto& f : folders) {
    auto e = eval_rate[f];
    auto s = syntax_rate[f];
    pass += e.first;
    total += e.second;
    spass += s.first;
    stotal += s.second;
    md << "| " << f << " | " << rate(e) << " | " << rate(s) << " |\n";
  }
  md << "| **all** | **" << pass << " / " << total << "** | **" << spass << " / " << stotal << "** |\n";
  std::cout << "## " << section << "\n\n" << md.str();
  write_section(section, md.str());

  auto expected = expected_failures();
  for (const auto& o : outcomes) {
    if (!o.passed && !expected.count(o.test->id))
      ADD_FAILURE() << o.test->id << " (" << o.test->name << ") fails and is not in expected-failures.txt: " << o.detail;
    if (o.passed && expected.count(o.test->id))
      std::cout << "note: " << o.test->id << " now passes; remove it from tests/conformance/expected-failures.txt\n";
  }
  if (std::getenv("POLICYKG_CONFORMANCE_LIST"))
    for (const auto& o : outcomes)
      if (!o.passed) std::cout << o.test->id << "  # " << o.test->name << ": " << o.detail << "\n";
}

}  // namespace policykg::conformance
