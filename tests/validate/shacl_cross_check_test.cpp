// Our validator against an independent SHACL engine (rdf-validate-shacl, run with node from
// tests/js/): the same shapes and data must give the same conformance and the same
// (focus, path, constraint component) results.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "ontology/files.hpp"
#include "tests/temp_dir.hpp"
#include "tests/validate/constraint_cases.hpp"
#include "tests/validate/validate_fixture.hpp"
#include "validate/report_writer.hpp"
#include "validate/validate.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using Keys = std::set<std::tuple<std::string, std::string, std::string>>;

const fs::path kJsDir = fs::path(POLICYKG_SOURCE_DIR) / "tests" / "js";

// A path compared across engines: an IRI, "^IRI", or "complex" for the rest (the other engine
// names complex paths by blank nodes).
std::string comparable_path(const std::string& path) {
  if (path.empty() || path.starts_with("(") || path.starts_with("^(") || path.ends_with("*") ||
      path.ends_with("+") || path.ends_with("?"))
    return path.empty() ? "" : "complex";
  return path;
}

Keys our_keys(const validate::Report& report) {
  Keys out;
  for (const auto& v : report.violations)
    out.emplace(v.focus.is_blank() ? "_:" : v.focus.value, v.path ? comparable_path(validate::path_key(*v.path)) : "",
                v.constraint);
  return out;
}

struct Outcome {
  bool conforms = false;
  Keys keys;
};

using test::TempDir;

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

// Runs tests/js/shacl-check.mjs; fails the test with a clear message when node or the npm
// packages are missing.
std::optional<Outcome> reference(const std::vector<fs::path>& shapes, const std::vector<fs::path>& data) {
  std::string node = POLICYKG_NODE;
  if (node.empty()) {
    ADD_FAILURE() << "node was not found when CMake configured the tests: run scripts/install-deps";
    return std::nullopt;
  }
  if (!fs::exists(kJsDir / "node_modules" / "rdf-validate-shacl")) {
    ADD_FAILURE() << "tests/js/node_modules is missing: run scripts/install-deps (it runs `npm ci` in tests/js/)";
    return std::nullopt;
  }
  TempDir out;
  std::string command = quote(node) + " " + quote(kJsDir / "shacl-check.mjs");
  for (const auto& s : shapes) command += " --shapes " + quote(s);
  for (const auto& d : data) command += " --data " + quote(d);
  command += " > " + quote(out.path() / "out.json") + " 2> " + quote(out.path() / "err.txt");
  int status = std::system(command.c_str());
  std::ifstream in(out.path() / "out.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (status != 0 || text.empty()) {
    std::ifstream err(out.path() / "err.txt");
    std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    ADD_FAILURE() << "shacl-check.mjs failed (status " << status << "): " << message;
    return std::nullopt;
  }
  auto j = nlohmann::json::parse(text);
  Outcome o;
  o.conforms = j.at("conforms").get<bool>();
  for (const auto& v : j.at("violations")) {
    std::string focus = v.at("focus").get<std::string>();
    std::string path = v.at("path").is_null() ? "" : v.at("path").get<std::string>();
    if (path.starts_with("_:")) path = "complex";
    o.keys.emplace(focus.starts_with("_:") ? "_:" : focus, path, v.at("constraint").get<std::string>());
  }
  return o;
}

std::string describe(const Keys& keys) {
  std::string s;
  for (const auto& [f, p, c] : keys) s += "  " + f + "  " + p + "  " + c + "\n";
  return s;
}

void expect_same(const validate::Report& ours, const Outcome& theirs, const Keys& known_divergences = {}) {
  Keys mine = our_keys(ours);
  Keys diff_ours, diff_theirs;
  for (const auto& k : mine)
    if (!theirs.keys.contains(k) && !known_divergences.contains(k)) diff_ours.insert(k);
  for (const auto& k : theirs.keys)
    if (!mine.contains(k)) diff_theirs.insert(k);
  EXPECT_TRUE(diff_ours.empty()) << "only we report:\n" << describe(diff_ours);
  EXPECT_TRUE(diff_theirs.empty()) << "only rdf-validate-shacl reports:\n" << describe(diff_theirs);
  if (known_divergences.empty()) {
    EXPECT_EQ(ours.conforms, theirs.conforms);
  }
}

// Ill-formed literals rdf-validate-shacl accepts as well-formed: impossible calendar dates.
// SHACL requires them to violate sh:datatype; lexical_form_test.cpp covers our side.
const std::string kDatatype = "http://www.w3.org/ns/shacl#DatatypeConstraintComponent";

class CrossCheckCase : public ::testing::TestWithParam<test::ConstraintCase> {};

TEST_P(CrossCheckCase, SameResultsAsRdfValidateShacl) {
  const auto& c = GetParam();
  TempDir dir;
  auto shapes_file = dir.write("shapes.ttl", std::string(test::kPrefixes) + c.shapes);
  auto data_file = dir.write("data.ttl", std::string(test::kPrefixes) + c.data);
  auto report = validate::validate(test::turtle(std::string(test::kPrefixes) + c.data),
                                   test::turtle(std::string(test::kPrefixes) + c.shapes));
  // The data graph of the other engine carries the shapes graph's rdfs:subClassOf axioms, which
  // SHACL reads from the data graph only.
  auto theirs = reference({shapes_file}, {data_file, shapes_file});
  if (!theirs) return;
  Keys known;
  if (c.name == "datatype") known.emplace("http://example.org/badd", "http://example.org/d", kDatatype);
  expect_same(report, *theirs, known);
}

INSTANTIATE_TEST_SUITE_P(Constraints, CrossCheckCase, ::testing::ValuesIn(test::constraint_cases()),
                         [](const auto& param_info) { return param_info.param.name; });

Outcome run_project(const std::string& data_name, validate::Report& ours) {
  rdf::Model data;
  data.load_file(test::data_file(data_name));
  ours = validate::validate(data, test::project_shapes());
  auto theirs = reference({ontology::shapes_file()}, {test::data_file(data_name), ontology::ontology_file()});
  return theirs.value_or(Outcome{});
}

TEST(CrossCheck, ValidGraphConformsForBothEngines) {
  validate::Report ours;
  auto theirs = run_project("valid-graph.ttl", ours);
  if (HasFailure()) return;
  EXPECT_TRUE(ours.conforms);
  expect_same(ours, theirs);
}

TEST(CrossCheck, BrokenGraphGivesTheSameResults) {
  validate::Report ours;
  auto theirs = run_project("broken-graph.ttl", ours);
  if (HasFailure()) return;
  EXPECT_FALSE(ours.conforms);
  EXPECT_FALSE(theirs.conforms);
  EXPECT_GE(theirs.keys.size(), 20u);
  expect_same(ours, theirs,
              {{"https://w3id.org/policykg/id/doc/reply", "http://purl.org/dc/terms/issued", kDatatype}});
}

}  // namespace
}  // namespace policykg
