// The readings that decide what a researcher counts: each with a case where it fires and one
// where it must not. Every case is a one-article reply, so the clause under test is
// provision/1/measure/1 (or /2 for the clause after a semicolon).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "graph.hpp"

using policykg::test::Graph;

namespace {

const std::string M = "id:doc/test/provision/1/measure/";

Graph reply(const std::string& article) {
  return policykg::test::build_string(
      "Official Reply of the State Council to the Plan for Testing\n\nThe People's Government of Hainan "
      "Province:\n\nI. " + article + "\n\nState Council\n\nJune 18, 2021\n");
}

bool has_sector(const Graph& g, const std::string& m, const std::string& sector) {
  return g.has(M + m, "pol:sector", "pol:" + sector);
}

}  // namespace

TEST(Readings, AnAgencysNameIsNoSectorCue) {
  Graph g = reply("The Ministry of Finance shall intensify guidance and coordination of the pilot program.");
  EXPECT_FALSE(has_sector(g, "1", "FinanceSector"));
  g = reply("We shall allow foreign banks to set up branches and provide financial services.");
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
}

TEST(Readings, KeywordsAreWholeWordsUnlessMarkedAsPrefixes) {
  // "fund" is no finance keyword and "port" does not match "portfolios".
  Graph g = reply("We shall support foreign-funded enterprises in managing their portfolios of projects.");
  EXPECT_FALSE(has_sector(g, "1", "FinanceSector"));
  EXPECT_FALSE(has_sector(g, "1", "LogisticsSector"));
  g = reply("We shall expand the financing channels of insurers.");  // "financ*"
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
}

TEST(Readings, AGenericAreaIsNoSectorCue) {
  Graph g = reply("We shall attract professional talents to the free trade zones.");
  EXPECT_FALSE(has_sector(g, "1", "TradeSector"));
  g = reply("We shall promote the export of cultural products.");
  EXPECT_TRUE(has_sector(g, "1", "TradeSector"));
}

