// query::TextIndex: words as the index reads them, a unit's own text, ranking, runs of words.
#include <gtest/gtest.h>

#include "query/traversal/text_search.hpp"
#include "rdf/model.hpp"

namespace policykg {
namespace {

const std::string kPol = "https://w3id.org/policykg/ontology#";
const std::string kBase = "https://w3id.org/policykg/id/";
const std::string kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const std::string kPart = "http://purl.org/dc/terms/isPartOf";
const std::string kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

// A task whose text holds two measures' texts, the second with a no-break space and a doubled
// space inside "service  institutions", and an agency.
query::GraphView sample() {
  rdf::Model m;
  auto iri = [](const std::string& local) { return rdf::Term::iri(local.starts_with("http") ? local : kBase + local); };
  auto add = [&](const std::string& s, const std::string& p, rdf::Term o) { m.add(rdf::Triple{iri(s), iri(p), std::move(o)}); };
  auto unit = [&](const std::string& s, const std::string& cls, const std::string& label, const std::string& text,
                  long long start) {
    add(s, kType, iri(kPol + cls));
    add(s, kLabel, rdf::Term::lang_literal(label, "en"));
    add(s, kPol + "text", rdf::Term::literal(text));
    add(s, kPol + "sourceStart", rdf::Term::typed(std::to_string(start), kXsdInteger));
    // Offsets count code points; these texts are ASCII but for one no-break space (one code point).
    long long length = 0;
    for (unsigned char c : text) length += (c & 0xC0) != 0x80;
    add(s, kPol + "sourceEnd", rdf::Term::typed(std::to_string(start + length), kXsdInteger));
  };
  const std::string m1 = "Support angel investment in Haidian.";
  const std::string m2 = "Support foreign-funded human resources\xC2\xA0service  institutions.";
  const std::string heading = "9. Opening the business environment ";
  unit("t", "Task", "9. Opening the business environment", heading + m1 + " " + m2, 100);
  unit("t/m/1", "Measure", "Support angel investment in Haidian.", m1, 100 + static_cast<long long>(heading.size()));
  unit("t/m/2", "Measure", "Support foreign-funded human resources service institutions.", m2,
       100 + static_cast<long long>(heading.size() + m1.size() + 1));
  add("t/m/1", kPart, iri("t"));
  add("t/m/2", kPart, iri("t"));
  add("agency/hr", kType, iri(kPol + "Agency"));
  add("agency/hr", kLabel, rdf::Term::lang_literal("Human Resources Bureau", "en"));
  return query::GraphView(m);
}

std::string local(const query::GraphView& view, query::Vertex v) { return view.node(v).iri.substr(kBase.size()); }

TEST(SearchWords, SpacesHyphensAndQuotesSeparateCaseIsFolded) {
  EXPECT_EQ(query::search_words("Foreign-funded  HUMAN\xC2\xA0resources \xE2\x80\x9Cservice\xE2\x80\x9D"),
            (std::vector<std::string>{"foreign", "funded", "human", "resources", "service"}));
  // A Chinese character is a word of its own; letters with accents stay in their word.
  EXPECT_EQ(query::search_words("国函〔2019〕16号 Café"),
            (std::vector<std::string>{"国", "函", "2019", "16", "号", "café"}));
  EXPECT_TRUE(query::search_words(" ,;\xC2\xA0 ").empty());
}

TEST(OwnText, LeavesOutTheUnitsInsideIt) {
  auto view = sample();
  EXPECT_EQ(query::own_text(view, *view.vertex(kBase + "t")), "9. Opening the business environment");
  EXPECT_EQ(query::own_text(view, *view.vertex(kBase + "t/m/2")),
            "Support foreign-funded human resources service institutions.");
  EXPECT_EQ(query::own_text(view, *view.vertex(kBase + "agency/hr")), "");
}

TEST(TextIndex, FindsWordsWhateverTheSpacingAndRanksTheWholePhraseFirst) {
  auto view = sample();
  query::TextIndex index(view);
  auto hits = index.search("human resources service institutions");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(local(view, hits[0].vertex), "t/m/2");
  EXPECT_TRUE(hits[0].phrase);
  EXPECT_EQ(hits[0].matched, 4u);
  EXPECT_NE(hits[0].snippet.find("human resources service institutions"), std::string::npos) << hits[0].snippet;
  // The agency has two of the words; the task holds none of its own (its measures' words are theirs).
  EXPECT_EQ(local(view, hits[1].vertex), "agency/hr");
  EXPECT_EQ(hits[1].matched, 2u);
  for (const auto& h : hits) EXPECT_NE(local(view, h.vertex), "t");
}

TEST(TextIndex, AWordFindsTheLongerWordsItStartsAtALowerWeight) {
  auto view = sample();
  query::TextIndex index(view);
  auto hits = index.search("institution");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(local(view, hits[0].vertex), "t/m/2");
  // Two letters are too few to stand for longer words.
  EXPECT_TRUE(index.search("hu").empty());
  EXPECT_TRUE(index.search("nothing like it").empty());
}

TEST(TextIndex, ContainingNeedsWholeWordsSideBySide) {
  auto view = sample();
  query::TextIndex index(view);
  auto found = index.containing("Human resources  service", false);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(local(view, found[0]), "t/m/2");
  EXPECT_TRUE(index.containing("resources human", false).empty());
  EXPECT_TRUE(index.containing("human resource", false).empty());
  // In labels only: the agency and the measure both have "human resources".
  found = index.containing("human resources", true);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(local(view, found[0]), "agency/hr");
}

TEST(TextIndex, RanksTheSameWayEveryTime) {
  auto view = sample();
  query::TextIndex a(view), b(view);
  auto x = a.search("support investment human"), y = b.search("support investment human");
  ASSERT_EQ(x.size(), y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].vertex, y[i].vertex);
    EXPECT_EQ(x[i].score, y[i].score);
  }
}

}  // namespace
}  // namespace policykg
