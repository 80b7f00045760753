#include <gtest/gtest.h>

#include "builder/citation_recogniser.hpp"
#include "graph.hpp"

using namespace policykg::builder;

namespace {
struct Fixture {
  Gazetteer g = Gazetteer::load(policykg::test::source_dir() / "data/gazetteer");
  Rules r = Rules::load(policykg::test::source_dir() / "data/rules");
  TitleRegistry titles;
  Recogniser rec{g, r.entity_patterns};
  CitationRecogniser cit{g, r, titles};
  std::vector<Citation> find(const std::string& s) {
    NormalizedText nt(s, {0, s.size()});
    return cit.find(nt, rec.find(nt));
  }
};
Fixture& f() {
  static Fixture fx;
  return fx;
}
}  // namespace

TEST(CitationRecogniser, NumbersInBothStylesNameOneDocument) {
  auto a = f().find("the Official Reply (No.  86 [2017], the State Council) shall");
  auto b = f().find("as set out in Guo Han [2017] No. 86, we");
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a.back().doc, "doc/state-council-2017-86");
  EXPECT_EQ(b[0].doc, "doc/state-council-2017-86");
  EXPECT_EQ(b[0].identifier, "Guo Han [2017] No. 86");
}

TEST(CitationRecogniser, KnownTitleWithNumberIsOneCitation) {
  auto c = f().find("including the Official  Reply of the State Council on the Framework Plan for the Comprehensive  "
                    "Pilot Project of Opening-up of the Service Sector in Beijing (No. 81 [2015], the State Council) and");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].doc, "doc/state-council-2015-81");
  EXPECT_EQ(c[0].identifier, "No. 81 [2015]");
  EXPECT_EQ(c[0].issuer, "agency/state-council");
}

TEST(CitationRecogniser, TitlesGenericPlansDefinedTermsAndBackReferences) {
  auto c = f().find("implement the Several Measures for Optimizing the Business Environment of Shanghai, and");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].doc, "doc/several-measures-for-optimizing-the-business-environment-of-shanghai");
  auto g = f().find("put into effect the three-year action plan made by the People's Government of Beijing Municipality "
                    "to promote the \"Belt and Road\" initiative, remain");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].title, "three-year action plan to promote the \"Belt and Road\" initiative");
  EXPECT_EQ(g[0].issuer, "agency/peoples-government-of-beijing-municipality");
  EXPECT_EQ(g[0].type, "Plan");
  auto d = f().find("where the above Official Replies are inconsistent with the Plan, the latter shall prevail");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, Citation::Kind::BackReference);
  EXPECT_EQ(d[1].kind, Citation::Kind::DefinedTerm);
  EXPECT_TRUE(f().find("construction plan for financial infrastructure").empty());
}
