// The default picture: typology and source documents as node attributes, chosen predicates as
// edges, concepts typed by their scheme, no isolated node.
#include <gtest/gtest.h>

#include "export/attribute_schema.hpp"
#include "export/export.hpp"
#include "ontology/terms.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using rdf::Term;

const std::string kId = test::kIdBase;
const std::string kPol = test::kPolNs;

rdf::Triple link(const std::string& s, std::string_view p, const std::string& o) {
  return {Term::iri(kId + s), Term::iri(std::string(p)), Term::iri(o.starts_with("http") ? o : kId + o)};
}

std::vector<rdf::Triple> picture_sample() {
  const std::string type(std_terms::rdf_type), label(std_terms::rdfs_label);
  return {
      {Term::iri(kId + "doc/plan"), Term::iri(type), Term::iri(std::string(pol::Plan))},
      {Term::iri(kId + "doc/plan"), Term::iri(label), Term::lang_literal("The plan", "en")},
      {Term::iri(kId + "doc/plan/m/1"), Term::iri(type), Term::iri(std::string(pol::Measure))},
      link("doc/plan/m/1", std_terms::dcterms_isPartOf, "doc/plan"),
      link("doc/plan/m/1", pol::sourceDocument, "doc/plan"),
      link("doc/plan/m/1", pol::sector, std::string(pol::sector_finance)),
      link("doc/plan/m/1", pol::sector, std::string(pol::sector_culture)),
      link("doc/plan/m/1", pol::mentions, "agency/lonely"),
      {Term::iri(kId + "agency/lonely"), Term::iri(type), Term::iri(std::string(pol::Agency))},
  };
}

const std::map<std::string, std::string, std::less<>> kLabels = {{std::string(pol::sector_finance), "finance"},
                                                                  {std::string(pol::sector_culture), "culture"}};
const std::map<std::string, std::string, std::less<>> kSchemes = {
    {std::string(pol::sector_finance), std::string(pol::Sectors)},
    {std::string(pol::sector_culture), std::string(pol::Sectors)}};

TEST(Picture, TypologyAndSourceDocumentBecomeAttributes) {
  PictureOptions options;
  options.labels = &kLabels;
  options.schemes = &kSchemes;
  auto triples = picture_triples(picture_sample(), options);
  query::ViewOptions filters;
  filters.predicates.insert(picture_predicates().begin(), picture_predicates().end());
  query::GraphView view = without_isolated(query::GraphView(triples, filters));
  // Edges: only isPartOf; the lonely agency (mentioned only) is gone, concepts were never nodes.
  EXPECT_EQ(test::view_edges(view),
            (std::set<std::tuple<std::string, std::string, std::string>>{
                {kId + "doc/plan/m/1", std::string(std_terms::dcterms_isPartOf), kId + "doc/plan"}}));
  EXPECT_EQ(view.node_count(), 2u);
  auto m = view.vertex(kId + "doc/plan/m/1");
  ASSERT_TRUE(m);
  auto sectors = view.attribute(*m, pol::sector);
  ASSERT_EQ(sectors.size(), 2u);
  EXPECT_EQ(sectors[0].value, "culture");
  EXPECT_EQ(sectors[1].value, "finance");
  ASSERT_EQ(view.attribute(*m, pol::sourceDocument).size(), 1u);
  EXPECT_EQ(view.attribute(*m, pol::sourceDocument)[0].value, "The plan");  // the document's own label

  // Read back by NetworkX: the sector is a node attribute, no edge is a sourceDocument.
  auto g = test::read_with_networkx("graphml", to_graphml(view));
  bool seen = false;
  for (const auto& [id, node] : g["nodes"].items()) {
    if (node["iri"] != kId + "doc/plan/m/1") continue;
    seen = true;
    EXPECT_EQ(node["sector"], "culture; finance");
  }
  EXPECT_TRUE(seen);
  for (const auto& e : g["edges"]) EXPECT_NE(e[2]["predicate"], std::string(pol::sourceDocument));
}

TEST(Picture, EveryPredicateTypesConceptsByTheirScheme) {
  PictureOptions options;
  options.links_as_attributes = false;
  options.labels = &kLabels;
  options.schemes = &kSchemes;
  query::GraphView view(picture_triples(picture_sample(), options));
  EXPECT_EQ(view.edge_count(), 5u);  // isPartOf, sourceDocument, two sectors, mentions
  auto finance = view.vertex(std::string(pol::sector_finance));
  ASSERT_TRUE(finance);
  EXPECT_EQ(view.node(*finance).cls, pol::Sectors);
  EXPECT_EQ(class_label(view.node(*finance).cls), "Sector");
  EXPECT_EQ(class_label(pol::InstrumentTypes), "InstrumentType");
  EXPECT_EQ(class_label(""), "Resource");
  // Without schemes the concept stays untyped.
  options.schemes = nullptr;
  query::GraphView plain(picture_triples(picture_sample(), options));
  EXPECT_EQ(plain.node(*plain.vertex(std::string(pol::sector_finance))).cls, "");
  // The lonely agency is kept unless asked.
  EXPECT_TRUE(plain.vertex(kId + "agency/lonely"));
  query::ViewOptions only_part_of;
  only_part_of.predicates = {std::string(std_terms::dcterms_isPartOf)};
  query::GraphView filtered(picture_triples(picture_sample(), options), only_part_of);
  EXPECT_TRUE(filtered.vertex(kId + "agency/lonely"));
  EXPECT_FALSE(without_isolated(filtered).vertex(kId + "agency/lonely"));
}

TEST(Picture, TheOntologysConceptsHaveTheirSchemes) {
  const auto& schemes = ontology_concept_schemes();
  EXPECT_EQ(schemes.at(std::string(pol::sector_finance)), pol::Sectors);
  bool instrument = false;
  for (const auto& [concept_iri, scheme] : schemes) instrument |= scheme == pol::InstrumentTypes;
  EXPECT_TRUE(instrument);
  for (const auto& p : picture_predicates()) EXPECT_FALSE(attribute_predicates().count(p)) << p;
}

}  // namespace
}  // namespace policykg::exports
