// ontology/policykg.ttl: every contract term defined, documented and aligned.
#include <gtest/gtest.h>

#include <algorithm>

#include "ontology/terms.hpp"
#include "tests/ontology/ontology_graph.hpp"

namespace policykg {
namespace {

using test::has;
using test::objects;
using test::ontology;

const std::string kType = std::string(ns::kRdf) + "type";
const std::string kLabel = std::string(ns::kRdfs) + "label";
const std::string kComment = std::string(ns::kRdfs) + "comment";
const std::string kDomain = std::string(ns::kRdfs) + "domain";
const std::string kRange = std::string(ns::kRdfs) + "range";
const std::string kSubClassOf = std::string(ns::kRdfs) + "subClassOf";
const std::string kSubPropertyOf = std::string(ns::kRdfs) + "subPropertyOf";
const std::string kUnionOf = std::string(ns::kOwl) + "unionOf";

std::string std_iri(std::string_view ns_iri, std::string_view local) {
  return std::string(ns_iri) + std::string(local);
}

// The classes and pol: properties of CONTRACT.md, as the contract spells them.
const std::vector<std::string_view> kContractClasses = {
    pol::Document, pol::OfficialReply, pol::Plan,  pol::Provision, pol::Section, pol::Task,   pol::Initiative,
    pol::Measure,  pol::Agency,        pol::Place, pol::District,  pol::Zone,    pol::Region,
    pol::Infrastructure, pol::Event};
const std::vector<std::string_view> kContractProperties = {
    pol::position,    pol::number,         pol::text,        pol::sourceStart, pol::sourceEnd,
    pol::responsibleParty, pol::appliesTo, pol::mentions,    pol::locatedIn,   pol::approves,
    pol::hasAnnex,    pol::issuedBy,       pol::addressedTo, pol::publishedOn, pol::validFor,
    pol::references,  pol::keepsInForce,   pol::prevailsOver, pol::dependsOn,  pol::condition,
    pol::instrumentType, pol::sector,      pol::sourceDocument};

bool has_english(const std::vector<rdf::Term>& values) {
  return std::any_of(values.begin(), values.end(),
                     [](const rdf::Term& v) { return v.is_literal() && v.lang == "en" && !v.value.empty(); });
}

// The classes a domain or range names: the class itself or the members of its owl:unionOf.
std::set<std::string> classes_of(const rdf::Term& node) {
  if (node.is_iri()) return {node.value};
  std::set<std::string> out;
  for (const auto& head : objects(ontology(), node, kUnionOf))
    for (const auto& member : test::list(ontology(), head)) out.insert(member.value);
  return out;
}

std::set<std::string> single_class_set(const std::string& iri, std::string_view property) {
  auto values = objects(ontology(), iri, property);
  if (values.size() != 1) return {};
  return classes_of(values.front());
}

TEST(PolicykgTtl, ParsesWithRedland) { EXPECT_GT(ontology().size(), 300u); }

TEST(PolicykgTtl, CarriesOntologyMetadata) {
  const std::string o(ns::kOntology);
  EXPECT_TRUE(has(ontology(), o, kType, std_iri(ns::kOwl, "Ontology")));
  for (auto p : {std_iri(ns::kOwl, "versionInfo"), std_iri(ns::kOwl, "versionIRI"), std_iri(ns::kDcterms, "title"),
                 std_iri(ns::kDcterms, "description"), std_iri(ns::kDcterms, "license"),
                 std_iri(ns::kDcterms, "created"), kLabel, kComment})
    EXPECT_EQ(objects(ontology(), o, p).size(), 1u) << p;
  auto prefix = objects(ontology(), o, std_iri(ns::kVann, "preferredNamespacePrefix"));
  ASSERT_EQ(prefix.size(), 1u);
  EXPECT_EQ(prefix.front().value, "pol");
  auto uri = objects(ontology(), o, std_iri(ns::kVann, "preferredNamespaceUri"));
  ASSERT_EQ(uri.size(), 1u);
  EXPECT_EQ(uri.front().value, ns::kPol);
}

TEST(PolicykgTtl, EveryContractClassIsAnOwlClassWithLabelAndComment) {
  for (auto cls : kContractClasses) {
    SCOPED_TRACE(std::string(cls));
    EXPECT_TRUE(has(ontology(), cls, kType, std_iri(ns::kOwl, "Class")));
    EXPECT_TRUE(has_english(objects(ontology(), cls, kLabel)));
    EXPECT_TRUE(has_english(objects(ontology(), cls, kComment)));
  }
}

TEST(PolicykgTtl, EveryContractPropertyHasLabelCommentDomainAndRange) {
  auto object_properties = test::pol_properties(true, false);
  auto datatype_properties = test::pol_properties(false, true);
  for (auto p : kContractProperties) {
    SCOPED_TRACE(std::string(p));
    std::string iri(p);
    EXPECT_TRUE(object_properties.contains(iri) != datatype_properties.contains(iri));
    EXPECT_TRUE(has_english(objects(ontology(), p, kLabel)));
    EXPECT_TRUE(has_english(objects(ontology(), p, kComment)));
    EXPECT_EQ(objects(ontology(), p, kDomain).size(), 1u);
    EXPECT_EQ(objects(ontology(), p, kRange).size(), 1u);
    EXPECT_FALSE(single_class_set(iri, kDomain).empty());
    EXPECT_FALSE(single_class_set(iri, kRange).empty());
  }
}

TEST(PolicykgTtl, DomainsAndRangesFollowTheContract) {
  const std::set<std::string> units = {std::string(pol::Provision), std::string(pol::Section),
                                       std::string(pol::Task), std::string(pol::Initiative),
                                       std::string(pol::Measure), std::string(pol::Statement)};
  auto with = [](std::set<std::string> s, std::initializer_list<std::string_view> more) {
    for (auto m : more) s.insert(std::string(m));
    return s;
  };
  auto xsd = [](std::string_view local) { return std::set<std::string>{std_iri(ns::kXsd, local)}; };
  auto one = [](std::string_view c) { return std::set<std::string>{std::string(c)}; };
  struct Expect {
    std::string_view property;
    std::set<std::string> domain, range;
  };
  const std::string concept_class = std_iri(ns::kSkos, "Concept");
  const std::vector<Expect> expected = {
      {pol::position, units, xsd("integer")},
      {pol::number, units, xsd("string")},
      {pol::text, units, xsd("string")},
      {pol::sourceStart, units, xsd("integer")},
      {pol::sourceEnd, units, xsd("integer")},
      {pol::sourceDocument, units, with({}, {pol::Document, std_terms::eli_LegalExpression})},  // widened: translations
      {pol::sha256, one(std_terms::eli_LegalExpression), xsd("string")},
      {pol::builderVersion, one(std_terms::eli_LegalExpression), xsd("string")},
      {pol::responsibleParty, with(units, {pol::Document}), with({}, {pol::Agency, pol::District})},
      {pol::appliesTo, units, one(pol::Place)},
      {pol::excludes, units, one(pol::Place)},
      {pol::locatedIn, one(pol::Zone), with({}, {pol::District, pol::Region})},
      {pol::approves, one(pol::OfficialReply), one(pol::Plan)},
      {pol::hasAnnex, one(pol::Document), one(pol::Document)},
      {pol::issuedBy, one(pol::Document), one(pol::Agency)},
      {pol::addressedTo, one(pol::OfficialReply), one(pol::Agency)},
      {pol::publishedOn, one(pol::Document), xsd("date")},
      {pol::validFor, one(pol::Document), xsd("duration")},
      {pol::references, with(units, {pol::Document}), one(pol::Document)},
      {pol::keepsInForce, one(pol::Document), one(pol::Document)},
      {pol::prevailsOver, one(pol::Document), one(pol::Document)},
      {pol::dependsOn, one(pol::Measure), with({}, {pol::Measure, pol::Document, pol::Infrastructure, pol::Zone})},  // widened
      {pol::condition, one(pol::Measure), xsd("string")},
      {pol::instrumentType, one(pol::Measure), {concept_class}},
      {pol::sector, one(pol::Measure), {concept_class}},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(std::string(e.property));
    EXPECT_EQ(single_class_set(std::string(e.property), kDomain), e.domain);
    EXPECT_EQ(single_class_set(std::string(e.property), kRange), e.range);
  }
}

TEST(PolicykgTtl, ClassHierarchyAndAlignments) {
  struct Axiom {
    std::string_view sub;
    std::string relation;
    std::string super;
  };
  const std::vector<Axiom> axioms = {
      {pol::OfficialReply, kSubClassOf, std::string(pol::Document)},
      {pol::Plan, kSubClassOf, std::string(pol::Document)},
      {pol::District, kSubClassOf, std::string(pol::Place)},
      {pol::Zone, kSubClassOf, std::string(pol::Place)},
      {pol::Region, kSubClassOf, std::string(pol::Place)},
      {pol::Agency, kSubClassOf, std_iri(ns::kOrg, "Organization")},
      {pol::Document, kSubClassOf, std_iri(ns::kEli, "LegalResource")},
      {pol::Provision, kSubClassOf, std_iri(ns::kEli, "LegalResourceSubdivision")},
      {pol::Section, kSubClassOf, std_iri(ns::kEli, "LegalResourceSubdivision")},
      {pol::Task, kSubClassOf, std_iri(ns::kEli, "LegalResourceSubdivision")},
      {pol::Initiative, kSubClassOf, std_iri(ns::kEli, "LegalResourceSubdivision")},
      {pol::Measure, kSubClassOf, std_iri(ns::kEli, "LegalResourceSubdivision")},
      {pol::Place, kSubClassOf, std_iri(ns::kSchema, "Place")},
      {pol::responsibleParty, kSubPropertyOf, std_iri(ns::kEli, "responsibility_of_agent")},
      {pol::issuedBy, kSubPropertyOf, std_iri(ns::kEli, "passed_by")},
      {pol::hasAnnex, kSubPropertyOf, std_iri(ns::kEli, "has_annex")},
      {pol::references, kSubPropertyOf, std_iri(ns::kEli, "cites")},
      {pol::appliesTo, kSubPropertyOf, std_iri(ns::kEli, "relevant_for")},
      {pol::mentions, kSubPropertyOf, std_iri(ns::kSchema, "mentions")},
      {pol::dependsOn, kSubPropertyOf, std_iri(ns::kDcterms, "requires")},
  };
  for (const auto& a : axioms)
    EXPECT_TRUE(has(ontology(), a.sub, a.relation, a.super)) << a.sub << " " << a.relation << " " << a.super;
  // The object property, not the string-valued eli:responsibility_of.
  EXPECT_FALSE(has(ontology(), pol::responsibleParty, kSubPropertyOf, std_iri(ns::kEli, "responsibility_of")));
}

TEST(PolicykgTtl, ConceptSchemesAreCompleteSkos) {
  const std::string concept_class = std_iri(ns::kSkos, "Concept");
  for (auto scheme : {pol::InstrumentTypes, pol::Sectors}) {
    SCOPED_TRACE(std::string(scheme));
    EXPECT_TRUE(has(ontology(), scheme, kType, std_iri(ns::kSkos, "ConceptScheme")));
    EXPECT_TRUE(has_english(objects(ontology(), scheme, std_iri(ns::kSkos, "prefLabel"))));
    EXPECT_TRUE(has_english(objects(ontology(), scheme, kLabel)));
    EXPECT_TRUE(has_english(objects(ontology(), scheme, kComment)));
    auto members = ontology().find({std::nullopt, rdf::Term::iri(std_iri(ns::kSkos, "inScheme")),
                                    rdf::Term::iri(std::string(scheme))});
    EXPECT_GE(members.size(), 3u);
    for (const auto& m : members) {
      SCOPED_TRACE(m.s.value);
      EXPECT_TRUE(has(ontology(), m.s.value, kType, concept_class));
      EXPECT_TRUE(has(ontology(), m.s.value, std_iri(ns::kSkos, "topConceptOf"), scheme));
      EXPECT_TRUE(has(ontology(), scheme, std_iri(ns::kSkos, "hasTopConcept"), m.s.value));
      EXPECT_EQ(objects(ontology(), m.s.value, std_iri(ns::kSkos, "prefLabel")).size(), 1u);
      EXPECT_TRUE(has_english(objects(ontology(), m.s.value, std_iri(ns::kSkos, "definition"))));
    }
  }
  for (auto c : {pol::instrument_supply_side, pol::instrument_demand_side, pol::instrument_environmental})
    EXPECT_TRUE(has(ontology(), c, std_iri(ns::kSkos, "inScheme"), pol::InstrumentTypes)) << c;
  EXPECT_EQ(ontology()
                .find({std::nullopt, rdf::Term::iri(std_iri(ns::kSkos, "inScheme")),
                       rdf::Term::iri(std::string(pol::InstrumentTypes))})
                .size(),
            3u);
}

TEST(PolicykgTtl, EveryPolTermIsDocumented) {
  for (const auto& iri : test::defined_pol_terms()) {
    SCOPED_TRACE(iri);
    EXPECT_TRUE(has_english(objects(ontology(), iri, kLabel)));
    bool concept_term = has(ontology(), iri, kType, std_iri(ns::kSkos, "Concept"));
    EXPECT_TRUE(has_english(objects(ontology(), iri, concept_term ? std_iri(ns::kSkos, "definition") : kComment)));
  }
}

}  // namespace
}  // namespace policykg
