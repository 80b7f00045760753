// Facts: the name tables, the document lookup and the merge of one text's facts.
#include "builder/facts.hpp"

#include "builder/normalized_text.hpp"

namespace policykg::builder {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Lead: return "LeadRole";
    case Role::Implement: return "ImplementRole";
    case Role::Coordinate: return "CoordinateRole";
    case Role::Supervise: return "SuperviseRole";
    case Role::Approve: return "ApproveRole";
    case Role::Addressee: return "AddresseeRole";
  }
  return "ImplementRole";
}

Ref Names::ref(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto r = static_cast<Ref>(names_.size());
  index_.emplace(names_.emplace_back(s), r);
  return r;
}

DocumentFacts& Facts::document(const std::string& id) {
  auto [it, fresh] = documents.try_emplace(id);
  if (fresh) it->second.id = id;
  return it->second;
}

namespace {

void merge_document(DocumentFacts& into, DocumentFacts&& text) {
  if (text.parsed) {
    // The text is the document's own: its title and dates win; without a title, a label that a
    // citation gave before stays.
    if (!text.title.empty()) {
      into.title = std::move(text.title);
      into.label = std::move(text.label);
    } else if (into.label.empty()) {
      into.label = std::move(text.label);
    }
    if (text.type != "Document") into.type = std::move(text.type);
    if (!text.issued.empty()) into.issued = std::move(text.issued);
    if (!text.published.empty()) into.published = std::move(text.published);
  } else {
    // Only cited: what the citation says fills what no one has said yet.
    if (!into.parsed && into.title.empty() && !text.title.empty()) {
      into.title = std::move(text.title);
      into.label = std::move(text.label);
    } else if (into.label.empty()) {
      into.label = std::move(text.label);
    }
    if (!into.parsed && into.type == "Document") into.type = std::move(text.type);
    if (into.issued.empty()) into.issued = std::move(text.issued);
    if (into.published.empty()) into.published = std::move(text.published);
  }
  into.parsed = into.parsed || text.parsed;
  if (into.identifier.empty()) into.identifier = std::move(text.identifier);
  if (into.year == 0) into.year = text.year;
  if (into.valid_for.empty()) into.valid_for = std::move(text.valid_for);
  for (auto [to, from] : {std::pair{&into.issued_by, &text.issued_by}, {&into.addressed_to, &text.addressed_to},
                          {&into.approves, &text.approves}, {&into.has_annex, &text.has_annex},
                          {&into.references, &text.references}, {&into.keeps_in_force, &text.keeps_in_force},
                          {&into.prevails_over, &text.prevails_over}, {&into.responsible, &text.responsible}})
    to->merge(*from);
}

void merge_entity(EntityFacts& into, EntityFacts&& text) {
  auto add = [&](const std::string& name) {
    if (name.empty() || same_folded(name, into.label)) return;
    for (const auto& a : into.alt_labels)
      if (same_folded(a, name)) return;
    into.alt_labels.insert(name);
  };
  add(text.label);
  for (const auto& a : text.alt_labels) add(a);
}

}  // namespace

void Facts::merge_text(Facts&& text) {
  for (auto& [id, d] : text.documents) {
    auto [it, fresh] = documents.try_emplace(id);
    if (fresh) it->second = std::move(d);
    else merge_document(it->second, std::move(d));
  }
  for (auto& [id, e] : text.entities) {
    auto [it, fresh] = entities.try_emplace(id);
    if (fresh) it->second = std::move(e);
    else merge_entity(it->second, std::move(e));
  }
}

}  // namespace policykg::builder