TEST(Readings, ACapitalisedNameIsNoInstrumentCue) {
  // "Capital" in "Capital Airport" is no supply of capital, and no cue of any kind here.
  Graph g = reply("We shall serve Beijing Capital International Airport.");
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
  g = reply("We shall allow foreign investors to open travel agencies.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
}

TEST(Readings, TheLeadingActionDecidesTheInstrument) {
  // "improve" leads: environmental, though "platform" is a supply-side word.
  Graph g = reply("We shall improve the rules of the trading platform.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall build a trading platform under the rules.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  // An adverb before the action is skipped, a listed one ("further") as one ending in "-ly":
  // "regulate" leads, though "export" and "activities" are demand-side words.
  for (const char* adverb : {"further", "actively"}) {
    g = reply(std::string("We shall ") + adverb + " regulate the export activities.");
    EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental")) << adverb;
  }
  g = reply("We shall expand the export activities.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Creating a centre or an area is supply, as building one is.
  g = reply("Haidian District shall create a financial clustering area.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, AnExcludedPlaceIsNoPlace) {
  Graph g = reply("We shall allow travel agencies to operate outbound tourism (excluding travelling to Taiwan).");
  EXPECT_TRUE(g.has(M + "1", "pol:excludes", "id:region/taiwan"));
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/taiwan"));
  g = reply("We shall allow travel agencies to organise travelling to Taiwan.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/taiwan"));
  EXPECT_TRUE(g.objects(M + "1", "pol:excludes").empty());
}

TEST(Readings, APlaceInsideALongerNameIsNoPlace) {
  Graph g = reply("Shunyi District shall rely on the platform of Beijing Industrial Finance Center.");
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/beijing"));
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:district/shunyi"));
  // A spot inside the place keeps it: "Zhongguancun Avenue" is in Zhongguancun.
  g = reply("We shall build talent communities along Zhongguancun Avenue.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:zone/zhongguancun"));
}

TEST(Readings, ANamedPlatformAfterRelyOnIsADependency) {
  Graph g = reply("Shunyi District shall rely on the platform of Beijing Industrial Finance Center.");
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:infrastructure/beijing-industrial-finance-center"));
  g = reply("Shunyi District shall build Beijing Industrial Finance Center.");
  EXPECT_TRUE(g.objects(M + "1", "pol:dependsOn").empty());
}

TEST(Readings, ThePlanAMeasureBelongsToIsNoDependency) {
  // Inside the plan, "in accordance with the Plan" names the measure's own document.
  Graph g = policykg::test::build_string(
      "Plan for Testing the Readings\n\nI. Main Tasks\n\n1. Opening up\n\nWe shall, in accordance with the Plan, "
      "allow foreign banks to open branches.\n");
  EXPECT_TRUE(g.objects("id:doc/test/task/1/measure/1", "pol:dependsOn").empty());
  EXPECT_TRUE(g.objects("id:doc/test/task/1/measure/1", "pol:references").empty());
  // From the reply that approves it, the Plan is another document: RelationRules.DocumentsForce…
  // checks that provision 5 of the seed's reply depends on its plan.
}

TEST(Readings, ConditionsAreTheTextsOwnWords) {
  Graph g = reply("We shall allow securities companies to trade derivatives after obtaining the qualification of "
                  "foreign exchange settlement, and report to the State Council.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "after obtaining the qualification of foreign exchange settlement"));
  g = reply("We shall support enterprises of a certain scale with stable operations in going public.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "of a certain scale with stable operations"));
  g = reply("We shall allow foreign investors to provide Internet access (limited to providing services to users).");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "limited to providing services to users"));
}

TEST(Readings, ANameOrARemovedRequirementIsNoCondition) {
  Graph g = reply("We shall expand the quota of the Qualified Foreign Institutional Investor program.");
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());
  g = reply("We shall lift the restriction that investors meet the conditions of prior approval.");
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());
  g = reply("We shall allow qualified investors to open accounts.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "qualified"));
}

TEST(Readings, AStatementSetsNoAction) {
  Graph g = reply("We shall take the new vision of development as the guidance; and build a trading platform.");
  EXPECT_TRUE(g.has(M + "1", "a", "pol:Statement"));
  EXPECT_FALSE(g.has(M + "1", "a", "pol:Measure"));
  EXPECT_TRUE(g.objects(M + "1", "pol:sector").empty());
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
  EXPECT_TRUE(g.has(M + "2", "a", "pol:Measure"));
}

TEST(Readings, ASectionOfGeneralRequirementsHoldsStatements) {
  Graph g = policykg::test::build_string(
      "Plan for Testing the Readings\n\nI. General Requirements\n\nWe shall open the market wider.\n\n"
      "II. Main Tasks\n\n1. Opening up\n\nWe shall open the market wider.\n");
  EXPECT_TRUE(g.has("id:doc/test/section/1/measure/1", "a", "pol:Statement"));
  EXPECT_TRUE(g.has("id:doc/test/task/1/measure/1", "a", "pol:Measure"));
}

namespace {

// The responsibilities of a unit as "agent-path role" strings ("agency/ministry-of-finance CoordinateRole").
std::set<std::string> roles_of(const Graph& g, const std::string& unit) {
  std::set<std::string> out;
  for (const auto& r : g.objects(unit, "pol:qualifiedResponsibility")) {
    std::string agent = g.one(r.value, "pol:agent");
    std::string role = g.one(r.value, "pol:role");
    out.insert(agent.substr(std::string(policykg::ns::kDefaultBase).size()) + " " +
               role.substr(policykg::ns::kPol.size()));
  }
  return out;
}

Graph reply_with_evidence(const std::string& article) {
  policykg::builder::Options options;
  options.evidence = true;
  return Graph{policykg::builder::build_text(
      "Official Reply of the State Council to the Plan for Testing\n\nThe People's Government of Hainan "
      "Province:\n\nI. " + article + "\n\nState Council\n\nJune 18, 2021\n", "test.txt", options)};
}

}  // namespace

TEST(Readings, AnActingPartyImplementsUnlessTheClauseNamesAnotherRole) {
  Graph g = reply("Haidian District shall build a trading platform.");
  EXPECT_EQ(roles_of(g, M + "1"), std::set<std::string>{"district/haidian ImplementRole"});
  g = reply("The Ministry of Finance shall, together with the Ministry of Commerce, intensify guidance and "
            "coordination, and organize and conduct supervision, inspection and assessment.");
  EXPECT_EQ(roles_of(g, M + "1"), (std::set<std::string>{"agency/ministry-of-finance CoordinateRole",
                                                          "agency/ministry-of-finance SuperviseRole",
                                                          "agency/ministry-of-commerce CoordinateRole"}));
  // Both act: both stay pol:responsibleParty.
  EXPECT_TRUE(g.has(M + "1", "pol:responsibleParty", "id:agency/ministry-of-commerce"));
}

TEST(Readings, LeadershipApprovalAndAddresseesAreRoles) {
  Graph g = reply("Under the leadership of the State Council, Haidian District shall organize the work.");
  EXPECT_TRUE(roles_of(g, M + "1").count("agency/state-council LeadRole"));
  EXPECT_TRUE(roles_of(g, M + "1").count("district/haidian ImplementRole"));
  g = reply("The Plan is hereby approved in principle for your earnest implementation.");
  EXPECT_TRUE(roles_of(g, M + "1").count("agency/state-council ApproveRole"));
  EXPECT_TRUE(roles_of(g, M + "1").count("agency/peoples-government-of-hainan-province AddresseeRole"));
  // Approving and being handed the implementation are roles, not responsibility for acting.
  EXPECT_TRUE(g.objects(M + "1", "pol:responsibleParty").empty());
  // "We shall" names nobody: no role at all.
  g = reply("We shall build a trading platform.");
  EXPECT_TRUE(roles_of(g, M + "1").empty());
}

TEST(Readings, EvidencePointsAtTheWordsAndIsOffByDefault) {
  const std::string article = "We shall allow foreign banks to operate (excluding travelling to Taiwan).";
  Graph plain = reply(article);
  EXPECT_TRUE(std::none_of(plain.triples.begin(), plain.triples.end(),
                           [](const auto& t) { return t.p.value == policykg::ns::pol("rule"); }));
  EXPECT_TRUE(plain.of_type(std::string(policykg::ns::kRdf) + "Statement").empty());
  Graph g = reply_with_evidence(article);
  // Same facts, plus the evidence.
  for (const auto& t : plain.triples)
    EXPECT_TRUE(g.has(t.s.value, t.p.value, t.o.value)) << t.s.value << " " << t.p.value;
  const std::string text = plain.one(M + "1", "pol:text");
  const long unit_start = std::stol(plain.one(M + "1", "pol:sourceStart"));
  std::set<std::string> rules;
  for (const auto& e : g.of_type(std::string(policykg::ns::kRdf) + "Statement")) {
    EXPECT_EQ(g.one(e, std::string(policykg::ns::kRdf) + "subject"), policykg::test::expand(M + "1"));
    const long start = std::stol(g.one(e, "pol:cueStart")), end = std::stol(g.one(e, "pol:cueEnd"));
    const std::u32string t = policykg::test::decode(text);
    ASSERT_LE(start, end);
    ASSERT_LE(static_cast<std::size_t>(end - unit_start), t.size());
    // The offsets and the words agree.
    EXPECT_EQ(policykg::test::decode(g.one(e, "pol:cueText")), t.substr(start - unit_start, end - start));
    rules.insert(g.one(e, "pol:rule"));
  }
  EXPECT_TRUE(rules.count("exclusion cue"));
  EXPECT_TRUE(rules.count("sector keyword"));
  EXPECT_TRUE(rules.count("leading action"));
}

TEST(Readings, ANameInsideACitedTitleIsNoMentionOfTheClause) {
  Graph g = reply("We shall implement the Plan for Expanding Opening-up of Hebei Province in full.");
  EXPECT_FALSE(g.has(M + "1", "pol:mentions", "id:region/hebei"));
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/hebei"));
  g = reply("We shall implement the plan in full in Hebei Province.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/hebei"));
}

