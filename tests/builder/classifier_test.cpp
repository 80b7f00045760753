#include <gtest/gtest.h>

#include <set>
#include <string>

#include "builder/classifier.hpp"
#include "builder/normalized_text.hpp"
#include "graph.hpp"

using namespace policykg::builder;

namespace {

std::string instrument_of(const ClassificationRules& r, const Classification& c) {
  return c.instrument == Classification::kNone ? std::string() : r.instrument_types.at(c.instrument).concept_name;
}

std::set<std::string> sectors_of(const ClassificationRules& r, const Classification& c) {
  std::set<std::string> out;
  for (std::size_t s : c.sectors) out.insert(r.sectors.at(s).concept_name);
  return out;
}

}  // namespace

TEST(Classifier, KeywordRulesFromData) {
  Rules r = Rules::load(policykg::test::source_dir() / "data/rules");
  Classifier c(r.classification);
  // "allow" leads the clause: market access, demand-side, though "tax" and "tariff" are
  // environmental words.
  auto a = c.classify(fold("allow foreign banks to participate in the export trade tax and tariff guarantee"));
  EXPECT_TRUE(sectors_of(r.classification, a).count("FinanceSector"));
  EXPECT_TRUE(sectors_of(r.classification, a).count("TradeSector"));
  EXPECT_EQ(instrument_of(r.classification, a), "DemandSide");
  auto rules = c.classify(fold("improve the tax and tariff rules for foreign banks"));
  EXPECT_EQ(instrument_of(r.classification, rules), "Environmental");
  auto b = c.classify(fold("establish international schools that admit both foreign and Chinese children"));
  EXPECT_TRUE(sectors_of(r.classification, b).count("EducationSector"));
  EXPECT_EQ(instrument_of(r.classification, b), "SupplySide");
  auto none = c.classify(fold("xyz"));
  EXPECT_EQ(none.instrument, Classification::kNone);
  EXPECT_TRUE(none.sectors.empty());
}

// The readings of the adjudicated labels (bench/extraction/RULES.md): promotion events pull demand,
// listing support sets financial-market rules, and the sectors' definitions in the ontology name
// bonded business (trade), registration and record-filing (government services) and investment
// companies (business services); the goods a service is for are no sector of it.
TEST(Classifier, EventsPullDemandListingSetsRulesAndDefinitionsNameSectors) {
  Rules r = Rules::load(policykg::test::source_dir() / "data/rules");
  Classifier c(r.classification);
  auto type = [&](const char* clause) { return instrument_of(r.classification, c.classify(fold(clause))); };
  auto sectors = [&](const char* clause) { return sectors_of(r.classification, c.classify(fold(clause))); };
  EXPECT_EQ(type("apply for sponsoring conferences of international organizations and exhibition activities"),
            "DemandSide");
  EXPECT_EQ(type("set up a service platform for cultural enterprises"), "SupplySide");
  EXPECT_EQ(type("support qualified enterprises in going public"), "Environmental");
  EXPECT_EQ(type("attract foreign investors and allow them to set up branches"), "DemandSide");
  EXPECT_TRUE(sectors("install public bonded warehouses").count("TradeSector"));
  EXPECT_FALSE(sectors("install public warehouses").count("TradeSector"));
  EXPECT_TRUE(sectors("simplify the record-filing of enterprises").count("GovernmentServicesSector"));
  EXPECT_FALSE(sectors("simplify the rules for enterprises").count("GovernmentServicesSector"));
  EXPECT_TRUE(sectors("relax the conditions for establishing an investment company").count("BusinessServicesSector"));
  EXPECT_FALSE(sectors("relax the conditions for establishing a company").count("BusinessServicesSector"));
  // The goods a service is for name no sector; goods the action itself moves do.
  EXPECT_EQ(sectors("allow foreign banks to offer guarantee businesses for imported and exported goods"),
            (std::set<std::string>{"FinanceSector"}));
  EXPECT_TRUE(sectors("simplify the import of goods").count("TradeSector"));
}

TEST(Classifier, SectorsAscendingOnceEach) {
  ClassificationRules rules;
  rules.sectors = {{"Zeta", {"port"}}, {"Alpha", {"bank", "loan"}}};
  Classifier c(rules);
  auto s = c.classify(fold("a loan from a bank at the port, and another bank"));
  EXPECT_EQ(s.sectors, (std::vector<std::size_t>{0, 1}));
}

