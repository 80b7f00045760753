// The alignment of two versions' units, on versions written out here unit by unit: reworded,
// split, merged, moved, added and removed units, facts that changed, and ties broken the same way
// every time.
#include <gtest/gtest.h>

#include <algorithm>

#include "diff/diff.hpp"

namespace policykg::diff {
namespace {

// Builds a version of one root: add() appends a unit under `parent` (npos: the root), numbering
// siblings in the order they come.
class VersionBuilder {
 public:
  explicit VersionBuilder(std::string name) {
    v_.name = name;
    v_.roots.push_back({"https://example.org/" + name, name, ""});
  }
  std::size_t add(Level level, std::string number, std::string text, std::size_t parent = npos,
                  std::vector<Fact> facts = {}) {
    Unit u;
    u.level = level;
    u.type = level == Level::Clause ? "Measure" : level == Level::Initiative ? "Initiative" : "Task";
    u.number = std::move(number);
    u.text = std::move(text);
    u.parent = parent;
    u.depth = parent == npos ? 0 : v_.units[parent].depth + 1;
    u.position = 1 + static_cast<std::size_t>(std::count_if(v_.units.begin(), v_.units.end(),
                                                            [&](const Unit& x) { return x.parent == parent; }));
    u.iri = v_.roots[0].iri + "/unit/" + std::to_string(v_.units.size() + 1);
    u.key = "U" + std::to_string(v_.units.size() + 1);
    std::sort(facts.begin(), facts.end());
    u.facts = std::move(facts);
    v_.units.push_back(std::move(u));
    return v_.units.size() - 1;
  }
  Version version() const { return v_; }

 private:
  Version v_;
};

const std::string kBanks = "Encourage foreign banks to set up branches and subsidiaries in Beijing.";
const std::string kBanksReworded = "Encourage foreign banks to establish branches and subsidiaries in Beijing.";
const std::string kHospitals = "Allow foreign investors to open wholly owned hospitals in the city.";
const std::string kTourism = "Permit travel agencies with foreign capital to operate outbound tourism business.";
const std::string kLaw = "Explore cooperation between Chinese and foreign law firms in joint operations.";
const std::string kCulture = "Support performance brokerage institutions funded by foreign investors.";

const Row* row_of_new(const Diff& d, std::size_t j) {
  for (const auto& r : d.rows)
    if (r.new_unit == j) return &r;
  return nullptr;
}
const Row* row_of_old(const Diff& d, std::size_t i) {
  for (const auto& r : d.rows)
    if (r.old_unit == i) return &r;
  return nullptr;
}

TEST(Align, TheSameVersionTwiceIsUnchangedThroughout) {
  VersionBuilder a("a");
  auto t = a.add(Level::Task, "1", "Opening up finance and health care");
  a.add(Level::Clause, "", kBanks, t);
  a.add(Level::Clause, "", kHospitals, t);
  Diff d = compare(a.version(), a.version());
  ASSERT_EQ(d.rows.size(), 3u);
  for (const auto& r : d.rows) {
    EXPECT_EQ(r.change, Change::Unchanged);
    EXPECT_EQ(r.old_unit, r.new_unit);
    EXPECT_DOUBLE_EQ(r.similarity, 1.0);
    EXPECT_TRUE(r.words.empty());
  }
}

TEST(Align, AReworordedMeasureIsRevisedWithTheWordsThatChanged) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Opening up finance");
  a.add(Level::Clause, "", kBanks, ta);
  a.add(Level::Clause, "", kHospitals, ta);
  auto tb = b.add(Level::Task, "1", "Opening up finance");
  b.add(Level::Clause, "", kBanksReworded, tb);
  b.add(Level::Clause, "", kHospitals, tb);
  Diff d = compare(a.version(), b.version());
  const Row* r = row_of_new(d, 1);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->change, Change::Revised);
  EXPECT_EQ(r->old_unit, 1u);
  EXPECT_GT(r->similarity, 0.5);
  EXPECT_LT(r->similarity, 1.0);
  const std::vector<Words> expected = {{Words::Op::Same, "Encourage foreign banks to"},
                                       {Words::Op::Deleted, "set up"},
                                       {Words::Op::Inserted, "establish"},
                                       {Words::Op::Same, "branches and subsidiaries in Beijing."}};
  EXPECT_EQ(r->words, expected);
  EXPECT_EQ(row_of_new(d, 2)->change, Change::Unchanged);
  EXPECT_EQ(d.count(Change::Revised), 1u);
}

