#include <gtest/gtest.h>

#include <set>

#include "ontology/terms.hpp"
#include "query/prefixes.hpp"
#include "query/traversal/route.hpp"

using namespace policykg;

TEST(Prefixes, TheProjectsPrefixesFoafAndIdForTheBase) {
  auto all = query::predefined_prefixes("http://ex/id/");
  std::set<std::string> names;
  for (const auto& p : all) EXPECT_TRUE(names.insert(p.prefix).second) << "twice: " << p.prefix;
  for (const auto& p : ns::kPrefixes) EXPECT_EQ(query::predefined_namespace(p.prefix, "http://ex/id/"), p.iri);
  EXPECT_EQ(query::predefined_namespace("id", "http://ex/id/"), "http://ex/id/");
  EXPECT_EQ(query::predefined_namespace("id", ""), ns::kDefaultBase);
  EXPECT_EQ(query::predefined_namespace("foaf", ""), "http://xmlns.com/foaf/0.1/");
  EXPECT_EQ(query::predefined_namespace("nope", ""), "");
  EXPECT_EQ(query::predefined_prefix_map("http://ex/id/").size(), all.size());
}

TEST(Prefixes, CompactIriUsesThem) {
  EXPECT_EQ(query::compact_iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://ex/id/"), "rdf:type");
  EXPECT_EQ(query::compact_iri("https://w3id.org/policykg/ontology#District", "http://ex/id/"), "pol:District");
  EXPECT_EQ(query::compact_iri("http://ex/id/district/xicheng", "http://ex/id/"), "id:district/xicheng");
  EXPECT_EQ(query::compact_iri("http://xmlns.com/foaf/0.1/name", ""), "foaf:name");
  EXPECT_EQ(query::compact_iri("http://elsewhere/x", "http://ex/id/"), "<http://elsewhere/x>");
}
