// query::duties: units an agency or district is stated responsible for, optionally with its
// sub-organisations' (org:subOrganizationOf followed down).
#include <gtest/gtest.h>

#include <algorithm>

#include "query/traversal/traversal.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::local;
using test::v;

std::vector<std::string> units(const std::vector<query::Duty>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(local(d.unit) + " by " + local(d.party));
  return out;
}

TEST(Duties, OwnUnitsOnly) {
  const auto& view = test::traversal_view();
  EXPECT_EQ(units(query::duties(view, v("agency/ministry-of-commerce"))),
            (std::vector<std::string>{"doc/plan/task/2/initiative/1 by agency/ministry-of-commerce"}));
  EXPECT_EQ(units(query::duties(view, v("district/haidian"))),
            (std::vector<std::string>{"doc/plan/task/7/initiative/7/measure/2 by district/haidian"}));
  EXPECT_TRUE(query::duties(view, v("agency/state-council")).empty());
}

TEST(Duties, InheritedListsEveryUnitWhoseAnswerNamesTheAgency) {
  const auto& view = test::traversal_view();
  const auto stated = query::duties(view, v("agency/ministry-of-commerce"));
  const auto all = query::duties(view, v("agency/ministry-of-commerce"), false, true);
  ASSERT_GT(all.size(), stated.size());
  // Every stated duty is among them, marked stated.
  for (const auto& d : stated) {
    auto it = std::find_if(all.begin(), all.end(), [&](const query::Duty& e) { return e.unit == d.unit; });
    ASSERT_NE(it, all.end()) << local(d.unit);
    EXPECT_EQ(it->how, "stated");
    EXPECT_EQ(it->stated_on, d.unit);
  }
  // Each one is what responsible() answers for its unit, with the same route.
  for (const auto& d : all) {
    const auto answers = query::responsible(view, d.unit);
    auto it = std::find_if(answers.begin(), answers.end(), [&](const auto& r) { return r.party == d.party; });
    ASSERT_NE(it, answers.end()) << local(d.unit);
    EXPECT_EQ(it->how, d.how) << local(d.unit);
    EXPECT_EQ(it->route, d.route) << local(d.unit);
    EXPECT_EQ(query::stated_on(it->route, d.unit), d.stated_on);
  }
  // The measure under the initiative that states it inherits it; task 9's measure has it by approval.
  auto how = [&](const std::string& unit) {
    for (const auto& d : all)
      if (local(d.unit) == unit) return d.how;
    return std::string("absent");
  };
  EXPECT_EQ(how("doc/plan/task/2/initiative/1/measure/1"), "inherited");
  EXPECT_EQ(how("doc/plan/task/9/initiative/1/measure/1"), "approval");
  EXPECT_EQ(how("doc/plan/task/7/initiative/7/measure/3"), "absent");
}

TEST(Duties, IncludeSubFollowsTheHierarchyDown) {
  const auto& view = test::traversal_view();
  auto ds = query::duties(view, v("agency/state-council"), true);
  // Nearest sub-organisations first (commerce and finance), then commerce's department.
  EXPECT_EQ(units(ds), (std::vector<std::string>{
                           "doc/plan/task/2/initiative/1 by agency/ministry-of-commerce",
                           "doc/reply/provision/4 by agency/ministry-of-finance",
                           "doc/reply/provision/5 by agency/department-of-trade",
                       }));
  EXPECT_EQ(query::route_text(view, ds[2].route, test::kBase),
            "id:doc/reply/provision/5 --pol:responsibleParty--> id:agency/department-of-trade"
            " --org:subOrganizationOf--> id:agency/ministry-of-commerce"
            " --org:subOrganizationOf--> id:agency/state-council");
}

TEST(Duties, IncludeSubOnALeafIsItsOwnDuties) {
  const auto& view = test::traversal_view();
  EXPECT_EQ(units(query::duties(view, v("agency/ministry-of-finance"), true)),
            (std::vector<std::string>{"doc/reply/provision/4 by agency/ministry-of-finance"}));
}

}  // namespace
}  // namespace policykg
