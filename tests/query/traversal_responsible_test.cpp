// query::responsible: stated, inherited up dcterms:isPartOf, or from the approving reply; each
// answer with its route.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"
#include "query/traversal/traversal.hpp"
#include "rdf/model.hpp"
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

TEST(ResponsibleAll, AgreesWithResponsibleForEveryUnit) {
  const auto& view = test::traversal_view();
  const auto all = query::responsible_all(view);
  std::size_t units = 0;
  for (query::Vertex u = 0; u < view.node_count(); ++u) units += query::is_unit(view, u) ? 1 : 0;
  ASSERT_EQ(all.size(), units);
  ASSERT_GT(units, 10u);
  for (const auto& [unit, answers] : all) {
    const auto one = query::responsible(view, unit);
    EXPECT_EQ(parties(answers), parties(one)) << local(unit);
    ASSERT_EQ(answers.size(), one.size());
    for (std::size_t i = 0; i < answers.size(); ++i) EXPECT_EQ(answers[i].route, one[i].route) << local(unit);
  }
}

TEST(ResponsibleAll, ListsUnitsOnlyInDocumentOrder) {
  const auto& view = test::traversal_view();
  const auto all = query::responsible_all(view);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(query::is_unit(view, all[i].first)) << local(all[i].first);
    if (i) {
      EXPECT_TRUE(query::natural_less(view.node(all[i - 1].first).iri, view.node(all[i].first).iri));
    }
  }
  EXPECT_FALSE(query::is_unit(view, v("district/haidian")));
  EXPECT_FALSE(query::is_unit(view, v("doc/plan")));
}

TEST(ResponsibleAll, ACycleOfIsPartOfEndsWithoutLooping) {
  rdf::Model m;
  const std::string pol = "https://w3id.org/policykg/ontology#", base = test::kBase;
  auto t = [&](const std::string& s, const std::string& p, const std::string& o) {
    m.add(rdf::Triple{rdf::Term::iri(base + s), rdf::Term::iri(p), rdf::Term::iri(o.starts_with("http") ? o : base + o)});
  };
  const std::string type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", part = "http://purl.org/dc/terms/isPartOf";
  t("a", type, pol + "Measure");
  t("b", type, pol + "Initiative");
  t("a", part, "b");
  t("b", part, "a");
  t("c", type, pol + "Measure");
  t("c", part, "a");
  t("b", pol + "responsibleParty", "agency/x");
  query::GraphView view(m);
  const auto all = query::responsible_all(view);
  ASSERT_EQ(all.size(), 3u);
  for (const auto& [unit, answers] : all) {
    const auto one = query::responsible(view, unit);
    ASSERT_EQ(answers.size(), one.size()) << view.node(unit).iri;
    for (std::size_t i = 0; i < answers.size(); ++i) EXPECT_EQ(answers[i].party, one[i].party);
  }
}

}  // namespace
}  // namespace policykg