TEST(Readings, APlaceClosingOrQualifyingANameIsNoPlace) {
  // In brackets beside a name, after a capitalised word, after "<Name> of".
  for (const char* clause : {"We shall hold the China (Beijing) International Fair for Trade in Services",
                             "We shall expand the functions of the single window in China (Beijing)",
                             "We shall build the \"Open Beijing\" information platform",
                             "We shall organise activities including Perception of Beijing"}) {
    Graph g = reply(std::string(clause) + ".");
    EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/beijing")) << clause;
  }
  Graph g = reply("We shall expand the functions of the single window in Beijing.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/beijing"));
  g = reply("We shall open the markets of Beijing (the capital) wider.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/beijing"));
}

TEST(Readings, AZoneReliedOnIsNoPlace) {
  Graph g = reply("Fangshan District shall create a financial area based on the concept of Financial Security Town "
                  "and Fund Town.");
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:zone/financial-security-town"));
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:zone/fund-town"));
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:zone/fund-town"));
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:district/fangshan"));
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:zone/financial-security-town"));
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:zone/fund-town"));
  g = reply("Fangshan District shall build Fund Town into a financial area.");
  EXPECT_TRUE(g.objects(M + "1", "pol:dependsOn").empty());
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:zone/fund-town"));
}

TEST(Readings, GuidingPrinciplesAreStatements) {
  Graph g = reply("It is important to fully implement the guiding principles of the 19th National Congress.");
  EXPECT_TRUE(g.has(M + "1", "a", "pol:Statement"));
  g = reply("It is important to simplify the registration of enterprises.");
  EXPECT_TRUE(g.has(M + "1", "a", "pol:Measure"));
}

TEST(Readings, AClausesSectorsAreItsOwnNotItsHeadings) {
  Graph g = policykg::test::build_string(
      "Plan for Testing the Readings\n\nI. Main Tasks\n\n1. Opening up the financial sector\n\nWe shall attract "
      "foreign investors to acquire shares of local companies; we shall allow foreign banks to open branches.\n");
  EXPECT_FALSE(g.has("id:doc/test/task/1/measure/1", "pol:sector", "pol:FinanceSector"));
  EXPECT_TRUE(g.has("id:doc/test/task/1/measure/2", "pol:sector", "pol:FinanceSector"));
}

