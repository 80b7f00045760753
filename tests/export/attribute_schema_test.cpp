#include "export/attribute_schema.hpp"

#include <gtest/gtest.h>

#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using test::kPolNs;

const Attribute& find(const AttributeSchema& s, const std::string& predicate) {
  auto it = s.by_predicate.find(predicate);
  if (it == s.by_predicate.end()) throw std::runtime_error("no attribute " + predicate);
  return s.attributes[it->second];
}

TEST(AttributeSchema, TypesFollowTheDatatypes) {
  auto view = test::fixture_view();
  auto s = attribute_schema(view);
  EXPECT_EQ(find(s, std::string(kPolNs) + "position").type, ValueType::Int);
  EXPECT_EQ(find(s, std::string(kPolNs) + "sourceStart").type, ValueType::Int);
  EXPECT_EQ(find(s, std::string(kPolNs) + "publishedOn").type, ValueType::Date);
  EXPECT_EQ(find(s, std::string(kPolNs) + "validFor").type, ValueType::Duration);
  EXPECT_EQ(find(s, std::string(kPolNs) + "text").type, ValueType::String);
  EXPECT_EQ(find(s, "http://example.org/test#weight").type, ValueType::Double);
  EXPECT_EQ(find(s, "http://example.org/test#pilot").type, ValueType::Boolean);
  EXPECT_EQ(find(s, "http://example.org/test#big").type, ValueType::Long);  // beyond 32 bits
}

TEST(AttributeSchema, NamesAreLocalUnlessReservedOrShared) {
  auto s = attribute_schema(test::fixture_view());
  EXPECT_EQ(find(s, std::string(kPolNs) + "text").name, "text");
  EXPECT_EQ(find(s, "http://purl.org/dc/terms/issued").name, "issued");
  // "label" is the node's own label column, so rdfs:label keeps its prefix.
  EXPECT_EQ(find(s, "http://www.w3.org/2000/01/rdf-schema#label").name, "rdfs_label");
}

TEST(AttributeSchema, SeveralValuesMakeAListAndMixedTypesAString) {
  auto s = attribute_schema(test::fixture_view());
  EXPECT_TRUE(find(s, "http://www.w3.org/2004/02/skos/core#altLabel").multi);
  EXPECT_FALSE(find(s, std::string(kPolNs) + "text").multi);

  std::vector<rdf::Triple> ts = {
      {rdf::Term::iri("http://x/a"), rdf::Term::iri("http://x/p"), rdf::Term::integer(3)},
      {rdf::Term::iri("http://x/b"), rdf::Term::iri("http://x/p"), rdf::Term::xsd("2020-01-01", "date")},
      {rdf::Term::iri("http://x/a"), rdf::Term::iri("http://y/p"), rdf::Term::xsd("not a number", "integer")},
  };
  auto mixed = attribute_schema(query::GraphView(ts));
  EXPECT_EQ(find(mixed, "http://x/p").type, ValueType::String);
  EXPECT_EQ(find(mixed, "http://x/p").name, "p_1") << "both predicates end in p";
  EXPECT_EQ(find(mixed, "http://y/p").name, "p_2");
  EXPECT_EQ(find(mixed, "http://y/p").type, ValueType::String) << "an ill-typed literal is text";
}

TEST(AttributeSchema, TextOfTypedValues) {
  Attribute flag{"p", "p", "", ValueType::Boolean, false};
  EXPECT_EQ(attribute_text({rdf::Term::xsd("1", "boolean")}, flag), "true");
  Attribute list{"p", "p", "", ValueType::String, true};
  EXPECT_EQ(attribute_text({rdf::Term::literal("a"), rdf::Term::literal("b")}, list, ";"), "a;b");
  EXPECT_EQ(compact_iri("https://w3id.org/policykg/id/zone/x", test::kIdBase), "id:zone/x");
  EXPECT_EQ(compact_iri(std::string(kPolNs) + "Measure", ""), "pol:Measure");
  EXPECT_EQ(class_label(""), "Resource");
  EXPECT_EQ(local_name("http://purl.org/dc/terms/isPartOf"), "isPartOf");
}

}  // namespace
}  // namespace policykg::exports
