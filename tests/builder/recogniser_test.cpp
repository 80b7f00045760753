#include <gtest/gtest.h>

#include "builder/recogniser.hpp"
#include "graph.hpp"

using namespace policykg::builder;

namespace {
struct Names {
  const Gazetteer& g = policykg::test::project_gazetteer();
  const Rules& r = policykg::test::project_rules();
  Recogniser rec{g, r.entity_patterns};
  std::vector<std::string> ids(const std::string& s) {
    NormalizedText nt(s, {0, s.size()});
    std::vector<std::string> out;
    for (const auto& m : rec.find(nt)) out.push_back(m.entity);
    return out;
  }
};
Names& names() {
  static Names n;
  return n;
}
using V = std::vector<std::string>;
}  // namespace

TEST(Recogniser, GazetteerNamesAcrossIrregularSpacingAndMisspellings) {
  EXPECT_EQ(names().ids("The\xC2\xA0 People's Government of Beijing  Municipality and the Ministry of Commerce:"),
            (V{"agency/peoples-government-of-beijing-municipality", "agency/ministry-of-commerce"}));
  EXPECT_EQ(names().ids("institutions in Zhongguanchun; Zhonggunchun Avenue"), (V{"zone/zhongguancun", "zone/zhongguancun"}));
  EXPECT_EQ(names().ids("support Tongzhou Canal Business  District in"), (V{"zone/tongzhou-canal-business-district"}));
  EXPECT_EQ(names().ids("the relevant departments under the State Council shall"),
            (V{"agency/relevant-departments-of-the-state-council"}));
  EXPECT_EQ(names().ids("develop a financial street"), V{});  // a capitalised name needs its capital
}

TEST(Recogniser, PatternsFindUnlistedNames) {
  EXPECT_EQ(names().ids("Minhang District and Pudong New Area shall"), (V{"district/minhang", "zone/pudong-new-area"}));
  EXPECT_EQ(names().ids("The Ministry of Ecology and Environment shall"), (V{"agency/ministry-of-ecology-and-environment"}));
  EXPECT_EQ(names().ids("the Shanghai Municipal Commission of Commerce"), (V{"agency/shanghai-municipal-commission-of-commerce"}));
  EXPECT_EQ(names().ids("People's Government of Shanghai Municipality"),
            (V{"agency/peoples-government-of-shanghai-municipality"}));
  EXPECT_EQ(names().ids("Supporting Yangpu District in"), (V{"district/yangpu"}));
  EXPECT_EQ(names().ids("the 19th CPC Central Committee"), (V{"agency/cpc-central-committee"}));
}

TEST(Recogniser, MentionsMapBackToExactSourceSpans) {
  std::string s = "在 Haidian\xC2\xA0 District shall";
  NormalizedText nt(s, {0, s.size()});
  auto ms = names().rec.find(nt);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(s.substr(ms[0].span.begin, ms[0].span.size()), "Haidian\xC2\xA0 District");
  EXPECT_EQ(ms[0].surface, "Haidian District");
}

TEST(Recogniser, AListedNameEndingInIngIsNoGerund) {
  // "Beijing" opens the festival's name after a comma; a gerund there still opens no name.
  EXPECT_EQ(names().ids("activities, Beijing International Film Festival"),
            (V{"event/beijing-international-film-festival"}));
  EXPECT_EQ(names().ids("activities, Hosting International Film Festival"), (V{"event/international-film-festival"}));
}

TEST(Recogniser, PlatformsAndProgrammesFromTheGazetteer) {
  EXPECT_EQ(names().ids("raise funds on the National Equities Exchange and Quotations (\"NEEQ\")"),
            (V{"infrastructure/national-equities-exchange-and-quotations",
               "infrastructure/national-equities-exchange-and-quotations"}));
  EXPECT_EQ(names().ids("countries along the \"Belt and Road\""), (V{"infrastructure/belt-and-road"}));
  EXPECT_EQ(names().ids("a belt and a road"), V{});
}

TEST(Recogniser, AYearRightAfterAnEventsNameBelongsToIt) {
  EXPECT_EQ(names().ids("serve Beijing International Garden Expo 2019, open"),
            (V{"event/beijing-international-garden-expo-2019"}));
  EXPECT_EQ(names().ids("support Paralympic Games 2022 and"), (V{"event/paralympic-games-2022"}));
  // Not a year, or not right after the name.
  EXPECT_EQ(names().ids("serve Beijing International Garden Expo 300 times"),
            (V{"event/beijing-international-garden-expo"}));
  EXPECT_EQ(names().ids("serve Beijing International Garden Expo, 2019"),
            (V{"event/beijing-international-garden-expo"}));
}

