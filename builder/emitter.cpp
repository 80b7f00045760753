// Emitter: one function per kind of subject; IRIs are base + IRI path, labels English.
#include "builder/emitter.hpp"

#include <algorithm>

#include "builder/normalized_text.hpp"
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
    case EntityKind::Event: return pol::Event;
    case EntityKind::Programme: return pol::Programme;
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
           text = g.iri(pol::text), plain_text = g.iri(pol::plainText), start = g.iri(pol::sourceStart), end = g.iri(pol::sourceEnd),
           responsible = g.iri(pol::responsibleParty), applies_to = g.iri(pol::appliesTo), excludes = g.iri(pol::excludes),
           mentions = g.iri(pol::mentions), references = g.iri(pol::references), depends_on = g.iri(pol::dependsOn),
           condition = g.iri(pol::condition), instrument = g.iri(pol::instrumentType), sector = g.iri(pol::sector),
           qualified = g.iri(pol::qualifiedResponsibility), responsibility = g.iri(pol::Responsibility),
           agent = g.iri(pol::agent), role = g.iri(pol::role), statement = g.iri(std_terms::rdf_Statement),
           subject = g.iri(std_terms::rdf_subject), predicate = g.iri(std_terms::rdf_predicate),
           object = g.iri(std_terms::rdf_object), cue_start = g.iri(pol::cueStart), cue_end = g.iri(pol::cueEnd),
           cue_text = g.iri(pol::cueText), rule = g.iri(pol::rule), identifier = g.iri(st::dcterms_identifier);
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
    if (!u.key.empty()) g.add(s, identifier, g.literal(u.key));
    g.add(s, text, g.literal(u.text));
    g.add(s, plain_text, g.literal(collapse_whitespace(u.text)));
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
    std::vector<Id> roles;
    for (std::size_t k = 0; k < u.roles.size(); ++k) {
      const Id r = node(u.id + "/responsibility/" + std::to_string(k + 1));
      roles.push_back(r);
      g.add(s, qualified, r);
      g.add(r, type, responsibility);
      g.add(r, label, g.literal(responsibility_label(facts, u.roles[k]), {}, "en"));
      g.add(r, agent, node(facts, u.roles[k].agent));
      g.add(r, role, g.iri(ns::pol(role_name(u.roles[k].role))));
    }
    for (std::size_t k = 0; k < u.evidence.size(); ++k) {
      const Evidence& e = u.evidence[k];
      const Id n = node(u.id + "/evidence/" + std::to_string(k + 1));
      auto [p, o] = fact_of(facts, e, roles);
      g.add(n, type, statement);
      g.add(n, subject, s);
      g.add(n, predicate, p);
      g.add(n, object, o);
      g.add(n, cue_start, integer(e.start));
      g.add(n, cue_end, integer(e.end));
      if (!e.words.empty()) g.add(n, cue_text, g.literal(e.words));
      g.add(n, rule, g.literal(e.rule));
    }
  }
}

// "Ministry of Finance, coordinate": the agent's label and the role's.
std::string Emitter::responsibility_label(const Facts& facts, const Responsibility& r) {
  const std::string& path = facts.nodes[r.agent];
  auto it = facts.entities.find(path);
  std::string name = it != facts.entities.end() && !it->second.label.empty() ? it->second.label : path;
  std::string_view role = role_name(r.role);
  role.remove_suffix(4);  // "Role"
  std::string out = name + ", ";
  for (char c : role) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::pair<Emitter::Id, Emitter::Id> Emitter::fact_of(const Facts& facts, const Evidence& e,
                                                     const std::vector<Id>& roles) {
  using K = Evidence::Kind;
  auto& g = g_;
  const auto ref = static_cast<Ref>(e.object);
  switch (e.kind) {
    case K::Responsible: return {g.iri(pol::responsibleParty), node(facts, ref)};
    case K::Role: return {g.iri(pol::qualifiedResponsibility), roles.at(e.object)};
    case K::AppliesTo: return {g.iri(pol::appliesTo), node(facts, ref)};
    case K::Excludes: return {g.iri(pol::excludes), node(facts, ref)};
    case K::Condition: return {g.iri(pol::condition), literal(facts, ref)};
    case K::DependsOn: return {g.iri(pol::dependsOn), node(facts, ref)};
    case K::DependsOnUnit: return {g.iri(pol::dependsOn), unit_terms_.at(e.object)};
    case K::References: return {g.iri(pol::references), node(facts, ref)};
    case K::Sector: return {g.iri(pol::sector), concept_term(facts, ref)};
    case K::Instrument: return {g.iri(pol::instrumentType), concept_term(facts, ref)};
    case K::Statement: break;
  }
  return {g.iri(std_terms::rdf_type), g.iri(pol::Statement)};
}


void Emitter::documents_and_entities(const Facts& facts) {
  namespace st = std_terms;
  auto& g = g_;
  const Id type = g.iri(st::rdf_type), label = g.iri(st::rdfs_label);
  const std::string date = std::string(rdf::kXsd) + "date", year = std::string(rdf::kXsd) + "gYear",
                    duration = std::string(rdf::kXsd) + "duration";
  for (const auto& [id, d] : facts.documents) {
    const Id s = node(id);
    g.add(s, type, g.iri(pol::Document));
    if (d.type != "Document") g.add(s, type, g.iri(ns::pol(d.type)));
    const std::string& name = !d.label.empty() ? d.label : !d.title.empty() ? d.title : !d.identifier.empty() ? d.identifier : id;
    g.add(s, label, g.literal(name, {}, "en"));
    if (!d.title.empty()) g.add(s, g.iri(st::dcterms_title), g.literal(d.title));
    if (!d.identifier.empty()) g.add(s, g.iri(st::dcterms_identifier), g.literal(d.identifier));
    if (!d.issued.empty()) g.add(s, g.iri(st::dcterms_issued), g.literal(d.issued, date));
    if (d.year > 0) g.add(s, g.iri(st::dcterms_date), g.literal(std::to_string(d.year), year));
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
    if (!e.name_zh.empty()) g.add(s, g.iri(st::skos_prefLabel), g.literal(e.name_zh, {}, "zh"));
    if (!e.wikidata.empty())
      g.add(s, g.iri(st::skos_exactMatch), g.iri(std::string(st::wikidata_entity) + e.wikidata));
    if (!e.parent.empty()) g.add(s, g.iri(st::org_subOrganizationOf), node(e.parent));
    if (!e.located_in.empty() && e.kind == EntityKind::Zone) g.add(s, g.iri(pol::locatedIn), node(e.located_in));
  }
}

}  // namespace policykg::builder
