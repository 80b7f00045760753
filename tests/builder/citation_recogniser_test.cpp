#include <gtest/gtest.h>

#include "builder/citation_recogniser.hpp"
#include "graph.hpp"

using namespace policykg::builder;

namespace {
struct Citations {
  const Gazetteer& g = policykg::test::project_gazetteer();
  const Rules& r = policykg::test::project_rules();
  TitleRegistry titles;
  Recogniser rec{g, r.entity_patterns};
  CitationRecogniser cit{g, r, titles};
  std::vector<Citation> find(const std::string& s) {
    NormalizedText nt(s, {0, s.size()});
    return cit.find(nt, rec.find(nt));
  }
};
Citations& citations() {
  static Citations c;
  return c;
}
}  // namespace

TEST(CitationRecogniser, NumbersInBothStylesNameOneDocument) {
  auto a = citations().find("the Official Reply (No.  86 [2017], the State Council) shall");
  auto b = citations().find("as set out in Guo Han [2017] No. 86, we");
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a.back().doc, "doc/state-council-2017-86");
  EXPECT_EQ(b[0].doc, "doc/state-council-2017-86");
  EXPECT_EQ(b[0].identifier, "Guo Han [2017] No. 86");
}

TEST(CitationRecogniser, KnownTitleWithNumberIsOneCitation) {
  auto c = citations().find("including the Official  Reply of the State Council on the Framework Plan for the Comprehensive  "
                    "Pilot Project of Opening-up of the Service Sector in Beijing (No. 81 [2015], the State Council) and");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].doc, "doc/state-council-2015-81");
  EXPECT_EQ(c[0].identifier, "No. 81 [2015]");
  EXPECT_EQ(c[0].issuer, "agency/state-council");
}

TEST(CitationRecogniser, TitlesGenericPlansDefinedTermsAndBackReferences) {
  auto c = citations().find("implement the Several Measures for Optimizing the Business Environment of Shanghai, and");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].doc, "doc/several-measures-for-optimizing-the-business-environment-of-shanghai");
  auto g = citations().find("put into effect the three-year action plan made by the People's Government of Beijing Municipality "
                    "to promote the \"Belt and Road\" initiative, remain");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].title, "three-year action plan to promote the \"Belt and Road\" initiative");
  EXPECT_EQ(g[0].issuer, "agency/peoples-government-of-beijing-municipality");
  EXPECT_EQ(g[0].type, "Plan");
  auto d = citations().find("where the above Official Replies are inconsistent with the Plan, the latter shall prevail");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, Citation::Kind::BackReference);
  EXPECT_EQ(d[1].kind, Citation::Kind::DefinedTerm);
  EXPECT_TRUE(citations().find("construction plan for financial infrastructure").empty());
}

TEST(CitationRecogniser, ANumberGivesItsYearATitleAloneNone) {
  for (const std::string text : {"the Official Reply (No. 86 [2017], the State Council) shall",
                                 "as set out in Guo Han [2017] No. 86, we", "under Guo Han (2017) No. 86"}) {
    auto c = citations().find(text);
    ASSERT_FALSE(c.empty()) << text;
    EXPECT_EQ(c[0].year, 2017) << text;
  }
  auto titled = citations().find("under the Plan for Beijing Service Trade, we");
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_EQ(titled[0].year, 0);
}

TEST(CitationRecogniser, TitleStartsAreCaseSensitiveWholeAndFoundEverywhere) {
  Citations& fx = citations();
  // A title starts at a capital, not inside a word or after a hyphen.
  EXPECT_TRUE(fx.find("we shall draw up a plan for Beijing Service Trade soon").empty());
  EXPECT_TRUE(fx.find("the Anti-Measures for Foreign Trade Shipping apply").empty());
  // Two titles with the same start, and titles with different starts, in one clause.
  auto c = fx.find("under the Plan for Beijing Service Trade, the Plan for Tianjin Port Logistics, and the "
                   "Notice on Shanghai Customs Clearance");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].title, "Plan for Beijing Service Trade");
  EXPECT_EQ(c[1].title, "Plan for Tianjin Port Logistics");
  EXPECT_EQ(c[2].title, "Notice on Shanghai Customs Clearance");
}

TEST(CitationRecogniser, TitleStartsFromRulesThatOpenWithPunctuation) {
  Rules r = citations().r;
  r.citations.title_starts = {"\"Programme of", "Programme for"};
  TitleRegistry titles;
  CitationRecogniser cit{citations().g, r, titles};
  for (std::string s : {std::string("see the \"Programme of Harbour Development Works\" for"),
                        std::string("see the Programme for Harbour Development Works, and")}) {
    NormalizedText nt(s, {0, s.size()});
    auto c = cit.find(nt, citations().rec.find(nt));
    ASSERT_EQ(c.size(), 1u) << s;
    EXPECT_NE(c[0].title.find("Harbour Development Works"), std::string::npos) << s;
  }
}
