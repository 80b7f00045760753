// query::responsible: stated, inherited up dcterms:isPartOf, or from the approving reply; each
// answer with its route.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "query/traversal.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::local;
using test::v;

std::vector<std::string> parties(const std::vector<query::Responsibility>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(local(r.party) + " " + r.how);
  return out;
}

TEST(Responsible, StatedOnTheUnit) {
  const auto& view = test::traversal_view();
  auto rs = query::responsible(view, v("doc/plan/task/7/initiative/7/measure/3"));
  EXPECT_EQ(parties(rs), (std::vector<std::string>{"district/chaoyang stated", "district/dongcheng stated"}));
  ASSERT_EQ(rs[0].route.size(), 1u);
  EXPECT_EQ(rs[0].route.hops[0].predicate, pol::responsibleParty);
  EXPECT_TRUE(rs[0].route.hops[0].forward);
  EXPECT_EQ(query::route_text(view, rs[0].route, test::kBase),
            "id:doc/plan/task/7/initiative/7/measure/3 --pol:responsibleParty--> id:district/chaoyang");
}

TEST(Responsible, InheritedFromTheNearestUnitAbove) {
  const auto& view = test::traversal_view();
  auto rs = query::responsible(view, v("doc/plan/task/2/initiative/1/measure/1"));
  EXPECT_EQ(parties(rs), (std::vector<std::string>{"agency/ministry-of-commerce inherited"}));
  EXPECT_EQ(query::route_text(view, rs[0].route, test::kBase),
            "id:doc/plan/task/2/initiative/1/measure/1 --dcterms:isPartOf--> id:doc/plan/task/2/initiative/1"
            " --pol:responsibleParty--> id:agency/ministry-of-commerce");
}

TEST(Responsible, FromTheReplyThatApprovesThePlan) {
  const auto& view = test::traversal_view();
  // Nothing is stated from measure 1 of task 9 up to the plan: the approving reply is addressed
  // to the Beijing government and the Ministry of Commerce.
  auto rs = query::responsible(view, v("doc/plan/task/9/initiative/1/measure/1"));
  EXPECT_EQ(parties(rs), (std::vector<std::string>{"agency/beijing approval", "agency/ministry-of-commerce approval"}));
  EXPECT_EQ(query::route_text(view, rs[0].route, test::kBase),
            "id:doc/plan/task/9/initiative/1/measure/1 --dcterms:isPartOf--> id:doc/plan/task/9/initiative/1"
            " --dcterms:isPartOf--> id:doc/plan/task/9 --dcterms:isPartOf--> id:doc/plan/section/2"
            " --dcterms:isPartOf--> id:doc/plan <--pol:approves-- id:doc/reply --pol:addressedTo--> id:agency/beijing");
  // The plan itself.
  EXPECT_EQ(parties(query::responsible(view, v("doc/plan"))),
            (std::vector<std::string>{"agency/beijing approval", "agency/ministry-of-commerce approval"}));
}

TEST(Responsible, AllLevelsListsEveryLevelNearestFirst) {
  const auto& view = test::traversal_view();
  auto rs = query::responsible(view, v("doc/plan/task/2/initiative/1/measure/1"), true);
  EXPECT_EQ(parties(rs), (std::vector<std::string>{"agency/ministry-of-commerce inherited",
                                                   "agency/beijing approval",
                                                   "agency/ministry-of-commerce approval"}));
}

TEST(Responsible, NothingAboveAReplyWithoutParties) {
  const auto& view = test::traversal_view();
  EXPECT_TRUE(query::responsible(view, v("doc/no-81-2015")).empty());
  EXPECT_TRUE(query::responsible(view, v("district/haidian")).empty());
}

}  // namespace
}  // namespace policykg