TEST(Readings, ApprovingAPlanSetsTheRules) {
  Graph g = reply("The Plan for Testing is hereby approved in principle for your earnest implementation.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("The People's Government of Hainan Province shall build a public service platform.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, NamedPlatformsAndProgrammesAreMentionsAndNameTheirSector) {
  Graph g = reply("We shall support enterprises to apply for Qualified Domestic Institutional Investor (\"QDII\").");
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:infrastructure/qualified-domestic-institutional-investor"));
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());  // "Qualified" inside the name restricts nothing
  g = reply("We shall support enterprises to apply for qualified domestic investors.");
  EXPECT_TRUE(g.objects(M + "1", "pol:mentions").empty());
  EXPECT_FALSE(has_sector(g, "1", "FinanceSector"));
}

TEST(Readings, TheIssuerOfACitedPlanIsMentioned) {
  Graph g = reply("We shall put into effect the three-year action plan made by the People's Government of Hainan "
                  "Province to promote trade.");
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:agency/peoples-government-of-hainan-province"));
  g = reply("We shall implement the Plan for Expanding Opening-up of Hebei Province in full.");
  EXPECT_TRUE(g.objects(M + "1", "pol:mentions").empty());
}

TEST(Readings, TheAboveDocumentsAreEachReferenced) {
  Graph g = reply("The Official Reply on Testing (No. 81 [2015], the State Council) and the Official Reply on Trying "
                  "(No. 86 [2017], the State Council) shall continue to be effective; where the above Official "
                  "Replies are inconsistent with the Plan, the latter shall prevail.");
  EXPECT_EQ(g.objects(M + "2", "pol:references").size(), 2u);
  g = reply("The Official Reply on Testing (No. 81 [2015], the State Council) shall continue to be effective; the "
            "latter shall prevail where rules differ.");
  EXPECT_TRUE(g.objects(M + "2", "pol:references").empty());
}

TEST(Readings, AReplyWithoutItsPlanResolvesThePlanItDefined) {
  // The reply's text carries no annex: "the Plan" is the plan it named and defined.
  Graph g = reply("The Framework Plan for Testing the Service Sector (hereinafter referred to as the \"Plan\") is "
                  "hereby approved in principle and you shall diligently organize the implementation thereof; the "
                  "People's Government of Hainan Province shall strengthen leadership for the implementation of the "
                  "Plan.");
  const auto plan = g.objects(M + "1", "pol:references");
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", plan.front().value));  // "the implementation thereof"
  EXPECT_TRUE(g.has(M + "2", "pol:references", plan.front().value));
  EXPECT_TRUE(g.has(M + "2", "pol:dependsOn", plan.front().value));
  g = reply("The Framework Plan for Testing the Service Sector is hereby approved in principle.");
  EXPECT_TRUE(g.objects(M + "1", "pol:dependsOn").empty());
}

TEST(Readings, APrerequisiteBuiltElsewhereIsNamedInTheSameWords) {
  Graph g = policykg::test::build_string(
      "Plan for Testing the Readings\n\nI. Main Tasks\n\n1. Credit\n\nWe shall construct a credit supervision "
      "system centered on credit commitment.\n\n2. Registration\n\nWe shall simplify registration based on the "
      "credit commitment system.\n\n3. Filing\n\nWe shall simplify filing based on the credit supervision system.\n");
  EXPECT_FALSE(g.has("id:doc/test/task/2/measure/1", "pol:dependsOn", "id:doc/test/task/1/measure/1"));
  EXPECT_TRUE(g.has("id:doc/test/task/2/measure/1", "pol:dependsOn", "id:infrastructure/credit-commitment-system"));
  EXPECT_TRUE(g.has("id:doc/test/task/3/measure/1", "pol:dependsOn", "id:doc/test/task/1/measure/1"));
}

TEST(Readings, ConditionsOfTimeAndFormAndRelaxedRequirements) {
  Graph g = reply("We shall allow foreign talents, when they leave their jobs for home countries, to withdraw their "
                  "funds, and allow exhibits to be released in the form of guaranty.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "when they leave their jobs for home countries"));
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "in the form of guaranty"));
  // Relaxing a requirement states none: "incorporated in China" is what is relaxed.
  g = reply("We shall relax the conditions for companies incorporated in China by a foreign investor.");
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());
  g = reply("We shall support companies incorporated in China by a foreign investor.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "incorporated in China by a foreign investor"));
}

TEST(Readings, TheCountryIsMentionedButLocatesNothing) {
  Graph g = reply("We shall allow foreign lawyers to work in China and in Beijing.");
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:region/china"));
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/china"));
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/beijing"));
  // Beside a bracketed place the country is part of a name: "China (Beijing)".
  g = reply("We shall expand the single window for international trade in China (Beijing).");
  EXPECT_FALSE(g.has(M + "1", "pol:mentions", "id:region/china"));
}

