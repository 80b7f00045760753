#include <gtest/gtest.h>

#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"

using policykg::builder::fold;
using policykg::builder::PhraseTable;

namespace {

std::vector<std::string> found(const PhraseTable& t, const std::string& text, bool overlapping = false) {
  std::string lower = fold(text);
  std::vector<std::string> out;
  for (const auto& h : t.scan(lower, overlapping))
    out.push_back(lower.substr(h.begin, h.end - h.begin) + "=" + std::to_string(h.payload));
  return out;
}

}  // namespace

TEST(PhraseTable, LongestPhraseAtEachWordStart) {
  PhraseTable t;
  t.add("State Council", 1);
  t.add("State Council Reply", 2);
  t.add("council", 3);
  EXPECT_EQ(found(t, "The State  Council Reply and the council"),
            (std::vector<std::string>{"state council reply=2", "council=3"}));
  EXPECT_EQ(found(t, "State Council Replying"), (std::vector<std::string>{"state council=1"}));
}

TEST(PhraseTable, WholeWordsUnlessPrefixesAreAsked) {
  PhraseTable words;
  words.add("financ", 1);
  words.add("tax", 2);
  EXPECT_TRUE(found(words, "financial taxation").empty());
  EXPECT_EQ(found(words, "tax, financ."), (std::vector<std::string>{"tax=2", "financ=1"}));
  PhraseTable prefixes(false);
  prefixes.add("financ", 1);
  EXPECT_EQ(found(prefixes, "refinancing financial"), (std::vector<std::string>{"financ=1"}));
}

TEST(PhraseTable, OnlyAtWordStarts) {
  PhraseTable t(false);
  t.add("port", 1);
  EXPECT_TRUE(found(t, "support airport").empty());
  EXPECT_EQ(found(t, "ports").size(), 1u);
}

TEST(PhraseTable, OverlappingScanFindsNamesInsideNames) {
  PhraseTable t;
  t.add("beijing economic-technological development area", 1);
  t.add("development area", 2);
  EXPECT_EQ(found(t, "Beijing Economic-Technological Development Area").size(), 1u);
  EXPECT_EQ(found(t, "Beijing Economic-Technological Development Area", true),
            (std::vector<std::string>{"beijing economic-technological development area=1", "development area=2"}));
}

TEST(PhraseTable, FirstPayloadWinsAndPhrasesAreFolded) {
  PhraseTable t;
  t.add("upon  approval", 1);
  t.add("Upon approval", 2);
  t.add("“pilot”", 3);
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(found(t, "upon approval; the \"pilot\" zone"), (std::vector<std::string>{"upon approval=1"}));
  t.add("pilot", 4);
  EXPECT_EQ(found(t, "the pilot"), (std::vector<std::string>{"pilot=4"}));
}

TEST(PhraseTable, PhrasesEndingInPunctuationAndShortPhrases) {
  PhraseTable t;
  t.add("no.", 1);
  t.add("a", 2);
  EXPECT_EQ(found(t, "No.81 a b"), (std::vector<std::string>{"no.=1", "a=2"}));
  EXPECT_TRUE(t.any(fold("see no. 5")));
  EXPECT_FALSE(t.any(fold("nothing here")));
  EXPECT_FALSE(PhraseTable().any("anything"));
  EXPECT_TRUE(PhraseTable().scan("anything").empty());
}

TEST(PhraseTable, WordPrefixesShorterThanTheLettersTested) {
  // Word-prefix phrases of one or two letters match longer words; the bit set of leading
  // letters must not turn those words away.
  PhraseTable t(false);
  t.add("eu", 1);
  t.add("x", 2);
  t.add("e-", 3);
  EXPECT_EQ(found(t, "European xenon e-commerce euro"),
            (std::vector<std::string>{"eu=1", "x=2", "e-=3", "eu=1"}));
  EXPECT_TRUE(found(t, "neural taxes").empty());
}

TEST(PhraseTable, ManyPhrasesAndBothKindsOfText) {
  // Enough phrases for the bit set and the table of leading letters to grow several times, with
  // first letters shared ("pla...") and not; a NormalizedText and its folded string agree.
  PhraseTable t;
  std::vector<std::string> phrases;
  for (int i = 0; i < 2000; ++i) phrases.push_back("plan" + std::to_string(i) + " zone " + std::to_string(i % 7));
  for (std::size_t i = 0; i < phrases.size(); ++i) t.add(phrases[i], i);
  t.add("platform", 5000);
  std::string text = "Plan17 zone 3 and PLAN1999 zone 4, a platform; plan5 zone 1 planet";
  std::vector<std::string> expected = {"plan17 zone 3=17", "plan1999 zone 4=1999", "platform=5000"};
  EXPECT_EQ(found(t, text), expected);
  policykg::builder::NormalizedText nt(text, {0, text.size()});
  std::vector<std::string> via_text;
  for (const auto& h : t.scan(nt))
    via_text.push_back(nt.lower().substr(h.begin, h.end - h.begin) + "=" + std::to_string(h.payload));
  EXPECT_EQ(via_text, expected);
  EXPECT_TRUE(t.any(nt));
  EXPECT_FALSE(t.any(fold("planet plans")));
}

TEST(PhraseTable, AnyPayloadButTheReservedOneAndPhrasesEndingInsideOthers) {
  PhraseTable t;
  // A phrase added after a longer one it begins: its end is a node the walk already passes.
  t.add("plan for the region", SIZE_MAX - 1);
  t.add("plan", 0);
  EXPECT_THROW(t.add("region", SIZE_MAX), std::invalid_argument);
  EXPECT_EQ(t.size(), 2u);
  auto hits = t.scan(fold("a plan for the region and a plan for the city"));
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].end - hits[0].begin, std::string("plan for the region").size());
  EXPECT_EQ(hits[0].payload, SIZE_MAX - 1);
  EXPECT_EQ(hits[1].end - hits[1].begin, 4u);
  EXPECT_EQ(hits[1].payload, 0u);
  EXPECT_FALSE(t.any(fold("the region")));
}
