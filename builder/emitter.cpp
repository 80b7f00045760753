// Emitter: one function per kind of subject; IRIs are base + IRI path, labels English.
#include "builder/emitter.hpp"

#include <algorithm>

#include "ontology/terms.hpp"

namespace policykg::builder {

namespace {

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

// Adds triples to the graph; node() reuses one buffer for base + IRI path.
class Out {
 public:
  using Id = rdf::Graph::Id;
  Out(std::string_view base, rdf::Graph& g) : base_(base), g_(g) {}
  Id node(const std::string& id) {
    buffer_.assign(base_);
    buffer_ += id;
    return g_.iri(buffer_);
  }
  Id term(std::string_view iri) { return g_.iri(iri); }
  Id literal(std::string_view lex) { return g_.literal(lex); }
  Id english(std::string_view lex) { return g_.literal(lex, {}, "en"); }
  Id integer(std::size_t v) { return g_.literal(std::to_string(v), integer_); }
  Id xsd(std::string_view lex, std::string_view local) { return g_.literal(lex, std::string(rdf::kXsd) + std::string(local)); }
  void add(Id s, Id p, Id o) { g_.add(s, p, o); }
  void add(Id s, std::string_view p, Id o) { g_.add(s, term(p), o); }
  void links(Id s, Id p, const std::set<std::string>& ids) {
    for (const auto& id : ids) add(s, p, node(id));
  }
  void links(Id s, std::string_view p, const std::set<std::string>& ids) { links(s, term(p), ids); }

 private:
  std::string base_, buffer_;
  const std::string integer_ = std::string(rdf::kXsd) + "integer";
  rdf::Graph& g_;
};

}  // namespace

void emit_units(const std::vector<UnitFacts>& units, std::string_view base, rdf::Graph& out) {
  namespace st = std_terms;
  Out o(base, out);
  // The terms every unit uses, looked up once.
  const Out::Id type = o.term(st::rdf_type), label = o.term(st::rdfs_label), part_of = o.term(st::dcterms_isPartOf),
                source = o.term(pol::sourceDocument), position = o.term(pol::position), number = o.term(pol::number),
                text = o.term(pol::text), start = o.term(pol::sourceStart), end = o.term(pol::sourceEnd),
                responsible = o.term(pol::responsibleParty), applies_to = o.term(pol::appliesTo),
                mentions = o.term(pol::mentions), references = o.term(pol::references),
                depends_on = o.term(pol::dependsOn), condition = o.term(pol::condition),
                instrument = o.term(pol::instrumentType), sector = o.term(pol::sector);
  for (const auto& u : units) {
    auto s = o.node(u.id);
    o.add(s, type, o.term(class_of(u.kind)));
    o.add(s, label, o.english(u.label));
    o.add(s, part_of, o.node(u.parent));
    o.add(s, source, o.node(u.document));
    o.add(s, position, o.integer(u.position));
    if (!u.number.empty()) o.add(s, number, o.literal(u.number));
    o.add(s, text, o.literal(u.text));
    o.add(s, start, o.integer(u.start));
    o.add(s, end, o.integer(u.end));
    o.links(s, responsible, u.responsible);
    o.links(s, applies_to, u.applies_to);
    o.links(s, mentions, u.mentions);
    o.links(s, references, u.references);
    o.links(s, depends_on, u.depends_on);
    for (const auto& c : u.conditions) o.add(s, condition, o.literal(c));
    if (!u.instrument.empty()) o.add(s, instrument, o.term(ns::pol(u.instrument)));
    for (const auto& c : u.sectors) o.add(s, sector, o.term(ns::pol(c)));
  }
}

void emit_documents_and_entities(const Facts& facts, std::string_view base, rdf::Graph& out) {
  namespace st = std_terms;
  Out o(base, out);
  for (const auto& [id, d] : facts.documents) {
    auto s = o.node(id);
    o.add(s, st::rdf_type, o.term(pol::Document));
    if (d.type != "Document") o.add(s, st::rdf_type, o.term(ns::pol(d.type)));
    std::string label = !d.label.empty() ? d.label : !d.title.empty() ? d.title : !d.identifier.empty() ? d.identifier : id;
    o.add(s, st::rdfs_label, o.english(label));
    if (!d.title.empty()) o.add(s, st::dcterms_title, o.literal(d.title));
    if (!d.identifier.empty()) o.add(s, st::dcterms_identifier, o.literal(d.identifier));
    if (!d.issued.empty()) o.add(s, st::dcterms_issued, o.xsd(d.issued, "date"));
    if (!d.published.empty()) o.add(s, pol::publishedOn, o.xsd(d.published, "date"));
    if (!d.valid_for.empty()) o.add(s, pol::validFor, o.xsd(d.valid_for, "duration"));
    o.links(s, pol::issuedBy, d.issued_by);
    o.links(s, pol::addressedTo, d.addressed_to);
    o.links(s, pol::approves, d.approves);
    o.links(s, pol::hasAnnex, d.has_annex);
    o.links(s, pol::references, d.references);
    o.links(s, pol::keepsInForce, d.keeps_in_force);
    o.links(s, pol::prevailsOver, d.prevails_over);
    o.links(s, pol::responsibleParty, d.responsible);
  }
  for (const auto& [id, e] : facts.entities) {
    auto s = o.node(id);
    o.add(s, st::rdf_type, o.term(class_of(e.kind)));
    o.add(s, st::rdfs_label, o.english(e.label));
    for (const auto& a : e.alt_labels) o.add(s, st::skos_altLabel, o.english(a));
    if (!e.parent.empty()) o.add(s, st::org_subOrganizationOf, o.node(e.parent));
    if (!e.located_in.empty() && e.kind == EntityKind::Zone) o.add(s, pol::locatedIn, o.node(e.located_in));
  }
}

}  // namespace policykg::builder
