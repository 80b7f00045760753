#include <gtest/gtest.h>

#include "builder/rules.hpp"
#include "builder/structure_parser.hpp"
#include "graph.hpp"

using namespace policykg::builder;
using policykg::test::project_rules;
using policykg::test::read_all;

namespace {
std::size_t count(const std::vector<Unit>& units, UnitKind kind) {
  std::size_t n = 0;
  for (const auto& u : units) n += (u.kind == kind) + count(u.children, kind);
  return n;
}
}  // namespace

TEST(StructureParser, SeedReplyAndPlan) {
  SourceText t(read_all(policykg::test::seed_file()), "seed.txt");
  ParsedDocument d = parse_structure(t, project_rules().structure);
  EXPECT_EQ(d.kind, DocumentKind::Reply);
  EXPECT_EQ(std::string(t.view(d.title)).substr(0, 28), "Official Reply of the State ");
  EXPECT_EQ(d.published, "2020-12-23");
  EXPECT_EQ(d.issued, "2019-01-31");
  EXPECT_EQ(t.view(d.signer), "State Council");
  EXPECT_EQ(count(d.units, UnitKind::Provision), 5u);
  ASSERT_EQ(d.annex_list.size(), 2u);
  EXPECT_EQ(d.annex_list[1].number, "2");
  ASSERT_EQ(d.annexes.size(), 1u);  // annex 2 is listed but absent
  const ParsedDocument& plan = d.annexes[0];
  EXPECT_EQ(plan.kind, DocumentKind::Plan);
  EXPECT_EQ(plan.annex_number, "1");
  EXPECT_EQ(count(plan.units, UnitKind::Section), 3u);
  EXPECT_EQ(count(plan.units, UnitKind::Task), 9u);
  EXPECT_EQ(count(plan.units, UnitKind::Initiative), 33u);
  // Spans nest and the numbers are as printed.
  EXPECT_EQ(plan.units[1].number, "II");
  EXPECT_EQ(plan.units[1].children[6].number, "7");
  for (const auto& s : plan.units)
    for (const auto& c : s.children) EXPECT_TRUE(s.span.contains(c.span));
}

TEST(StructureParser, OtherNumberingStylesNestTheSameWay) {
  for (std::string name : {"municipal-plan-cjk-numbering.txt", "plan-paren-numbering-truncated.txt"}) {
    SourceText t(read_all(policykg::test::test_data(name)), name);
    ParsedDocument d = parse_structure(t, project_rules().structure);
    EXPECT_EQ(d.kind, DocumentKind::Plan) << name;
    EXPECT_GE(count(d.units, UnitKind::Section), 2u) << name;
    EXPECT_GE(count(d.units, UnitKind::Task), 1u) << name;
    EXPECT_GE(count(d.units, UnitKind::Initiative), 1u) << name;
  }
}

TEST(StructureParser, NoStructureGivesNoUnits) {
  SourceText t("Some words. More words without any numbering at all.\n", "x.txt");
  ParsedDocument d = parse_structure(t, project_rules().structure);
  EXPECT_EQ(d.kind, DocumentKind::Other);
  EXPECT_TRUE(d.title.empty());
  EXPECT_TRUE(d.units.empty());
}

TEST(StructureParser, Dates) {
  auto date = [](const std::string& s) { return read_date(s, {0, s.size()}, project_rules().structure); };
  EXPECT_EQ(date("January 31, 2019"), "2019-01-31");
  EXPECT_EQ(date("31 January 2019"), "2019-01-31");
  EXPECT_EQ(date("2020-12-23 15:58"), "2020-12-23");
  EXPECT_EQ(date("2019年1月31日"), "2019-01-31");
  EXPECT_FALSE(date("State Council"));
  EXPECT_FALSE(date("In January 2019 we met."));
}