TEST(Recogniser, EventsTakeOrdinalsConnectorsAndTheBodyThatHoldsThem) {
  EXPECT_EQ(names().ids("the spirit of the 19th CPC National Congress and"), (V{"event/19th-cpc-national-congress"}));
  EXPECT_EQ(names().ids("the Second and Third Plenary Sessions of the 19th CPC Central Committee, heighten"),
            (V{"event/second-and-third-plenary-sessions-of-the-19th-cpc-central-committee"}));
  EXPECT_EQ(names().ids("of the 19th National Congress of the Communist Party of China (CPC) and"),
            (V{"event/19th-national-congress-of-the-communist-party-of-china"}));
  // An ordinal is no word of an agency's name: the Committee stays the gazetteer's.
  EXPECT_EQ(names().ids("the 19th CPC Central Committee"), (V{"agency/cpc-central-committee"}));
  // Lower-case words are no name: a lower-case head only after an ordinal and before its body.
  EXPECT_EQ(names().ids("the 2nd plenary sessions of it"), V{});
  EXPECT_EQ(names().ids("the plenary sessions of the 19th CPC Central Committee"), (V{"agency/cpc-central-committee"}));
  EXPECT_EQ(names().ids("the 4th plenary session of the 19th CPC Central Committee and"),
            (V{"event/4th-plenary-session-of-the-19th-cpc-central-committee"}));
  // Ordinals listed with commas.
  EXPECT_EQ(names().ids("the 2nd, 3rd, and 4th plenary sessions of the 19th CPC Central Committee and promote"),
            (V{"event/2nd-3rd-and-4th-plenary-sessions-of-the-19th-cpc-central-committee"}));
  EXPECT_EQ(names().ids("the 2nd, 3rd Plenary Sessions of the 19th CPC Central Committee"),
            (V{"event/2nd-3rd-plenary-sessions-of-the-19th-cpc-central-committee"}));
  // A comma before a word that is no ordinal ends the name.
  EXPECT_EQ(names().ids("in 2019, 4th plenary session of the 19th CPC Central Committee"),
            (V{"event/4th-plenary-session-of-the-19th-cpc-central-committee"}));
}

TEST(Recogniser, ABracketedPlaceInsideOrAfterANameBelongsToIt) {
  EXPECT_EQ(names().ids("make China (Beijing) International Fair for Trade in Services a great success"),
            (V{"event/china-beijing-international-fair-for-trade-in-services"}));
  EXPECT_EQ(names().ids("establish the National Base for International Cultural Trade (Beijing), and"),
            (V{"infrastructure/national-base-for-international-cultural-trade-beijing"}));
  // An abbreviation in brackets spells the name out and stays outside it.
  EXPECT_EQ(names().ids("the National Base for Cultural Export (NBCE) and"),
            (V{"infrastructure/national-base-for-cultural-export"}));
  // "in" joins an event's words, not an agency's.
  EXPECT_EQ(names().ids("the Ministry of Commerce in Beijing"), (V{"agency/ministry-of-commerce", "region/beijing"}));
}

TEST(Recogniser, AQuotedRunOfCapitalisedWordsIsAProgramme) {
  EXPECT_EQ(names().ids("the reputation of \"Beijing Services\", and"), (V{"programme/beijing-services"}));
  EXPECT_EQ(names().ids("phase-II \xE2\x80\x9COpen Beijing\xE2\x80\x9D public platform"), (V{"programme/open-beijing"}));
  // A gazetteer name in quotes keeps its own class.
  EXPECT_EQ(names().ids("along the \"Belt and Road\""), (V{"infrastructure/belt-and-road"}));
  // Not an abbreviation in brackets, a defined short name, lower-case words, nor a long quotation.
  EXPECT_EQ(names().ids("Innovation Facilitation (\"IFX\") and"), V{});
  EXPECT_EQ(names().ids("hereinafter referred to as the \"Plan\") is"), V{});
  EXPECT_EQ(names().ids("a \"green passage\" for patents"), V{});
  EXPECT_EQ(names().ids("the \"Internet + healthcare\" mode"), V{});
  EXPECT_EQ(names().ids("\"One Two Three Four Five Six Seven\""), V{});
}

TEST(Recogniser, NamesListedAfterACue) {
  EXPECT_EQ(names().ids("four projects - namely, Beijing Efficiency, Beijing Standards, and Beijing Credit"),
            (V{"programme/beijing-efficiency", "programme/beijing-standards", "programme/beijing-credit"}));
  // A name another reading finds keeps its own class; the list ends at an item that is no name.
  EXPECT_EQ(names().ids("namely, Haidian District, better services and Beijing Credit"),
            (V{"district/haidian", "region/beijing"}));
  // Without the cue, a capitalised run holding a place is no programme.
  EXPECT_EQ(names().ids("four projects, Beijing Efficiency"), (V{"region/beijing"}));
}
