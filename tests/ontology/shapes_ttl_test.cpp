// ontology/shapes.ttl: parses, covers every class, and names only terms the ontology defines.
#include <gtest/gtest.h>

#include "ontology/terms.hpp"
#include "tests/ontology/ontology_graph.hpp"

namespace policykg {
namespace {

const std::string kTargetClass = std::string(ns::kSh) + "targetClass";

TEST(ShapesTtl, ParsesWithRedland) { EXPECT_GT(test::shapes().size(), 100u); }

TEST(ShapesTtl, EveryClassIsTargetedDirectlyOrThroughASuperclass) {
  std::set<std::string> targeted;
  for (const auto& t : test::shapes().find({std::nullopt, rdf::Term::iri(kTargetClass), std::nullopt}))
    targeted.insert(t.o.value);
  const std::string sub_class_of = std::string(ns::kRdfs) + "subClassOf";
  for (auto cls : {pol::Document, pol::OfficialReply, pol::Plan, pol::Provision, pol::Section, pol::Task,
                   pol::Initiative, pol::Measure, pol::Agency, pol::Place, pol::District, pol::Zone, pol::Region,
                   pol::Infrastructure, pol::Event}) {
    bool covered = targeted.contains(std::string(cls));
    for (const auto& super : test::objects(test::ontology(), cls, sub_class_of))
      covered = covered || targeted.contains(super.value);
    EXPECT_TRUE(covered) << cls;
  }
}

TEST(ShapesTtl, NamesOnlyDefinedPolTerms) {
  auto defined = test::defined_pol_terms();
  for (const auto& t : test::shapes().sorted_triples())
    for (const auto* term : {&t.s, &t.p, &t.o})
      if (term->is_iri() && term->value.starts_with(ns::kPol)) {
        EXPECT_TRUE(defined.contains(term->value)) << term->value << " is not defined in policykg.ttl";
      }
}

TEST(ShapesTtl, InstrumentTypeAndSectorValuesAreTheSchemesConcepts) {
  // The sh:in lists of the measure shape list exactly the concepts of the two schemes.
  const std::string in = std::string(ns::kSh) + "in";
  const std::string path = std::string(ns::kSh) + "path";
  const std::string in_scheme = std::string(ns::kSkos) + "inScheme";
  for (auto [property, scheme] : {std::pair{pol::instrumentType, pol::InstrumentTypes}, std::pair{pol::sector, pol::Sectors}}) {
    SCOPED_TRACE(std::string(property));
    std::set<std::string> listed;
    for (const auto& t : test::shapes().find({std::nullopt, rdf::Term::iri(path), rdf::Term::iri(std::string(property))}))
      for (const auto& head : test::objects(test::shapes(), t.s, in))
        for (const auto& m : test::list(test::shapes(), head)) listed.insert(m.value);
    std::set<std::string> concepts;
    for (const auto& t : test::ontology().find({std::nullopt, rdf::Term::iri(in_scheme), rdf::Term::iri(std::string(scheme))}))
      concepts.insert(t.s.value);
    EXPECT_EQ(listed, concepts);
  }
}

}  // namespace
}  // namespace policykg