TEST(Align, AMeasureUnderAnotherParentMoved) {
  VersionBuilder a("a"), b("b");
  auto a1 = a.add(Level::Task, "1", "Finance");
  auto a2 = a.add(Level::Task, "2", "Culture and tourism");
  a.add(Level::Clause, "", kBanks, a1);
  a.add(Level::Clause, "", kHospitals, a1);
  a.add(Level::Clause, "", kTourism, a2);
  auto b1 = b.add(Level::Task, "1", "Finance");
  auto b2 = b.add(Level::Task, "2", "Culture and tourism");
  b.add(Level::Clause, "", kBanks, b1);
  b.add(Level::Clause, "", kTourism, b2);
  b.add(Level::Clause, "", kHospitals, b2);  // from task 1 to task 2
  Diff d = compare(a.version(), b.version());
  EXPECT_EQ(row_of_new(d, 4)->change, Change::Moved);
  EXPECT_EQ(row_of_new(d, 4)->old_unit, 3u);
  EXPECT_TRUE(row_of_new(d, 4)->words.empty());
  EXPECT_EQ(row_of_new(d, 2)->change, Change::Unchanged);
  EXPECT_EQ(row_of_new(d, 3)->change, Change::Unchanged);
  EXPECT_EQ(d.count(Change::Moved), 1u);
  EXPECT_EQ(d.count(Change::Added) + d.count(Change::Removed), 0u);
}

TEST(Align, AMeasureOutOfOrderMovedAndTheRestKeepTheirPlace) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Services");
  for (const auto& t : {kBanks, kHospitals, kTourism, kLaw}) a.add(Level::Clause, "", t, ta);
  auto tb = b.add(Level::Task, "1", "Services");
  for (const auto& t : {kHospitals, kTourism, kBanks, kLaw}) b.add(Level::Clause, "", t, tb);  // banks to third
  Diff d = compare(a.version(), b.version());
  ASSERT_EQ(d.count(Change::Moved), 1u);
  EXPECT_EQ(row_of_new(d, 3)->change, Change::Moved);
  EXPECT_EQ(row_of_new(d, 3)->old_unit, 1u);
  EXPECT_EQ(d.count(Change::Unchanged), 4u);  // the task and three measures
}

TEST(Align, AMeasureSplitInTwoIsRevisedAndItsFurtherPartSaysSplit) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Services");
  a.add(Level::Clause, "", "Allow foreign investors to open wholly owned hospitals and permit travel agencies with foreign capital to operate outbound tourism business.", ta);
  a.add(Level::Clause, "", kLaw, ta);
  auto tb = b.add(Level::Task, "1", "Services");
  b.add(Level::Clause, "", kHospitals, tb);
  b.add(Level::Clause, "", kTourism, tb);
  b.add(Level::Clause, "", kLaw, tb);
  Diff d = compare(a.version(), b.version());
  const Row* first = row_of_new(d, 1);
  const Row* second = row_of_new(d, 2);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  // Both parts continue the old measure: the more similar one as its match, the other as split off.
  EXPECT_EQ(first->old_unit, 1u);
  EXPECT_EQ(second->old_unit, 1u);
  EXPECT_EQ(first->change, Change::Revised);
  EXPECT_EQ(second->change, Change::Revised);
  const Row* match = first->relation.empty() ? first : second;
  const Row* part = first->relation.empty() ? second : first;
  EXPECT_EQ(match->relation, "");
  EXPECT_EQ(part->relation, "split");
  EXPECT_GE(match->similarity, part->similarity);
  EXPECT_EQ(d.count(Change::Added), 0u);
  EXPECT_EQ(d.count(Change::Removed), 0u);
}

