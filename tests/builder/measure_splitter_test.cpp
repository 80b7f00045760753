#include <gtest/gtest.h>

#include "builder/measure_splitter.hpp"
#include "builder/rules.hpp"
#include "graph.hpp"

using namespace policykg::builder;
using policykg::test::project_rules;

namespace {
std::vector<std::string> texts(const std::string& s, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (auto sp : spans) out.push_back(s.substr(sp.begin, sp.size()));
  return out;
}
}  // namespace

TEST(MeasureSplitter, SentencesRespectAbbreviationsNumbersAndParentheses) {
  std::string s = "Heading here. We shall cite No. 81 [2015] and (see 1.5. Also) etc.; go on. Xicheng District shall act.";
  auto got = texts(s, split_sentences(s, {0, s.size()}, project_rules().structure));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "Heading here.");
  EXPECT_EQ(got[2], "Xicheng District shall act.");
}

TEST(MeasureSplitter, SentenceLimitStopsEarlyWithTheSameSentences) {
  const std::string s = "  Heading here. We shall cite No. 81 [2015]. Xicheng District shall act.";
  const auto& st = project_rules().structure;
  auto all = split_sentences(s, {0, s.size()}, st);
  ASSERT_EQ(all.size(), 3u);
  for (std::size_t limit = 1; limit <= 4; ++limit) {
    auto some = split_sentences(s, {0, s.size()}, st, limit);
    ASSERT_EQ(some.size(), std::min(limit, all.size())) << limit;
    for (std::size_t k = 0; k < some.size(); ++k) EXPECT_EQ(some[k], all[k]) << limit;
  }
  // The limit counts sentences, not stops: a run of blank text yields none.
  EXPECT_TRUE(split_sentences("   ", {0, 3}, st, 1).empty());
  // A text without a stop is one sentence, limit or not.
  const std::string open = "Xicheng District shall act";
  EXPECT_EQ(texts(open, split_sentences(open, {0, open.size()}, st, 1)), std::vector<std::string>{open});
}

TEST(MeasureSplitter, ClausesDropConjunctionsAndStops) {
  std::string s = "We  shall, upon approval, seek to implement it; select areas (a; b), and allow them; and continue.";
  auto got = texts(s, split_clauses(s, {0, s.size()}, project_rules().structure));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "We  shall, upon approval, seek to implement it");
  EXPECT_EQ(got[1], "select areas (a; b), and allow them");
  EXPECT_EQ(got[2], "continue");
}

TEST(MeasureSplitter, ChinesePunctuation) {
  std::string s = "We shall build（开放先行区）；and strive。Heping District shall act.";
  auto sentences = split_sentences(s, {0, s.size()}, project_rules().structure);
  ASSERT_EQ(sentences.size(), 2u);
  auto clauses = texts(s, split_clauses(s, sentences[0], project_rules().structure));
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[1], "strive");
}

TEST(MeasureSplitter, TruncatedSentenceKeepsItsLastClause) {
  std::string s = "We shall do this; and build an arbitration cen";
  auto sentences = split_sentences(s, {0, s.size()}, project_rules().structure);
  ASSERT_EQ(sentences.size(), 1u);
  auto clauses = texts(s, split_clauses(s, sentences[0], project_rules().structure));
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[1], "build an arbitration cen");
}
