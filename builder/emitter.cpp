// Emitter: one function per kind of subject; IRIs are base + IRI path, labels English.
#include "builder/emitter.hpp"

#include <algorithm>

#include "ontology/terms.hpp"

namespace policykg::builder {

namespace {

constexpr rdf::Graph::Id kUnset = UINT32_MAX;
/// Integers below this (positions, most numbers) are made once.
constexpr std::size_t kSmallIntegers = 1024;

std::string_view class_of(UnitKind k) {
  switch (k) {
    case UnitKind::Provision: return pol::Provision;
    case UnitKind::Section: return pol::Section;
    case UnitKind::Task: return pol::Task;
    case UnitKind::Initiative: return pol::Initiative;
    case UnitKind::Measure: return pol::Measure;
  }
  return pol::Measure;
}

std::string_view class_of(EntityKind k) {
  switch (k) {
    case EntityKind::Agency: return pol::Agency;
    case EntityKind::District: return pol::District;
    case EntityKind::Zone: return pol::Zone;
    case EntityKind::Region: return pol::Region;
    case EntityKind::Infrastructure: return pol::Infrastructure;
  }
  return pol::Agency;
}

// The term cached under `r`, made by `make` the first time.
template <class Make>
rdf::Graph::Id cached(std::vector<rdf::Graph::Id>& cache, std::size_t r, Make&& make) {
  if (r >= cache.size()) cache.resize(std::max(r + 1, cache.size() * 2), kUnset);
  if (cache[r] == kUnset) cache[r] = make();
  return cache[r];
}

}  // namespace

Emitter::Emitter(std::string_view base, rdf::Graph& out)
    : base_(base), g_(out), integer_datatype_(std::string(rdf::kXsd) + "integer") {}

Emitter::Id Emitter::node(std::string_view path) {
  buffer_.assign(base_);
  buffer_ += path;
  return g_.iri(buffer_);
}

Emitter::Id Emitter::node(const Facts& facts, Ref r) {
  return cached(nodes_, r, [&] { return node(facts.nodes[r]); });
}

Emitter::Id Emitter::concept_term(const Facts& facts, Ref r) {
  return cached(concepts_, r, [&] { return g_.iri(ns::pol(facts.concepts[r])); });
}

Emitter::Id Emitter::literal(const Facts& facts, Ref r) {
  return cached(literals_, r, [&] { return g_.literal(facts.literals[r]); });
}

Emitter::Id Emitter::integer(std::size_t v) {
  auto make = [&] { return g_.literal(std::to_string(v), integer_datatype_); };
  return v < kSmallIntegers ? cached(small_integers_, v, make) : make();
}

void Emitter::links(Id s, Id p, const Facts& facts, const RefSet& refs) {
  for (Ref r : refs) g_.add(s, p, node(facts, r));
}

void Emitter::links(Id s, std::string_view p, const std::set<std::string>& paths) {
  const Id predicate = g_.iri(p);
  for (const auto& path : paths) g_.add(s, predicate, node(path));
}

void Emitter::units(const Facts& facts) {
  namespace st = std_terms;
  auto& g = g_;
  // The terms every unit uses, looked up once.
  const Id type = g.iri(st::rdf_type), label = g.iri(st::rdfs_label), part_of = g.iri(st::dcterms_isPartOf),
           source = g.iri(pol::sourceDocument), position = g.iri(pol::position), number = g.iri(pol::number),
           text = g.iri(pol::text), start = g.iri(pol::sourceStart), end = g.iri(pol::sourceEnd),
           responsible = g.iri(pol::responsibleParty), applies_to = g.iri(pol::appliesTo), excludes = g.iri(pol::excludes),
           mentions = g.iri(pol::mentions), references = g.iri(pol::references), depends_on = g.iri(pol::dependsOn),
           condition = g.iri(pol::condition), instrument = g.iri(pol::instrumentType), sector = g.iri(pol::sector);
  // Every unit's term first: a measure may depend on one that comes after it.
  unit_terms_.clear();
  for (const auto& u : facts.units) unit_terms_.push_back(node(u.id));
  for (std::size_t i = 0; i < facts.units.size(); ++i) {
    const UnitFacts& u = facts.units[i];
    const Id s = unit_terms_[i];
    g.add(s, type, g.iri(u.statement ? pol::Statement : class_of(u.kind)));
    g.add(s, label, g.literal(u.label, {}, "en"));
    const Id document = node(facts, u.document);
    g.add(s, part_of, u.parent == UnitFacts::kNoUnit ? document : unit_terms_[u.parent]);
    g.add(s, source, document);
    g.add(s, position, integer(u.position));
    if (!u.number.empty()) g.add(s, number, g.literal(u.number));
    g.add(s, text, g.literal(u.text));
    g.add(s, start, integer(u.start));
    g.add(s, end, integer(u.end));
    links(s, responsible, facts, u.responsible);
    links(s, applies_to, facts, u.applies_to);
    links(s, excludes, facts, u.excludes);
    links(s, mentions, facts, u.mentions);
    links(s, references, facts, u.references);
    links(s, depends_on, facts, u.depends_on);
    for (std::size_t k : u.depends_on_units) g.add(s, depends_on, unit_terms_[k]);
    for (Ref c : u.conditions) g.add(s, condition, literal(facts, c));
    if (u.instrument != UnitFacts::kNoRef) g.add(s, instrument, concept_term(facts, u.instrument));
    for (Ref c : u.sectors) g.add(s, sector, concept_term(facts, c));
  }
}

void Emitter::documents_and_entities(const Facts& facts) {
  namespace st = std_terms;
  auto& g = g_;
  const Id type = g.iri(st::rdf_type), label = g.iri(st::rdfs_label);
  const std::string date = std::string(rdf::kXsd) + "date", duration = std::string(rdf::kXsd) + "duration";
  for (const auto& [id, d] : facts.documents) {
    const Id s = node(id);
    g.add(s, type, g.iri(pol::Document));
    if (d.type != "Document") g.add(s, type, g.iri(ns::pol(d.type)));
    const std::string& name = !d.label.empty() ? d.label : !d.title.empty() ? d.title : !d.identifier.empty() ? d.identifier : id;
    g.add(s, label, g.literal(name, {}, "en"));
    if (!d.title.empty()) g.add(s, g.iri(st::dcterms_title), g.literal(d.title));
    if (!d.identifier.empty()) g.add(s, g.iri(st::dcterms_identifier), g.literal(d.identifier));
    if (!d.issued.empty()) g.add(s, g.iri(st::dcterms_issued), g.literal(d.issued, date));
    if (!d.published.empty()) g.add(s, g.iri(pol::publishedOn), g.literal(d.published, date));
    if (!d.valid_for.empty()) g.add(s, g.iri(pol::validFor), g.literal(d.valid_for, duration));
    links(s, pol::issuedBy, d.issued_by);
    links(s, pol::addressedTo, d.addressed_to);
    links(s, pol::approves, d.approves);
    links(s, pol::hasAnnex, d.has_annex);
    links(s, pol::references, d.references);
    links(s, pol::keepsInForce, d.keeps_in_force);
    links(s, pol::prevailsOver, d.prevails_over);
    links(s, pol::responsibleParty, d.responsible);
  }
  for (const auto& [id, e] : facts.entities) {
    const Id s = node(id);
    g.add(s, type, g.iri(class_of(e.kind)));
    g.add(s, label, g.literal(e.label, {}, "en"));
    for (const auto& a : e.alt_labels) g.add(s, g.iri(st::skos_altLabel), g.literal(a, {}, "en"));
    if (!e.parent.empty()) g.add(s, g.iri(st::org_subOrganizationOf), node(e.parent));
    if (!e.located_in.empty() && e.kind == EntityKind::Zone) g.add(s, g.iri(pol::locatedIn), node(e.located_in));
  }
}

}  // namespace policykg::builder