TEST(Readings, AnIssuerInACitationsNumberIsTheDocumentsNotTheClauses) {
  Graph g = reply("The Official Reply on Testing (No. 81 [2015], the State Council) shall continue to be effective.");
  EXPECT_FALSE(g.has(M + "1", "pol:mentions", "id:agency/state-council"));
  g = reply("We shall put into effect the action plan made by the State Council to promote trade.");
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:agency/state-council"));
}

TEST(Readings, ANameRightAfterANamedPrerequisiteCueIsReliedOn) {
  // The park is relied on and is also where the clause applies.
  Graph g = reply("Shijingshan District shall take the Beijing Insurance Industry Park as the core of a financial area.");
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:zone/beijing-insurance-industry-park"));
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:zone/beijing-insurance-industry-park"));
  g = reply("We shall handle applications for the registration of trademarks under the Madrid system.");
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:infrastructure/madrid-system"));
  // Not at once after the cue: a place, not a prerequisite.
  g = reply("We shall support trade facilitation under the capital account of Zhongguancun.");
  EXPECT_TRUE(g.objects(M + "1", "pol:dependsOn").empty());
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:zone/zhongguancun"));
}

TEST(Readings, TheRegionAStrategyCoversLocatesNothing) {
  Graph g = reply("We shall centre on the strategy of coordinated development of the Beijing-Tianjin-Hebei region and "
                  "open the service sector wider.");
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:region/beijing-tianjin-hebei"));
  EXPECT_FALSE(g.has(M + "1", "pol:appliesTo", "id:region/beijing-tianjin-hebei"));
  g = reply("We shall open the markets of the Beijing-Tianjin-Hebei region wider.");
  EXPECT_TRUE(g.has(M + "1", "pol:appliesTo", "id:region/beijing-tianjin-hebei"));
}

