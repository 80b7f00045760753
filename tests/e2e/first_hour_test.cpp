// A researcher's first hour on the real binary: words are found whatever the source's spacing
// (pol:plainText, `search`), units are named by their words, their key or their IRI's tail, and
// responsibility comes in bulk (`responsible --all-units`, `duties --inherited`), as tables that
// Python's csv module reads and as triples SPARQL counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_policykg;

const std::string kWords = "human resources service institutions";

class FirstHour : public test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    graph_ = (dir_ / "graph.nt").string();
    auto built = run_policykg({"build", "-o", graph_});
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }
  // The bindings of a SELECT (no PREFIX lines: the predefined prefixes serve) as JSON.
  json select(const std::string& query, std::vector<std::string> more_data = {}) {
    std::vector<std::string> args{"query", "-e", query, "--data", graph_, "--format", "json"};
    for (auto& d : more_data) args.insert(args.end(), {"--data", d});
    auto r = run_policykg(args);
    EXPECT_EQ(r.exit_code, 0) << query << "\n" << r.err;
    return r.exit_code == 0 ? json::parse(r.out)["results"]["bindings"] : json::array();
  }
  // A table as Python's csv module reads it: a list of rows keyed by the header.
  json read_table(const std::string& text, const std::string& dialect) {
    fs::path file = dir_ / "table.txt";
    std::ofstream(file, std::ios::binary) << text;
    const std::string delimiter = dialect == "tsv" ? "delimiter='\\t', quoting=csv.QUOTE_NONE" : "";
    auto r = test::run_binary("/usr/bin/python3",
                              {"-c", "import csv, json, sys; f = open(sys.argv[1], newline='', encoding='utf-8'); "
                                     "print(json.dumps(list(csv.DictReader(f" + (delimiter.empty() ? "" : ", " + delimiter) +
                                         "))))",
                               file.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out) : json::array();
  }
  std::string measure() {
    auto rows = select("SELECT ?m WHERE { ?m a pol:Measure ; pol:plainText ?t FILTER(CONTAINS(LCASE(?t), \"" + kWords + "\")) }");
    return rows.size() == 1 ? rows[0]["m"]["value"].get<std::string>() : std::string("(not one measure)");
  }
  std::string graph_;
};

// Whitespace as a reader sees it: ASCII blanks, no-break space and the other Unicode spaces.
std::string collapsed(const std::string& s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    bool blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r';
    if (s.compare(i, 2, "\xC2\xA0") == 0) blank = true, n = 2;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) blank = true, n = 3;
    if (blank) space = !out.empty();
    else {
      if (space) out += ' ';
      space = false;
      out += s.substr(i, n);
    }
    i += n;
  }
  return out;
}

TEST_F(FirstHour, PlainTextFindsWhatTheRawSpacingHides) {
  // The source has a doubled space inside the words: pol:text keeps it, so CONTAINS misses them.
  EXPECT_TRUE(select("SELECT ?m WHERE { ?m pol:text ?t FILTER(CONTAINS(LCASE(?t), \"" + kWords + "\")) }").empty());
  const std::string m = measure();
  EXPECT_NE(m.find("/task/9/initiative/5/measure/2"), std::string::npos) << m;
  auto regex = select("SELECT ?m WHERE { ?m pol:plainText ?t FILTER(REGEX(?t, \"service\\\\s+institutions\")) }");
  EXPECT_TRUE(std::any_of(regex.begin(), regex.end(), [&](const json& b) { return b["m"]["value"] == m; }));
  // Every unit has one, and it is its text with each run of white space read as one space.
  auto pairs = select("SELECT ?u ?t ?p WHERE { ?u pol:text ?t ; pol:plainText ?p }");
  auto units = select("SELECT ?u WHERE { ?u pol:text ?t }");
  ASSERT_GT(units.size(), 200u);
  EXPECT_EQ(pairs.size(), units.size());
  for (const auto& b : pairs)
    EXPECT_EQ(b["p"]["value"].get<std::string>(), collapsed(b["t"]["value"])) << b["u"]["value"];
}

