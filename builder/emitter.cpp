// Emitter: one function per kind of subject; IRIs are base + IRI path, labels English.
#include "builder/emitter.hpp"

#include <algorithm>

#include "ontology/terms.hpp"

namespace policykg::builder {

namespace {

using rdf::Term;
using rdf::Triple;

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
  }
  return pol::Agency;
}

class Out {
 public:
  Out(std::string_view base, std::vector<Triple>& out) : base_(base), out_(out) {}
  Term node(const std::string& id) const { return Term::iri(base_ + id); }
  static Term term(std::string_view iri) { return Term::iri(std::string(iri)); }
  void add(const Term& s, std::string_view p, Term o) { out_.push_back({s, term(p), std::move(o)}); }
  void links(const Term& s, std::string_view p, const std::set<std::string>& ids) {
    for (const auto& id : ids) add(s, p, node(id));
  }

 private:
  std::string base_;
  std::vector<Triple>& out_;
};

}  // namespace

void emit_units(std::vector<UnitFacts>& units, std::string_view base, std::vector<Triple>& out) {
  namespace st = std_terms;
  // Grow geometrically: reserving the exact need per document would copy the vector each time.
  std::size_t need = out.size() + units.size() * 16;
  if (out.capacity() < need) out.reserve(std::max(need, out.capacity() * 2));
  Out o(base, out);
  for (auto& u : units) {
    Term s = o.node(u.id);
    o.add(s, st::rdf_type, Out::term(class_of(u.kind)));
    o.add(s, st::rdfs_label, Term::lang_literal(std::move(u.label), "en"));
    o.add(s, st::dcterms_isPartOf, o.node(u.parent));
    o.add(s, pol::sourceDocument, o.node(u.document));
    o.add(s, pol::position, Term::integer(static_cast<long long>(u.position)));
    if (!u.number.empty()) o.add(s, pol::number, Term::literal(std::move(u.number)));
    o.add(s, pol::text, Term::literal(std::move(u.text)));
    o.add(s, pol::sourceStart, Term::integer(static_cast<long long>(u.start)));
    o.add(s, pol::sourceEnd, Term::integer(static_cast<long long>(u.end)));
    o.links(s, pol::responsibleParty, u.responsible);
    o.links(s, pol::appliesTo, u.applies_to);
    o.links(s, pol::mentions, u.mentions);
    o.links(s, pol::references, u.references);
    o.links(s, pol::dependsOn, u.depends_on);
    for (const auto& c : u.conditions) o.add(s, pol::condition, Term::literal(c));
    if (!u.instrument.empty()) o.add(s, pol::instrumentType, Term::iri(ns::pol(u.instrument)));
    for (const auto& c : u.sectors) o.add(s, pol::sector, Term::iri(ns::pol(c)));
  }
}

void emit_documents_and_entities(const Facts& facts, std::string_view base, std::vector<Triple>& out) {
  namespace st = std_terms;
  Out o(base, out);
  for (const auto& [id, d] : facts.documents) {
    Term s = o.node(id);
    o.add(s, st::rdf_type, Out::term(pol::Document));
    if (d.type != "Document") o.add(s, st::rdf_type, Term::iri(ns::pol(d.type)));
    std::string label = !d.label.empty() ? d.label : !d.title.empty() ? d.title : !d.identifier.empty() ? d.identifier : id;
    o.add(s, st::rdfs_label, Term::lang_literal(label, "en"));
    if (!d.title.empty()) o.add(s, st::dcterms_title, Term::literal(d.title));
    if (!d.identifier.empty()) o.add(s, st::dcterms_identifier, Term::literal(d.identifier));
    if (!d.issued.empty()) o.add(s, st::dcterms_issued, Term::xsd(d.issued, "date"));
    if (!d.published.empty()) o.add(s, pol::publishedOn, Term::xsd(d.published, "date"));
    if (!d.valid_for.empty()) o.add(s, pol::validFor, Term::xsd(d.valid_for, "duration"));
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
    Term s = o.node(id);
    o.add(s, st::rdf_type, Out::term(class_of(e.kind)));
    o.add(s, st::rdfs_label, Term::lang_literal(e.label, "en"));
    for (const auto& a : e.alt_labels) o.add(s, st::skos_altLabel, Term::lang_literal(a, "en"));
    if (!e.parent.empty()) o.add(s, st::org_subOrganizationOf, o.node(e.parent));
    if (!e.located_in.empty() && e.kind == EntityKind::Zone) o.add(s, pol::locatedIn, o.node(e.located_in));
  }
}

}  // namespace policykg::builder