TEST(Classifier, MostHitsWinsAndTiesGoToTheFirstListed) {
  // More instrument types than the classifier keeps scores for on the stack.
  ClassificationRules rules;
  for (int i = 0; i < 40; ++i) rules.instrument_types.push_back({"T" + std::to_string(i), {"word" + std::to_string(i)}});
  Classifier c(rules);
  EXPECT_EQ(c.classify(fold("word3 word39 word39")).instrument, 39u);
  EXPECT_EQ(c.classify(fold("word39 word3")).instrument, 3u);
  EXPECT_EQ(c.classify(fold("word1 word2")).instrument, 1u);
}

namespace {
// S builds platforms, D opens pilots, E explores: a light verb "explore" when rules say so.
ClassificationRules light_verb_rules(bool light) {
  ClassificationRules rules;
  rules.instrument_types = {{"S", {"platform"}, {"build", "provide"}},
                            {"D", {"pilot", "solely foreign-funded"}, {}},
                            {"E", {"customs"}, {"explore", "provide convenience"}}};
  rules.ignored = {"foreign-funded"};
  rules.sectors = {{"Finance", {"foreign-funded", "bank"}}};
  if (light) rules.light_verbs = {"explore"};
  return rules;
}
}  // namespace

TEST(Classifier, ALightVerbLeadsIntoTheActionAfterIt) {
  const ClassificationRules light = light_verb_rules(true);
  const ClassificationRules plain = light_verb_rules(false);
  Classifier with(light), without(plain);
  // "explore" only leads in: the pilot it explores decides.
  const auto a = with.classify(fold("explore the pilot program and build a platform"));
  EXPECT_EQ(instrument_of(light, a), "D");
  EXPECT_TRUE(a.by_action);
  // Without the light verb, "explore" is the clause's action.
  EXPECT_EQ(instrument_of(plain, without.classify(fold("explore the pilot program and build a platform"))), "E");
  // Nothing after the light verb: its own action entry decides.
  EXPECT_EQ(instrument_of(light, with.classify(fold("explore new ways"))), "E");
  // Not leading the clause, a light verb changes nothing.
  EXPECT_EQ(instrument_of(light, with.classify(fold("build a platform and explore the pilot"))), "S");
}

TEST(Classifier, TheLongerActionAtOnePlaceWins) {
  const ClassificationRules rules = light_verb_rules(false);
  Classifier c(rules);
  EXPECT_EQ(instrument_of(rules, c.classify(fold("provide convenience in clearance"))), "E");
  EXPECT_EQ(instrument_of(rules, c.classify(fold("provide services on a platform"))), "S");
}

TEST(Classifier, AnIgnoredPhraseInsideALongerInstrumentKeywordCountsAsIt) {
  const ClassificationRules rules = light_verb_rules(false);
  Classifier c(rules);
  const auto solely = c.classify(fold("allow solely foreign-funded institutions"));
  EXPECT_EQ(instrument_of(rules, solely), "D");
  EXPECT_TRUE(solely.sectors.empty());  // still no sector: the ignored words name who acts
  const auto alone = c.classify(fold("allow foreign-funded institutions"));
  EXPECT_EQ(alone.instrument, Classification::kNone);
  EXPECT_TRUE(alone.sectors.empty());
}

TEST(Classifier, WhoBenefitsNamesNoSector) {
  ClassificationRules rules;
  rules.sectors = {{"Trade", {"trade"}}, {"Finance", {"financing"}}};
  rules.beneficiaries = {{"for"}, {"companies"}, 6};
  Classifier c(rules);
  const auto costs = c.classify(fold("reduce the financing costs for foreign trade companies"));
  EXPECT_EQ(costs.sectors, (std::vector<std::size_t>{1}));  // finance only
  // Not a beneficiary: no head noun after "for", or punctuation between.
  EXPECT_EQ(c.classify(fold("reduce the financing costs for foreign trade")).sectors, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(c.classify(fold("financing for trade, and companies")).sectors, (std::vector<std::size_t>{0, 1}));
}

TEST(Classifier, ABracketAfterTheBeneficiarySaysWhomItIncludes) {
  ClassificationRules rules;
  rules.sectors = {{"Trade", {"trade"}}, {"Education", {"school*"}}};
  rules.beneficiaries = {{"for"}, {"colleges"}, 6};
  Classifier c(rules);
  EXPECT_EQ(c.classify(fold("facilitate trade for vocational colleges (including technical schools)")).sectors,
            (std::vector<std::size_t>{0}));
  // A bracket further on is the clause's own.
  EXPECT_EQ(c.classify(fold("facilitate trade for vocational colleges and (technical schools)")).sectors,
            (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(c.classify(fold("facilitate trade for vocational colleges, (technical schools)")).sectors,
            (std::vector<std::size_t>{0, 1}));
}
