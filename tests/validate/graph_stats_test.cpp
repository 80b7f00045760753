// validate/graph_stats: counts by class and property, sorted deterministically.
#include <gtest/gtest.h>

#include "tests/validate/constraint_cases.hpp"
#include "tests/validate/validate_fixture.hpp"
#include "validate/graph_stats.hpp"

namespace policykg {
namespace {

TEST(GraphStats, CountsClassesAndProperties) {
  auto m = test::turtle(std::string(test::kPrefixes) +
                        "ex:a a ex:T ; ex:p 1, 2 .\nex:b a ex:T, ex:U ; ex:q 1 .\nex:c ex:p 3 .");
  auto s = validate::graph_stats(m);
  EXPECT_EQ(s.triples, 7u);
  EXPECT_EQ(s.subjects, 3u);
  EXPECT_EQ(s.instances, 2u);
  ASSERT_EQ(s.classes.size(), 2u);
  EXPECT_EQ(s.classes[0].iri, "http://example.org/T");
  EXPECT_EQ(s.classes[0].count, 2u);
  EXPECT_EQ(s.classes[1].iri, "http://example.org/U");
  ASSERT_EQ(s.properties.size(), 3u);
  // Most first; ties by IRI.
  EXPECT_EQ(s.properties[0].iri, "http://example.org/p");
  EXPECT_EQ(s.properties[0].count, 3u);
  EXPECT_EQ(s.properties[1].iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  EXPECT_EQ(s.properties[1].count, 3u);
  EXPECT_EQ(s.properties[2].iri, "http://example.org/q");
}

TEST(GraphStats, TableAndJson) {
  auto m = test::turtle(std::string(test::kPrefixes) + "ex:a a <https://w3id.org/policykg/ontology#Measure> .");
  auto s = validate::graph_stats(m);
  auto table = validate::to_table(s, "http://example.org/");
  EXPECT_NE(table.find("triples    1\n"), std::string::npos) << table;
  EXPECT_NE(table.find("classes (1)\n  1  pol:Measure\n"), std::string::npos) << table;
  EXPECT_NE(table.find("properties (1)\n  1  rdf:type\n"), std::string::npos) << table;
  auto j = validate::to_json(s);
  EXPECT_EQ(j["triples"], 1);
  EXPECT_EQ(j["classes"][0]["iri"], "https://w3id.org/policykg/ontology#Measure");
  EXPECT_EQ(j["classes"][0]["count"], 1);
}

}  // namespace
}  // namespace policykg