TEST(Readings, RestrictiveClausesQualitiesAndEventsAreConditions) {
  Graph g = reply("We shall promote the facilitation for overseas investments that are substantial and standardized.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "that are substantial and standardized"));
  g = reply("We shall encourage the employers to offer enterprise annuities to high-level foreigners.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "high-level"));
  g = reply("We shall support exhibited vehicles to be reserved for sale after exhibition.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "after exhibition"));
  g = reply("We shall promote the facilitation for overseas investments.");
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());
  // A restriction the clause lifts is none of its conditions.
  g = reply("We shall lift the restriction on overseas investments that are substantial and standardized.");
  EXPECT_TRUE(g.objects(M + "1", "pol:condition").empty());
}

TEST(Readings, AKeywordInsideALongerKeywordCountsAsThatOne) {
  Graph g = reply("We shall strengthen financial technology innovations.");
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
  EXPECT_FALSE(has_sector(g, "1", "TechnologySector"));
  g = reply("We shall strengthen technology innovations.");
  EXPECT_TRUE(has_sector(g, "1", "TechnologySector"));
  // Social insurance is no insurance business.
  g = reply("We shall allow foreign talents to transfer their social insurance relations.");
  EXPECT_FALSE(has_sector(g, "1", "FinanceSector"));
  g = reply("We shall allow foreign insurance companies to open branches.");
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
}

TEST(Readings, ARestrictionOrAPrerequisiteNamesNoSector) {
  Graph g = reply("We shall allow qualified enterprises to provide maintenance services with high added value and "
                  "advanced technologies.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "with high added value and advanced technologies"));
  EXPECT_FALSE(has_sector(g, "1", "TechnologySector"));
  g = reply("We shall boost the export of products based on digital technologies.");
  EXPECT_FALSE(has_sector(g, "1", "TechnologySector"));
  EXPECT_TRUE(has_sector(g, "1", "TradeSector"));
  g = reply("We shall promote digital technologies in maintenance services.");
  EXPECT_TRUE(has_sector(g, "1", "TechnologySector"));
}

TEST(Readings, OrganizationalLeadershipIsLeading) {
  Graph g = reply("The People's Government of Hainan Province shall strengthen organizational leadership for the "
                  "implementation of the Plan.");
  EXPECT_EQ(roles_of(g, M + "1"), std::set<std::string>{"agency/peoples-government-of-hainan-province LeadRole"});
  g = reply("The People's Government of Hainan Province shall strengthen the supply of talent.");
  EXPECT_EQ(roles_of(g, M + "1"), std::set<std::string>{"agency/peoples-government-of-hainan-province ImplementRole"});
}

TEST(Readings, AReplyWithoutSignatureIsApprovedByWhomItsTitleOrNumberNames) {
  // Its title names its author.
  Graph g = policykg::test::build_string(
      "Official Reply of the State Council to the Plan for Testing\n\nThe People's Government of Hainan Province:\n\n"
      "I. It is hereby approved to continue the pilot program.\n");
  EXPECT_TRUE(roles_of(g, M + "1").count("agency/state-council ApproveRole"));
  // Its number names the series, hence the issuer, and the addressees follow "presents its compliments to".
  g = policykg::test::build_string(
      "Guo Han (2020) No.123\n\nThe State Council presents its compliments to the People's Government of Hainan "
      "Province and the Ministry of Commerce and, with reference to the latter's request, has the honour to reply "
      "as follows:\n\nI. The State Council agrees in principle to the Plan for Testing and requests the People's "
      "Government of Hainan Province and the Ministry of Commerce to organize its implementation.\n");
  const std::string m = "id:doc/state-council-2020-123/provision/1/measure/1";
  EXPECT_TRUE(g.has("id:doc/state-council-2020-123", "a", "pol:OfficialReply"));
  EXPECT_TRUE(roles_of(g, m).count("agency/state-council ApproveRole"));
  EXPECT_TRUE(roles_of(g, m).count("agency/ministry-of-commerce AddresseeRole"));
  EXPECT_TRUE(roles_of(g, m).count("agency/peoples-government-of-hainan-province AddresseeRole"));
  // Neither title nor number nor signature: nobody approves.
  g = policykg::test::build_string(
      "The People's Government of Hainan Province:\n\nI. We hereby approve the pilot program.\n");
  EXPECT_TRUE(roles_of(g, M + "1").empty());
}

TEST(Readings, APrerequisiteNamedByACommonNounIsReliedOnNotMentioned) {
  Graph g = reply("We shall simplify the registration of enterprises based on the credit commitment system.");
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:infrastructure/credit-commitment-system"));
  EXPECT_FALSE(g.has(M + "1", "pol:mentions", "id:infrastructure/credit-commitment-system"));
  // A name is mentioned as well as relied on.
  g = reply("Shunyi District shall rely on the platform of Beijing Industrial Finance Center.");
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:infrastructure/beijing-industrial-finance-center"));
  EXPECT_TRUE(g.has(M + "1", "pol:mentions", "id:infrastructure/beijing-industrial-finance-center"));
}

namespace {

// A reply of one article built with the rules of `dir`.
Graph reply_with_rules(const std::string& article, const std::filesystem::path& dir) {
  policykg::builder::Options options;
  options.rules_dir = dir;
  return Graph{policykg::builder::build_text(
      "Official Reply of the State Council to the Plan for Testing\n\nThe People's Government of Hainan "
      "Province:\n\nI. " + article + "\n\nState Council\n\nJune 18, 2021\n", "test.txt", options)};
}

}  // namespace

TEST(Readings, TheSubjectVerbTheAgentCueAndTheDependencyWindowAreRules) {
  // data/rules as it is, then with "must" for "shall", "through" for "by" and a dependency cue
  // counting only 10 bytes before a citation.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("policykg-readings-rules-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(policykg::test::source_dir() / "data/rules", dir);
  const auto cite = "We shall implement the Official Reply on Testing (No. 81 [2015], the State Council).";
  Graph g = reply_with_rules("Haidian District shall build a trading platform.", dir);
  EXPECT_EQ(roles_of(g, M + "1"), std::set<std::string>{"district/haidian ImplementRole"});
  g = reply_with_rules("The trading platform shall be built by the Ministry of Commerce.", dir);
  EXPECT_TRUE(g.has(M + "1", "pol:responsibleParty", "id:agency/ministry-of-commerce"));
  g = reply_with_rules(cite, dir);
  EXPECT_TRUE(g.has(M + "1", "pol:dependsOn", "id:doc/state-council-2015-81"));

  std::string text = policykg::test::read_all(dir / "relations.json");
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"\"subject_verbs\": [\"shall\"]", "\"subject_verbs\": [\"must\"]"},
                                 {"\"passive_agent_cue\": \"by\"", "\"passive_agent_cue\": \"through\""},
                                 {"\"dependency_cue_window_chars\": 60", "\"dependency_cue_window_chars\": 10"}}) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }
  std::ofstream(dir / "relations.json", std::ios::binary) << text;
  g = reply_with_rules("Haidian District shall build a trading platform.", dir);
  EXPECT_TRUE(roles_of(g, M + "1").empty());
  g = reply_with_rules("Haidian District must build a trading platform.", dir);
  EXPECT_EQ(roles_of(g, M + "1"), std::set<std::string>{"district/haidian ImplementRole"});
  g = reply_with_rules("The trading platform must be built by the Ministry of Commerce.", dir);
  EXPECT_FALSE(g.has(M + "1", "pol:responsibleParty", "id:agency/ministry-of-commerce"));
  g = reply_with_rules("The trading platform must be built through the Ministry of Commerce.", dir);
  EXPECT_TRUE(g.has(M + "1", "pol:responsibleParty", "id:agency/ministry-of-commerce"));
  g = reply_with_rules(cite, dir);
  EXPECT_TRUE(g.has(M + "1", "pol:references", "id:doc/state-council-2015-81"));
  EXPECT_FALSE(g.has(M + "1", "pol:dependsOn", "id:doc/state-council-2015-81"));
  fs::remove_all(dir);
}