TEST_F(FirstHour, SearchRanksTheMeasureWithTheWholePhraseFirst) {
  const std::string m = measure();
  auto r = run_policykg({"search", kWords, "--data", graph_, "--format", "csv", "--limit", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = read_table(r.out, "csv");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0]["iri"], m);
  EXPECT_EQ(rows[0]["phrase"], "true");
  EXPECT_EQ(rows[0]["words_matched"], "4");
  EXPECT_EQ(rows[1]["phrase"], "false");
  // The words split and spaced otherwise find the same first answer.
  auto again = run_policykg({"search", "HUMAN-resources", "service,", "institutions", "--data", graph_, "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)[0]["iri"], m);
  auto text = run_policykg({"search", kWords, "--data", graph_});
  EXPECT_NE(text.out.find("1. T9.5.2  "), std::string::npos) << text.out;
  auto none = run_policykg({"search", "--data", graph_, "--", ",;"});
  EXPECT_EQ(none.exit_code, 2) << none.out;
  EXPECT_NE(none.err.find("no word to search for"), std::string::npos) << none.err;
}

TEST_F(FirstHour, AUnitIsFoundByItsWordsItsKeyAndItsIriTail) {
  const std::string m = measure();
  for (std::string name : {kWords, std::string("T9.5.2"), std::string("task/9/initiative/5/measure/2"),
                           std::string("Support the establishment of solely foreign-funded human resources service "
                                       "institutions in Zhongguanchun.")}) {
    auto r = run_policykg({"responsible", name, "--data", graph_, "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << name << "\n" << r.err;
    EXPECT_EQ(json::parse(r.out)["entity"]["iri"], m) << name;
  }
  // Words that several units share name none, and say how many and which.
  auto shared = run_policykg({"responsible", "financial institutions", "--data", graph_});
  EXPECT_EQ(shared.exit_code, 1);
  EXPECT_NE(shared.err.find("resources have these words in their"), std::string::npos) << shared.err;
}

TEST_F(FirstHour, ResponsibleForEveryUnitIsOneRowPerUnit) {
  auto units = select("SELECT ?u WHERE { ?u a ?c VALUES ?c { pol:Provision pol:Section pol:Task pol:Initiative "
                      "pol:Measure pol:Statement } }");
  ASSERT_GT(units.size(), 200u);
  auto csv = run_policykg({"responsible", "--all-units", "--data", graph_, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  auto rows = read_table(csv.out, "csv");
  ASSERT_EQ(rows.size(), units.size());
  std::set<std::string> listed;
  for (const auto& row : rows) listed.insert(row["unit"].get<std::string>());
  EXPECT_EQ(listed.size(), units.size());
  auto tsv = run_policykg({"responsible", "--all-units", "--data", graph_, "--format", "tsv"});
  EXPECT_EQ(read_table(tsv.out, "tsv").size(), units.size());
  // Every 20th row says what `responsible` says of its unit.
  std::size_t inherited = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    inherited += rows[i]["how"] == "inherited" ? 1 : 0;
    if (i % 20) continue;
    auto one = run_policykg({"responsible", rows[i]["unit"].get<std::string>(), "--data", graph_, "--format", "json"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    std::string iris;
    const json answer = json::parse(one.out);
    for (const auto& a : answer["responsible"])
      iris += (iris.empty() ? "" : " ") + a["party"]["iri"].get<std::string>();
    EXPECT_EQ(rows[i]["party_iris"], iris) << rows[i]["unit"];
  }
  EXPECT_GT(inherited, 100u);
}

TEST_F(FirstHour, EffectivePartiesAsTriplesAreCountedBySparql) {
  auto csv = run_policykg({"responsible", "--all-units", "--data", graph_, "--format", "csv"});
  std::size_t pairs = 0;
  std::map<std::string, std::size_t> by_how;
  for (const auto& row : read_table(csv.out, "csv")) {
    const std::string iris = row["party_iris"];
    if (iris.empty()) continue;
    const std::size_t n = static_cast<std::size_t>(std::count(iris.begin(), iris.end(), ' ')) + 1;
    pairs += n;
    by_how[row["how"]] += n;
  }
  ASSERT_GT(pairs, 0u);
  auto nt = run_policykg({"responsible", "--all-units", "--data", graph_, "--format", "ntriples"});
  ASSERT_EQ(nt.exit_code, 0) << nt.err;
  const std::string effective = (dir_ / "effective.nt").string();
  std::ofstream(effective, std::ios::binary) << nt.out;
  auto count = select("SELECT (COUNT(*) AS ?n) WHERE { ?u pol:effectiveParty ?a }", {effective});
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0]["n"]["value"], std::to_string(pairs));
  auto how = select("SELECT ?how (COUNT(*) AS ?n) WHERE { ?u pol:qualifiedEffectiveParty [ pol:derivation ?how ] } "
                    "GROUP BY ?how",
                    {effective});
  for (const auto& b : how) EXPECT_EQ(b["n"]["value"], std::to_string(by_how[b["how"]["value"]])) << b["how"];
  // The triples fit the ontology's shapes.
  auto valid = run_policykg({"validate", "--data", graph_, "--data", effective});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
}

TEST_F(FirstHour, DutiesSayWhatInheritsAndListItWithInherited) {
  auto stated = run_policykg({"duties", "Ministry of Commerce", "--data", graph_, "--format", "csv"});
  auto all = run_policykg({"duties", "Ministry of Commerce", "--inherited", "--data", graph_, "--format", "csv"});
  ASSERT_EQ(stated.exit_code, 0) << stated.err;
  ASSERT_EQ(all.exit_code, 0) << all.err;
  auto s = read_table(stated.out, "csv"), a = read_table(all.out, "csv");
  ASSERT_GT(a.size(), s.size() + 100);
  std::set<std::string> inherited_units;
  for (const auto& row : a) inherited_units.insert(row["unit"].get<std::string>() + " " + row["how"].get<std::string>());
  for (const auto& row : s) EXPECT_TRUE(inherited_units.count(row["unit"].get<std::string>() + " stated")) << row["unit"];
  auto text = run_policykg({"duties", "Ministry of Commerce", "--data", graph_});
  EXPECT_NE(text.out.find("and " + std::to_string(a.size() - s.size()) + " more units inherit this responsibility"),
            std::string::npos)
      << text.out;
}

}  // namespace
}  // namespace policykg