TEST(Align, TwoMeasuresMergedIntoOneAreRevisedAndTheFurtherOneSaysMerged) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Services");
  a.add(Level::Clause, "", kHospitals, ta);
  a.add(Level::Clause, "", kTourism, ta);
  a.add(Level::Clause, "", kLaw, ta);
  auto tb = b.add(Level::Task, "1", "Services");
  b.add(Level::Clause, "", "Allow foreign investors to open wholly owned hospitals and permit travel agencies with foreign capital to operate outbound tourism business.", tb);
  b.add(Level::Clause, "", kLaw, tb);
  Diff d = compare(a.version(), b.version());
  const Row* one = row_of_old(d, 1);
  const Row* other = row_of_old(d, 2);
  ASSERT_NE(one, nullptr);
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(one->new_unit, 1u);
  EXPECT_EQ(other->new_unit, 1u);
  EXPECT_EQ(one->relation.empty() ? other->relation : one->relation, "merged");
  EXPECT_EQ(d.count(Change::Removed), 0u);
  EXPECT_EQ(d.count(Change::Added), 0u);
  // The merged part's row comes right after the row of the unit it was merged into.
  auto at = [&](const Row* r) { return r - d.rows.data(); };
  EXPECT_EQ(std::abs(at(one) - at(other)), 1);
}

TEST(Align, AddedAndRemovedUnitsAndTheirPlaceInTheRows) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Services");
  a.add(Level::Clause, "", kBanks, ta);
  a.add(Level::Clause, "", kHospitals, ta);  // dropped
  a.add(Level::Clause, "", kTourism, ta);
  auto tb = b.add(Level::Task, "1", "Services");
  b.add(Level::Clause, "", kBanks, tb);
  b.add(Level::Clause, "", kTourism, tb);
  b.add(Level::Clause, "", kCulture, tb);  // new
  Diff d = compare(a.version(), b.version());
  EXPECT_EQ(d.count(Change::Added), 1u);
  EXPECT_EQ(d.count(Change::Removed), 1u);
  EXPECT_EQ(row_of_new(d, 3)->change, Change::Added);
  EXPECT_EQ(row_of_new(d, 3)->old_unit, npos);
  const Row* removed = row_of_old(d, 2);
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->change, Change::Removed);
  // In the rows: the banks measure, then the one removed after it, then tourism.
  ASSERT_EQ(d.rows.size(), 5u);
  EXPECT_EQ(d.rows[1].new_unit, 1u);
  EXPECT_EQ(d.rows[2].old_unit, 2u);
  EXPECT_EQ(d.rows[3].new_unit, 2u);
}

TEST(Align, AUnitRewrittenInItsPlaceKeepsItsNumberAtALowerSimilarity) {
  const std::string old_text =
      "You shall closely center on the strategy of coordinated development of the region and improve the level of "
      "trade in services.";
  const std::string new_text =
      "We shall follow the strategy of coordinated development, push the service sector to open wider and create a "
      "world-class business environment.";
  const double s = similarity(old_text, new_text);
  ASSERT_GE(s, 0.2);
  ASSERT_LT(s, 0.5);
  VersionBuilder a("a"), b("b");
  a.add(Level::Provision, "II", old_text);
  b.add(Level::Provision, "II", new_text);
  Diff numbered = compare(a.version(), b.version());
  ASSERT_EQ(numbered.rows.size(), 1u);
  EXPECT_EQ(numbered.rows[0].change, Change::Revised);

  VersionBuilder c("c"), e("e");
  c.add(Level::Provision, "II", old_text);
  e.add(Level::Provision, "III", new_text);  // another number: the similarity alone decides
  Diff unnumbered = compare(c.version(), e.version());
  EXPECT_EQ(unnumbered.count(Change::Added), 1u);
  EXPECT_EQ(unnumbered.count(Change::Removed), 1u);
}

TEST(Align, UnitsOfOtherLevelsNeverMatch) {
  VersionBuilder a("a"), b("b");
  a.add(Level::Task, "1", kBanks);
  b.add(Level::Initiative, "1", kBanks);
  Diff d = compare(a.version(), b.version());
  EXPECT_EQ(d.count(Change::Added), 1u);
  EXPECT_EQ(d.count(Change::Removed), 1u);
}

