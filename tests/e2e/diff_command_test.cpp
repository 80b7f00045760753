// policykg diff on the real binary: the family's replies (provisions I-III of 2015, 2017 and 2019
// are parallel, reworded), a hand-edited copy of the seed (tests/e2e/data/seed-plan-edited.txt:
// one measure reworded, one added, one dropped, one moved, a responsible district changed), the
// alignment recorded and queried with SPARQL, and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using policykg::test::read_file;
using policykg::test::run_policykg;

namespace {

const std::string kSource = POLICYKG_SOURCE_DIR;
const std::string kEdited = kSource + "/tests/e2e/data/seed-plan-edited.txt";
const std::string kReply2019 = "id:doc/state-council-reply-2019-beijing-service-sector-plan";
const std::string kPlanPath = "doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/";

json diff_json(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"diff"};
  all.insert(all.end(), args.begin(), args.end());
  all.insert(all.end(), {"--format", "json"});
  auto r = run_policykg(all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json::object();
}

// The row whose old (or new) unit has this citation key.
const json* row_by_key(const json& d, const std::string& side, const std::string& key) {
  for (const auto& u : d["units"])
    if (!u[side].is_null() && u[side]["key"] == key) return &u;
  return nullptr;
}

TEST(DiffCommand, TheFamilysProvisionsOneToThreeAreRevisedInTheirPlace) {
  const json d = diff_json({"No. 81 [2015]", kReply2019});
  ASSERT_TRUE(d.contains("units"));
  // I-III reworded from 2015 to 2019; IV and V are new (the 2015 opening stops before IV).
  for (const std::string key : {"P1", "P2", "P3"}) {
    const json* row = row_by_key(d, "new", key);
    ASSERT_NE(row, nullptr) << key;
    EXPECT_EQ((*row)["change"], "revised") << key << " " << row->dump();
    EXPECT_EQ((*row)["old"]["key"], key);
    EXPECT_GT((*row)["similarity"].get<double>(), 0.2);
    EXPECT_LT((*row)["similarity"].get<double>(), 1.0);
    EXPECT_FALSE((*row)["words"].empty());
  }
  for (const std::string key : {"P4", "P5"}) {
    const json* row = row_by_key(d, "new", key);
    ASSERT_NE(row, nullptr) << key;
    EXPECT_EQ((*row)["change"], "added") << key;
  }
  EXPECT_EQ(d["old"]["documents"][0]["iri"], "https://w3id.org/policykg/id/doc/state-council-2015-81");

  // 2017 to 2019: the 2017 opening has provisions I and II.
  const json e = diff_json({"No. 86 [2017]", kReply2019});
  for (const std::string key : {"P1", "P2"}) {
    const json* row = row_by_key(e, "new", key);
    ASSERT_NE(row, nullptr) << key;
    EXPECT_EQ((*row)["change"], "revised") << key;
    EXPECT_EQ((*row)["old"]["key"], key);
  }
  // And the same comparison twice gives the same bytes.
  auto once = run_policykg({"diff", "No. 81 [2015]", kReply2019});
  auto again = run_policykg({"diff", "No. 81 [2015]", kReply2019});
  EXPECT_EQ(once.out, again.out);
  EXPECT_NE(once.out.find("revised"), std::string::npos) << once.out;
}

TEST(DiffCommand, TheHandEditedSeedShowsAllFiveKindsOfChange) {
  const json d = diff_json({policykg::test::kSeedDocument, kEdited});
  ASSERT_TRUE(d.contains("units"));
  // Reworded in its place: the performance brokerage measure.
  const json* reworded = row_by_key(d, "new", "T2.1.2");
  ASSERT_NE(reworded, nullptr);
  EXPECT_EQ((*reworded)["change"], "revised");
  std::string deleted, inserted;
  for (const auto& w : (*reworded)["words"]) {
    if (w["op"] == "deleted") deleted += w["text"].get<std::string>() + "|";
    if (w["op"] == "inserted") inserted += w["text"].get<std::string>() + "|";
  }
  EXPECT_NE(deleted.find("allow"), std::string::npos) << deleted;
  EXPECT_NE(deleted.find("across the country"), std::string::npos) << deleted;
  EXPECT_NE(inserted.find("permit"), std::string::npos) << inserted;
  EXPECT_NE(inserted.find("nationwide"), std::string::npos) << inserted;
  // Dropped: the fintech demonstration area (T7.7.3 of the seed).
  const json* dropped = row_by_key(d, "old", "T7.7.3");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ((*dropped)["change"], "removed");
  EXPECT_TRUE((*dropped)["new"].is_null());
  EXPECT_NE((*dropped)["old"]["text"].get<std::string>().find("fintech demonstration area"), std::string::npos);
  // Added: the bonded warehouse for works of art.
  bool added = false;
  for (const auto& u : d["units"])
    if (u["change"] == "added" && u["new"]["text"].get<std::string>().find("bonded warehouse") != std::string::npos)
      added = true;
  EXPECT_TRUE(added);
  // Moved: Shijingshan's measure, from after Fengtai's to before Haidian's.
  const json* moved = row_by_key(d, "old", "T7.7.9");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ((*moved)["change"], "moved");
  EXPECT_NE((*moved)["new"]["text"].get<std::string>().find("Shijingshan"), std::string::npos);
  EXPECT_FALSE(moved->contains("words"));
  // Another responsible district: Fangshan's measure now Daxing's.
  const json* district = row_by_key(d, "old", "T7.7.10");
  ASSERT_NE(district, nullptr);
  EXPECT_EQ((*district)["change"], "revised");
  std::set<std::string> facts;
  for (const auto& f : (*district)["facts"])
    facts.insert(f["change"].get<std::string>() + " " + f["fact"].get<std::string>() + " " + f["label"].get<std::string>());
  EXPECT_TRUE(facts.contains("added responsible Daxing District")) << district->dump();
  EXPECT_TRUE(facts.contains("dropped responsible Fangshan District")) << district->dump();
  // Everything else is unchanged; the reply is compared with the reply, the plan with the plan.
  EXPECT_EQ(d["summary"]["added"], 1);
  EXPECT_EQ(d["summary"]["removed"], 1);
  EXPECT_EQ(d["summary"]["moved"], 1);
  EXPECT_GE(d["summary"]["revised"], 2);
  EXPECT_GT(d["summary"]["unchanged"], 200);
  EXPECT_EQ(d["old"]["documents"].size(), 2u);
  EXPECT_EQ(d["old"]["documents"][1]["key"], "annex 1");
}

TEST(DiffCommand, TheTableAndThePageSayTheSame) {
  auto text = run_policykg({"diff", policykg::test::kSeedDocument, kEdited});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("unchanged "), std::string::npos);
  EXPECT_NE(text.out.find("removed 1"), std::string::npos) << text.out.substr(0, 400);
  EXPECT_NE(text.out.find("[-allow-]"), std::string::npos);
  EXPECT_NE(text.out.find("+responsible Daxing District"), std::string::npos);
  auto html = run_policykg({"diff", policykg::test::kSeedDocument, kEdited, "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  // Self-contained: nothing to fetch, no script.
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
  EXPECT_EQ(html.out.find("src="), std::string::npos);
  EXPECT_EQ(html.out.find("<link"), std::string::npos);
  EXPECT_NE(html.out.find("<del>allow</del>"), std::string::npos);
  EXPECT_NE(html.out.find("data-change=\"moved\""), std::string::npos);
}

TEST(DiffCommand, TheAlignmentRecordedAnswersWhichProvisionsContinueAndWhichAreNew) {
  const fs::path dir = fs::temp_directory_path() / ("policykg-diff-record-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string corpus = (dir / "corpus.nt").string(), record = (dir / "alignment.ttl").string();
  ASSERT_EQ(run_policykg({"build", "-o", corpus}).exit_code, 0);
  auto r = run_policykg({"diff", "No. 81 [2015]", kReply2019, "--data", corpus, "--record", record});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Which provisions of 2019 continue one of 2015, and which are new.
  const std::string q =
      "SELECT ?key ?old ?kind WHERE { ?c a pol:Comparison ; pol:oldVersion ?d ; pol:newVersion ?n . "
      "?d dcterms:identifier \"No. 81 [2015]\" . ?u a pol:Provision ; dcterms:identifier ?key ; "
      "dcterms:isPartOf ?n . OPTIONAL { ?u pol:continues ?o . ?o dcterms:identifier ?old } "
      "BIND(IF(EXISTS { ?c pol:addedUnit ?u }, \"new\", \"continues\") AS ?kind) } ORDER BY ?key";
  auto answer = run_policykg({"query", "--data", corpus, "--data", record, "-e", q, "--format", "json"});
  ASSERT_EQ(answer.exit_code, 0) << answer.err;
  std::map<std::string, std::string> seen;
  const json results = json::parse(answer.out);
  for (const auto& b : results["results"]["bindings"])
    seen[b["key"]["value"]] = b["kind"]["value"].get<std::string>() + (b.contains("old") ? " " + b["old"]["value"].get<std::string>() : "");
  const std::map<std::string, std::string> expected = {
      {"P1", "continues P1"}, {"P2", "continues P2"}, {"P3", "continues P3"}, {"P4", "new"}, {"P5", "new"}};
  EXPECT_EQ(seen, expected) << answer.out;
  // The similarity is on the qualified node, and the record validates against the shapes.
  const std::string ttl = read_file(record);
  EXPECT_NE(ttl.find("pol:similarity"), std::string::npos);
  auto valid = run_policykg({"validate", record});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  fs::remove_all(dir);
}

TEST(DiffCommand, OutputFilesAreWrittenWholeAndNeverOverAnInput) {
  const fs::path dir = fs::temp_directory_path() / ("policykg-diff-out-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string out = (dir / "diff.json").string();
  auto r = run_policykg({"diff", policykg::test::kSeedDocument, kEdited, "--format", "json", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  auto printed = run_policykg({"diff", policykg::test::kSeedDocument, kEdited, "--format", "json"});
  EXPECT_EQ(read_file(out), printed.out);
  // An input is never replaced; a folder is no output file.
  auto over = run_policykg({"diff", policykg::test::kSeedDocument, kEdited, "-o", kEdited});
  EXPECT_EQ(over.exit_code, 2) << over.err;
  auto folder = run_policykg({"diff", policykg::test::kSeedDocument, kEdited, "-o", dir.string()});
  EXPECT_EQ(folder.exit_code, 1) << folder.err;
  EXPECT_NE(folder.err.find(dir.string()), std::string::npos) << folder.err;
  fs::remove_all(dir);
}

TEST(DiffCommand, BadInputIsOneLineNamingTheProblemAndThePlace) {
  const fs::path dir = fs::temp_directory_path() / ("policykg-diff-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto one_line = [](const policykg::test::RunResult& r) {
    return std::count(r.err.begin(), r.err.end(), '\n') == 1;
  };
  // An unknown document.
  auto unknown = run_policykg({"diff", "No. 99 [2099]", kReply2019});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(one_line(unknown)) << unknown.err;
  EXPECT_NE(unknown.err.find("No. 99 [2099]"), std::string::npos) << unknown.err;
  // Both unknown: OLD is the one named.
  auto both = run_policykg({"diff", "No. 99 [2099]", "No. 98 [2098]"});
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_NE(both.err.find("No. 99 [2099]"), std::string::npos) << both.err;
  // Something that is not a document.
  auto agency = run_policykg({"diff", "Ministry of Commerce", kReply2019});
  EXPECT_EQ(agency.exit_code, 1);
  EXPECT_NE(agency.err.find("not a document"), std::string::npos) << agency.err;
  // An empty file, a non-UTF-8 file, a missing file.
  const std::string empty = (dir / "empty.txt").string(), latin1 = (dir / "latin1.txt").string();
  std::ofstream(empty).close();
  std::ofstream(latin1, std::ios::binary) << "I. The Ministry of Commerce shall open caf\xe9s.\n";
  auto e = run_policykg({"diff", empty, kEdited});
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_TRUE(one_line(e)) << e.err;
  EXPECT_NE(e.err.find(empty), std::string::npos) << e.err;
  auto l = run_policykg({"diff", kEdited, latin1});
  EXPECT_EQ(l.exit_code, 1);
  EXPECT_TRUE(one_line(l)) << l.err;
  EXPECT_NE(l.err.find(latin1), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("UTF-8"), std::string::npos) << l.err;
  // A file beside a document: a usage error naming the file.
  auto mixed = run_policykg({"diff", kEdited, "No. 81 [2015]"});
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find(kEdited), std::string::npos) << mixed.err;
  // A document only cited: nothing to compare.
  auto cited = run_policykg({"diff", "id:doc/big-data-action-plan", kReply2019});
  EXPECT_EQ(cited.exit_code, 1);
  EXPECT_TRUE(one_line(cited)) << cited.err;
  EXPECT_NE(cited.err.find("no parts"), std::string::npos) << cited.err;
  // Two versions of one file under one name: compared, all unchanged, but not recorded (their
  // units' IRIs are the same).
  const fs::path copy = dir / "seed-plan-edited.txt";
  fs::copy_file(kEdited, copy);
  const json same = diff_json({kEdited, copy.string()});
  EXPECT_EQ(same["summary"]["unchanged"], same["units"].size());
  auto alike = run_policykg({"diff", kEdited, copy.string(), "--record", (dir / "a.ttl").string()});
  EXPECT_EQ(alike.exit_code, 2);
  EXPECT_NE(alike.err.find("different names"), std::string::npos) << alike.err;
  EXPECT_FALSE(fs::exists(dir / "a.ttl"));
  auto missing = run_policykg({"diff", (dir / "missing.txt").string(), kEdited});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
  fs::remove_all(dir);
}

}  // namespace
