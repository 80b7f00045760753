// The RDF behind a view, and its JSON-LD read back by a standard JSON-LD processor (the npm
// jsonld package, URDNA2015) as the same graph as the N-Triples.
#include <gtest/gtest.h>

#include <algorithm>

#include "export/export.hpp"
#include "rdf/model.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using test::kIdBase;

TEST(ViewTriples, TheWholeViewIsTheWholeGraph) {
  auto triples = test::fixture_triples();
  EXPECT_EQ(view_triples(triples, query::GraphView(triples)), triples);
}

TEST(ViewTriples, ANeighbourhoodKeepsItsNodesAndEdgesOnly) {
  auto triples = test::fixture_triples();
  query::GraphView all(triples);
  auto zone = all.vertex(std::string(kIdBase) + "zone/zhongguancun");
  ASSERT_TRUE(zone);
  auto near = query::neighbourhood(all, *zone, 1);
  auto kept = view_triples(triples, near);
  auto has = [&](const std::string& s, const std::string& p) {
    return std::any_of(kept.begin(), kept.end(), [&](const rdf::Triple& t) {
      return t.s.value == std::string(kIdBase) + s && t.p.value.ends_with(p);
    });
  };
  EXPECT_TRUE(has("doc/plan/task/7/measure/1", "#appliesTo"));
  EXPECT_TRUE(has("doc/plan/task/7/measure/1", "#text"));
  EXPECT_TRUE(has("zone/zhongguancun", "#locatedIn"));
  EXPECT_FALSE(has("doc/reply", "title")) << "two hops away";
  EXPECT_FALSE(has("doc/plan/task/7/measure/1", "#responsibleParty")) << "Beijing is two hops away";
  EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
}

TEST(ViewTriples, AJsonLdProcessorReadsTheSameGraph) {
  // The neighbourhood of the measure: what `export --format jsonld --focus` writes.
  auto all_triples = test::fixture_triples();
  query::GraphView all(all_triples);
  auto triples = view_triples(all_triples, query::neighbourhood(all, *all.vertex(std::string(kIdBase) + "doc/plan/task/7/measure/1"), 1));
  ASSERT_LT(triples.size(), all_triples.size());
  test::TempDir dir;
  auto jsonld = dir.write("g.jsonld", rdf::serialize(triples, rdf::Format::JsonLd, kIdBase));
  auto nt = dir.write("g.nt", rdf::serialize(triples, rdf::Format::NTriples, kIdBase));
  auto canon = [](const std::filesystem::path& f) {
    auto r = test::run_command("node " + test::quote((test::kJsTools / "canonize.mjs").string()) + " " +
                               test::quote(f.string()));
    EXPECT_EQ(r.status, 0);
    return r.out;
  };
  std::string from_nt = canon(nt);
  EXPECT_FALSE(from_nt.empty());
  EXPECT_EQ(canon(jsonld), from_nt);
  EXPECT_NE(test::run_command("grep -c '\"@context\"' " + test::quote(jsonld.string())).out, "0\n");
}

}  // namespace
}  // namespace policykg::exports
