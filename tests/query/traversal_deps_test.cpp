// query::deps: transitive pol:dependsOn, reversed, depth-limited, with cycles reported.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "query/traversal/traversal.hpp"
#include "tests/query/traversal_fixture.hpp"

namespace policykg {
namespace {

using test::local;
using test::v;

const std::string kInit = "doc/plan/task/7/initiative/7/";

std::vector<std::string> found(const query::DependencyReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.dependencies) out.push_back(local(d.unit) + " @" + std::to_string(d.depth));
  return out;
}

TEST(Deps, TransitiveForward) {
  const auto& view = test::traversal_view();
  auto r = query::deps(view, v(kInit + "measure/11"));
  EXPECT_EQ(found(r), (std::vector<std::string>{kInit + "measure/10 @1", "doc/no-81-2015 @2",
                                                kInit + "measure/2 @2", kInit + "measure/1 @3"}));
  EXPECT_TRUE(r.cycles.empty());
  EXPECT_EQ(query::route_text(view, r.dependencies.back().route, test::kBase),
            "id:" + kInit + "measure/11 --pol:dependsOn--> id:" + kInit + "measure/10 --pol:dependsOn--> id:" +
                kInit + "measure/2 --pol:dependsOn--> id:" + kInit + "measure/1");
}

TEST(Deps, DepthLimits) {
  const auto& view = test::traversal_view();
  query::DepsOptions o;
  o.depth = 1;
  EXPECT_EQ(found(query::deps(view, v(kInit + "measure/11"), o)),
            (std::vector<std::string>{kInit + "measure/10 @1"}));
}

TEST(Deps, ReverseFindsWhatDependsOnIt) {
  const auto& view = test::traversal_view();
  query::DepsOptions o;
  o.reverse = true;
  auto r = query::deps(view, v(kInit + "measure/1"), o);
  EXPECT_EQ(found(r), (std::vector<std::string>{kInit + "measure/2 @1", kInit + "measure/10 @2",
                                                kInit + "measure/11 @3"}));
  ASSERT_FALSE(r.dependencies.empty());
  EXPECT_FALSE(r.dependencies[0].route.hops[0].forward);
  EXPECT_EQ(query::route_text(view, r.dependencies[0].route, test::kBase),
            "id:" + kInit + "measure/1 <--pol:dependsOn-- id:" + kInit + "measure/2");
  // A document can be depended on too.
  EXPECT_EQ(found(query::deps(view, v("doc/no-81-2015"), o)),
            (std::vector<std::string>{kInit + "measure/10 @1", kInit + "measure/11 @2"}));
}

TEST(Deps, CyclesAreReportedOnceInBothDirections) {
  const auto& view = test::traversal_view();
  for (bool reverse : {false, true}) {
    query::DepsOptions o;
    o.reverse = reverse;
    auto r = query::deps(view, v(kInit + "measure/5"), o);
    EXPECT_EQ(found(r), (std::vector<std::string>{kInit + "measure/4 @1"}));
    ASSERT_EQ(r.cycles.size(), 1u) << reverse;
    EXPECT_EQ(query::route_text(view, r.cycles[0], test::kBase),
              "id:" + kInit + "measure/4 --pol:dependsOn--> id:" + kInit + "measure/5 --pol:dependsOn--> id:" +
                  kInit + "measure/4");
  }
}

TEST(Deps, SelfDependencyIsACycle) {
  std::vector<rdf::Triple> t = {{rdf::Term::iri("http://e/a"), rdf::Term::iri(std::string(pol::dependsOn)),
                                 rdf::Term::iri("http://e/a")}};
  query::GraphView view(t);
  auto r = query::deps(view, *view.vertex("http://e/a"));
  EXPECT_TRUE(r.dependencies.empty());
  ASSERT_EQ(r.cycles.size(), 1u);
  EXPECT_EQ(r.cycles[0].size(), 1u);
}

}  // namespace
}  // namespace policykg