TEST(Readings, ARestrictionSaysNothingOfTheInstrument) {
  // "that will help … open up" restricts the derivatives: the clause explores (rules), it opens
  // nothing.
  Graph g = reply("We shall explore the trading in derivatives that will help the service sector to open up.");
  EXPECT_TRUE(g.has(M + "1", "pol:condition", "that will help the service sector to open up"));
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall explore ways to open up the service sector.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
}

TEST(Readings, APlaceLinksToItsConfirmedWikidataItemOnly) {
  // data/gazetteer/regions.json gives Beijing's item with the Wikidata page that confirms it; Hebei
  // has none confirmed, so no link.
  Graph g = reply("We shall support Beijing and Hebei Province in opening up the service sector.");
  const std::string exact_match(policykg::std_terms::skos_exactMatch);
  EXPECT_TRUE(g.has("id:region/beijing", exact_match, "http://www.wikidata.org/entity/Q956"));
  EXPECT_TRUE(g.objects("id:region/hebei", exact_match).empty());
  EXPECT_FALSE(g.objects("id:region/hebei", "a").empty());
}

TEST(Readings, ALightVerbAfterALightVerbLeadsOnToItsObject) {
  // "work to" leads into "improve", which leads into the centre it improves: supply, though
  // "improve" alone sets rules.
  Graph g = reply("Haidian District shall work to improve the technological innovation center.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  // Attracting professionals supplies talent; attracting airlines lets providers in.
  g = reply("We shall explore various ways of attracting professionals to the district.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  g = reply("We shall attract international airlines to open flights.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Past "and" a verb starts another action: "explore" is then the clause's action, not what the
  // investors are encouraged to do, and what it explores does not lead.
  g = reply("We shall encourage investors to strengthen cooperation with banks and explore new modes of "
            "technological services.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
}

TEST(Readings, TheAreasAnActionCoversNameNoInstrument) {
  // The list after "in such areas as" says where data is shared, not that rules are set: the
  // sharing supplies information.
  Graph g = reply("We shall ramp up the sharing of data in such areas as customs, taxation and financial supervision.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  // Its words still name the sector.
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
  // Rules the clause itself is about still count.
  g = reply("We shall ramp up the sharing of data on customs, taxation and financial supervision.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  // The list ends at the comma after its last item: the action after it counts again.
  g = reply("We shall share data in such areas as customs and taxation, and strengthen supervision and regulation.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
}

TEST(Readings, EncouragementWithNoToolNamedSetsTheSetting) {
  // Encouraging, promoting or pursuing with no tool named is environmental (RULES.md) ...
  Graph g = reply("We shall encourage the development of green finance.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall pursue the online healthcare service mode.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  // ... while a tool named after it decides.
  g = reply("We shall encourage the pilot program of green finance.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Adopting policies sets rules, whatever they are meant to attract.
  g = reply("We shall adopt policies to attract R&D centers and high-caliber talents.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall work to attract R&D centers and high-caliber talents.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, ExhibitionsAndExperimentalZonesPullDemand) {
  // An exhibition is a promotion event, as a fair is; an experimental zone a pilot.
  Graph g = reply("We shall raise the quality of the exhibitions.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  g = reply("We shall speed up the development of experimental zones for e-commerce.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Exhibits are goods, and a zone is a place: no cue.
  g = reply("We shall raise the quality of the exhibits.");
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
  g = reply("We shall speed up the development of zones for e-commerce.");
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
}

TEST(Readings, AClauseThatOpensWithWhatItReliesOnActsAfterIt) {
  // "rely" is no adverb, and what the district relies on is not what it does: "work to promote"
  // with no tool named is environmental.
  Graph g = reply("Shunyi District shall rely on the platform of the finance center and work to promote industrial "
                  "finance.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  EXPECT_TRUE(g.has(M + "1", "pol:responsibleParty", "id:district/shunyi"));
  // A clause that opens with its own action keeps it: funding leads.
  g = reply("Shunyi District shall fund the finance center and work to promote industrial finance.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, AnApplicationIsAProcedure) {
  // Supporting the application for a zone is an approval procedure, environmental; supporting its
  // establishment names no instrument.
  Graph g = reply("We shall support the application for establishing a comprehensive bonded area as required.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall support the establishment of a comprehensive bonded area as required.");
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
}

TEST(Readings, APermissionOfAThingToBeHandledSetsAProcedure) {
  // Allowing exhibits to be filed is a procedure; allowing foreign banks in opens a market.
  Graph g = reply("We shall allow exhibits to be filed for records in advance.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  g = reply("We shall allow foreign banks to participate in tariff guarantee businesses.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Past a comma the passive belongs to another action.
  g = reply("We shall allow foreign banks to open branches, and their data to be shared.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
}

TEST(Readings, AClauseThatOpensWithAFrameActsAfterIt) {
  // "for the vehicles …," frames the action; the permission after the comma leads, and its object
  // is a thing to be handled: a procedure.
  Graph g = reply("For vehicles temporarily imported for testing, allow the period of temporary import to be extended "
                  "to two years.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  // A clause that opens with its own action keeps it: funding leads.
  g = reply("Fund the vehicles imported for testing, and allow the period of temporary import to be extended.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, AClauseThatOpensWithARestrictionActsAfterItAndHonoursSetTheSetting) {
  // The restriction opens the clause; commending is an honour, environmental, though
  // "personnel" is a talent keyword.
  Graph g = reply("According to certain regulations, commend the outstanding personnel for their contributions.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  // Training them supplies talent.
  g = reply("According to certain regulations, train the outstanding personnel.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, WhatAClauseTakesAsItsCoreOpensItAndAConstructionIsOfItsObject) {
  // The park the district takes as its core is relied on; speeding up the construction of a
  // demonstration area pilots, demand-side, as building one does.
  Graph g = reply("Shijingshan District shall take the Beijing Insurance Industry Park as the core and speed up the "
                  "construction of a financial industry demonstration area.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // The construction of a platform supplies it.
  g = reply("Shijingshan District shall take the Beijing Insurance Industry Park as the core and speed up the "
            "construction of a financial service platform.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
}

TEST(Readings, WhatIsExpandedDecides) {
  // Expanding a platform's functions supplies it; expanding the scope of a pilot opens demand.
  Graph g = reply("We shall further expand the functions of the public service platform for trade.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  g = reply("We shall expand the scope of the pilot program for trade.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // With nothing after it, expanding opens demand.
  g = reply("We shall expand cooperation channels.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
}

TEST(Readings, AListedProgrammeSaysWhatInstrumentItIs) {
  // A scheme admitting qualified investors opens a market, though encouraging names no tool and
  // the scheme's own words ("Qualified", "Investor") count for nothing.
  Graph g = reply("We shall encourage institutions to apply for Qualified Domestic Institutional Investor (\"QDII\") "
                  "businesses.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // A programme the clause only relies on says nothing of what it does.
  g = reply("We shall encourage institutions, relying on Qualified Domestic Institutional Investor (\"QDII\"), to "
            "cooperate.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
}

TEST(Readings, CrossBorderECommerceAndJointVenturesOpenDemand) {
  Graph g = reply("We shall explore the import of certain products through the cross-border e-commerce mode.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  g = reply("We shall support cultural enterprises in establishing joint venture publishing houses.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Exploring an import with no channel or form of entry named is no tool: environmental.
  g = reply("We shall explore the import of certain products.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
}

TEST(Readings, APassiveClosedByItsPurposeActsInItAndStrengtheningIsOfItsObject) {
  // The principle is only abided by: the action is the purpose after the comma, and what is
  // strengthened decides (design, environmental), though "pilot" names demand twice.
  Graph g = reply("The principle of steady progress shall be abided by, to strengthen top-level design of the pilot "
                  "program, and expand the scope of the pilot program.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  // A passive with no purpose after it leads nowhere: the keywords decide.
  g = reply("The principle of steady progress shall be abided by in the top-level design of the pilot program and "
            "in the scope of the pilot program.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
  // Strengthening that does not lead the clause decides nothing: expanding the pilots does.
  g = reply("We shall expand pilot programs and demonstration areas, and strengthen top-level design.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:DemandSide"));
}

TEST(Readings, AnExchangeIsSuppliedAndAnExchangeRateIsARule) {
  Graph g = reply("We shall deepen international exchange with sister cities.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:SupplySide"));
  // An exchange rate is a financial rule: improving the regime sets the setting.
  g = reply("We shall improve the exchange rate regime.");
  EXPECT_TRUE(g.has(M + "1", "pol:instrumentType", "pol:Environmental"));
  EXPECT_TRUE(has_sector(g, "1", "FinanceSector"));
}

TEST(Readings, CombiningStrengthsIsAStatement) {
  Graph g = reply("We shall combine the dual strengths of policies and functions, and make better use of the two "
                  "zones; and build a trading platform.");
  EXPECT_TRUE(g.has(M + "1", "a", "pol:Statement"));
  EXPECT_TRUE(g.objects(M + "1", "pol:instrumentType").empty());
  EXPECT_TRUE(g.has(M + "2", "a", "pol:Measure"));
  // Giving play to a fund's role and pushing cooperation forward acts.
  g = reply("We shall give play to the leading role of innovation funds, and push forward the cooperation between "
            "government and social capital.");
  EXPECT_TRUE(g.has(M + "1", "a", "pol:Measure"));
}
