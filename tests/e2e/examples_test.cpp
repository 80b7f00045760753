// examples/queries/*.rq: every researcher question runs through `policykg query` on the graph built
// from data/documents/, and its answer must equal NN-name.expected.tsv (checked by hand against
// the document text). Results are compared as SPARQL TSV rows, in order (every example has an
// ORDER BY; ASK answers are "true" or "false"); the JSON results are converted here so the comparison does not depend on one writer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_policykg;

const fs::path kExamples = fs::path(POLICYKG_SOURCE_DIR) / "examples" / "queries";

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  if (fs::exists(kExamples))
    for (const auto& entry : fs::directory_iterator(kExamples))
      if (entry.path().extension() == ".rq") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out + "\"";
}

// One SPARQL JSON term in SPARQL TSV form.
std::string tsv_term(const nlohmann::json& t) {
  const std::string type = t.at("type");
  const std::string value = t.at("value");
  if (type == "uri") return "<" + value + ">";
  if (type == "bnode") return "_:" + value;
  if (t.contains("xml:lang")) return quoted(value) + "@" + t.at("xml:lang").get<std::string>();
  if (t.contains("datatype")) {
    std::string dt = t.at("datatype");
    if (dt == "http://www.w3.org/2001/XMLSchema#integer") return value;
    if (dt != "http://www.w3.org/2001/XMLSchema#string") return quoted(value) + "^^<" + dt + ">";
  }
  return quoted(value);
}

// SPARQL JSON results as TSV lines: the header, then one line per row (or "true"/"false").
std::vector<std::string> tsv_lines(const nlohmann::json& results) {
  std::vector<std::string> lines;
  if (results.contains("boolean")) {
    lines.push_back(results["boolean"].get<bool>() ? "true" : "false");
    return lines;
  }
  const auto& vars = results.at("head").at("vars");
  std::string header;
  for (const auto& v : vars) header += (header.empty() ? "?" : "\t?") + v.get<std::string>();
  lines.push_back(header);
  for (const auto& row : results.at("results").at("bindings")) {
    std::string line;
    bool first = true;
    for (const auto& v : vars) {
      if (!first) line += "\t";
      first = false;
      if (row.contains(v.get<std::string>())) line += tsv_term(row.at(v.get<std::string>()));
    }
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> file_lines(const fs::path& p) {
  std::vector<std::string> lines;
  std::istringstream in(test::read_file(p));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

class Examples : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    seed_ = (fs::temp_directory_path() / ("policykg-examples-" + std::to_string(::getpid()) + ".ttl")).string();
    auto r = run_policykg({"build", "-o", seed_});
    build_ok_ = r.exit_code == 0;
    build_err_ = r.err;
  }
  static void TearDownTestSuite() { fs::remove(seed_); }
  static std::string seed_, build_err_;
  static bool build_ok_;
};
std::string Examples::seed_, Examples::build_err_;
bool Examples::build_ok_ = false;

TEST_P(Examples, AnswerIsTheExpectedOne) {
  ASSERT_TRUE(build_ok_) << "policykg build failed: " << build_err_;
  const fs::path rq = kExamples / (GetParam() + ".rq");
  const fs::path expected = kExamples / (GetParam() + ".expected.tsv");
  ASSERT_TRUE(fs::exists(expected)) << expected << " is missing";
  auto r = run_policykg({"query", rq.string(), "--data", seed_, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto got = tsv_lines(nlohmann::json::parse(r.out));
  auto want = file_lines(expected);
  EXPECT_EQ(got, want) << "policykg query " << rq.string() << " --format tsv";
}

TEST_P(Examples, TheAnswerIsTheSameWithoutThePlanner) {
  ASSERT_TRUE(build_ok_) << "policykg build failed: " << build_err_;
  const fs::path rq = kExamples / (GetParam() + ".rq");
  auto planned = run_policykg({"query", rq.string(), "--data", seed_, "--format", "json"});
  auto written = run_policykg({"query", rq.string(), "--data", seed_, "--format", "json", "--no-plan"});
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(planned.out, written.out) << "policykg query " << rq.string() << " with and without --no-plan";
}

TEST(ExamplesFolder, HoldsAtLeastFifteenQuestionsEachWithItsAnswer) {
  auto names = example_names();
  EXPECT_GE(names.size(), 15u);
  for (const auto& n : names) {
    EXPECT_TRUE(fs::exists(kExamples / (n + ".expected.tsv"))) << n;
    auto query = test::read_file(kExamples / (n + ".rq"));
    if (query.find("SELECT") != std::string::npos) {
      EXPECT_NE(query.find("ORDER BY"), std::string::npos)
          << n << ": examples are compared in order, so each SELECT needs an ORDER BY";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Queries, Examples, ::testing::ValuesIn(example_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

}  // namespace
}  // namespace policykg