TEST(Align, TiesGoToTheSamePositionAndTheSameInputGivesTheSameRows) {
  VersionBuilder a("a"), b("b");
  auto ta = a.add(Level::Task, "1", "Services");
  auto tb = b.add(Level::Task, "1", "Services");
  for (int k = 0; k < 3; ++k) {
    a.add(Level::Clause, "", kBanks, ta);
    b.add(Level::Clause, "", kBanks, tb);
  }
  Diff d = compare(a.version(), b.version());
  for (std::size_t j = 1; j <= 3; ++j) {
    EXPECT_EQ(row_of_new(d, j)->old_unit, j);
    EXPECT_EQ(row_of_new(d, j)->change, Change::Unchanged);
  }
  // One more copy in the new version: the first three keep their partners, the fourth is added
  // (a copy brings none of the old words its twin lacks: no split part).
  b.add(Level::Clause, "", kBanks, tb);
  Diff once = compare(a.version(), b.version());
  Diff again = compare(a.version(), b.version());
  ASSERT_EQ(once.rows.size(), again.rows.size());
  for (std::size_t k = 0; k < once.rows.size(); ++k) {
    EXPECT_EQ(once.rows[k].old_unit, again.rows[k].old_unit);
    EXPECT_EQ(once.rows[k].new_unit, again.rows[k].new_unit);
    EXPECT_EQ(once.rows[k].change, again.rows[k].change);
  }
  EXPECT_EQ(row_of_new(once, 4)->change, Change::Added);
}

TEST(Align, FactsOfMatchedUnitsThatChanged) {
  const Fact commerce{"responsible", "https://example.org/agency/commerce", "Ministry of Commerce"};
  const Fact finance{"responsible", "https://example.org/agency/finance", "Ministry of Finance"};
  const Fact haidian{"place", "https://example.org/district/haidian", "Haidian District"};
  const Fact approval{"condition", "upon approval", "upon approval"};
  VersionBuilder a("a"), b("b");
  a.add(Level::Clause, "", kBanks, npos, {commerce, haidian});
  b.add(Level::Clause, "", kBanks, npos, {finance, haidian, approval});
  Diff d = compare(a.version(), b.version());
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].change, Change::Unchanged);  // the same words; the facts read from them differ
  const std::vector<FactChange> expected = {{true, approval}, {false, commerce}, {true, finance}};
  EXPECT_EQ(d.rows[0].facts, expected);
}

TEST(Align, ANumeralAloneDoesNotMakeARevision) {
  VersionBuilder a("a"), b("b");
  a.add(Level::Task, "3", "(3) Deepening the opening-up of finance.");
  b.add(Level::Task, "4", "(4) Deepening the opening-up of finance.");
  Diff d = compare(a.version(), b.version());
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].change, Change::Unchanged);
}

TEST(WordDiff, KeepsCommonWordsAndMarksTheRest) {
  EXPECT_TRUE(word_diff("", "").empty());
  const std::vector<Words> all_new = {{Words::Op::Inserted, "a b"}};
  EXPECT_EQ(word_diff("", "a b"), all_new);
  const std::vector<Words> expected = {{Words::Op::Same, "the"},
                                       {Words::Op::Deleted, "old"},
                                       {Words::Op::Inserted, "new"},
                                       {Words::Op::Same, "plan shall"},
                                       {Words::Op::Inserted, "fully"},
                                       {Words::Op::Same, "apply"}};
  EXPECT_EQ(word_diff("the old plan shall apply", "the new plan shall fully apply"), expected);
}

TEST(Similarity, ContentWordsOnly) {
  EXPECT_DOUBLE_EQ(similarity("the banks", "The banks."), 1.0);
  EXPECT_DOUBLE_EQ(similarity("of the and", "banks"), 0.0);
  EXPECT_DOUBLE_EQ(similarity("foreign banks", "foreign hospitals"), 0.5);
}

}  // namespace
}  // namespace policykg::diff
