// What a picture draws by default: the links that give a drawing its shape, typology and source
// documents as node attributes, concepts typed by their scheme, and no isolated nodes.
#include <algorithm>
#include <mutex>
#include <set>

#include "export/export.hpp"
#include "ontology/files.hpp"
#include "ontology/terms.hpp"
#include "rdf/model.hpp"

namespace policykg::exports {

const std::set<std::string, std::less<>>& picture_predicates() {
  static const std::set<std::string, std::less<>> predicates = {
      // structure
      std::string(std_terms::dcterms_isPartOf), std::string(pol::hasAnnex), std::string(pol::approves),
      // responsibility
      std::string(pol::responsibleParty), std::string(pol::issuedBy), std::string(pol::addressedTo),
      std::string(std_terms::org_subOrganizationOf),
      // place
      std::string(pol::appliesTo), std::string(pol::locatedIn),
      // dependency
      std::string(pol::dependsOn),
      // citation and force
      std::string(pol::references), std::string(pol::keepsInForce), std::string(pol::prevailsOver),
  };
  return predicates;
}

const std::set<std::string, std::less<>>& attribute_predicates() {
  static const std::set<std::string, std::less<>> predicates = {
      std::string(pol::sector), std::string(pol::instrumentType), std::string(pol::sourceDocument)};
  return predicates;
}

const std::map<std::string, std::string, std::less<>>& ontology_concept_schemes() {
  static std::map<std::string, std::string, std::less<>> schemes;
  static std::once_flag once;
  std::call_once(once, [] {
    rdf::Model model;
    model.load_file(ontology::ontology_file());
    rdf::Pattern pattern;
    pattern.p = rdf::Term::iri(std::string(std_terms::skos_inScheme));
    // A concept in several schemes (none in the ontology today) keeps the first in sorted order.
    for (const auto& t : model.find(pattern))
      if (t.s.is_iri() && t.o.is_iri()) {
        auto [it, inserted] = schemes.try_emplace(t.s.value, t.o.value);
        if (!inserted && t.o.value < it->second) it->second = t.o.value;
      }
  });
  return schemes;
}

std::vector<rdf::Triple> picture_triples(const std::vector<rdf::Triple>& triples, const PictureOptions& options) {
  const std::string rdfs_label(std_terms::rdfs_label);
  const std::string rdf_type(std_terms::rdf_type);
  std::map<std::string, std::string> data_labels;  // first sorted rdfs:label of each IRI in the data
  std::set<std::string> typed;
  for (const auto& t : triples) {
    if (t.p.value == rdfs_label && t.o.is_literal() && t.s.is_iri()) {
      auto [it, inserted] = data_labels.try_emplace(t.s.value, t.o.value);
      if (!inserted && t.o.value < it->second) it->second = t.o.value;
    }
    if (t.p.value == rdf_type) typed.insert(t.s.value);
  }
  auto label_of = [&](const std::string& iri) {
    if (auto it = data_labels.find(iri); it != data_labels.end()) return it->second;
    if (options.labels)
      if (auto it = options.labels->find(iri); it != options.labels->end()) return it->second;
    return iri;
  };

  std::vector<rdf::Triple> out;
  out.reserve(triples.size());
  std::set<std::string> concepts;
  for (const auto& t : triples) {
    if (options.links_as_attributes && t.o.is_iri() && attribute_predicates().count(t.p.value)) {
      out.push_back({t.s, t.p, rdf::Term::literal(label_of(t.o.value))});
      continue;
    }
    out.push_back(t);
    if (options.schemes && t.o.is_iri() && !typed.count(t.o.value) && options.schemes->count(t.o.value))
      concepts.insert(t.o.value);
  }
  for (const auto& c : concepts)
    out.push_back({rdf::Term::iri(c), rdf::Term::iri(rdf_type), rdf::Term::iri(options.schemes->at(c))});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

query::GraphView without_isolated(const query::GraphView& view) {
  const auto& g = view.graph();
  std::set<query::Vertex> keep;
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    if (boost::out_degree(*v, g) + boost::in_degree(*v, g) > 0) keep.insert(*v);
  return query::subgraph(view, keep);
}

}  // namespace policykg::exports
