// query::impact: what depends on, references, keeps in force or is overridden through a document,
// and transitively what depends on those.
#include <gtest/gtest.h>

#include "query/traversal/traversal.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::local;
using test::v;

std::vector<std::string> impacts(const std::vector<query::Impact>& is) {
  std::vector<std::string> out;
  for (const auto& i : is) out.push_back(local(i.unit) + ": " + i.how);
  return out;
}

TEST(Impact, EarlierReplyAffectsWhatCitesKeepsOrDependsOnIt) {
  const auto& view = test::traversal_view();
  auto is = query::impact(view, v("doc/no-81-2015"));
  EXPECT_EQ(impacts(is), (std::vector<std::string>{
                             "doc/plan: keeps in force",
                             "doc/plan: prevails over it",
                             "doc/plan/section/3: references",
                             "doc/plan/task/7/initiative/7/measure/10: depends on",
                             "doc/plan/task/7/initiative/7/measure/11: depends on an affected unit",
                         }));
  EXPECT_EQ(query::route_text(view, is.back().route, test::kBase),
            "id:doc/no-81-2015 <--pol:dependsOn-- id:doc/plan/task/7/initiative/7/measure/10"
            " <--pol:dependsOn-- id:doc/plan/task/7/initiative/7/measure/11");
}

TEST(Impact, PlanOverridesTheEarlierReplyAndItsPartsCount) {
  const auto& view = test::traversal_view();
  auto is = query::impact(view, v("doc/plan"));
  // Dependencies among the plan's own measures are not effects of the plan.
  EXPECT_EQ(impacts(is), (std::vector<std::string>{"doc/no-81-2015: overridden"}));
  EXPECT_EQ(query::route_text(view, is[0].route, test::kBase),
            "id:doc/plan --pol:prevailsOver--> id:doc/no-81-2015");
}

TEST(Impact, ThroughAPartOfTheDocument) {
  const auto& view = test::traversal_view();
  // Measure 10 depends on measure 2, a part of task 7: impact of task 7's initiative would be
  // internal; impact of measure 2 itself reaches 10 and then 11.
  auto is = query::impact(view, v("doc/plan/task/7/initiative/7/measure/2"));
  EXPECT_EQ(impacts(is), (std::vector<std::string>{
                             "doc/plan/task/7/initiative/7/measure/10: depends on",
                             "doc/plan/task/7/initiative/7/measure/11: depends on an affected unit",
                         }));
  EXPECT_TRUE(query::impact(view, v("doc/plan/task/7")).empty());
}

}  // namespace
}  // namespace policykg
