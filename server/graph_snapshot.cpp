#include "server/graph_snapshot.hpp"

#include <algorithm>
#include <set>

#include "ontology/terms.hpp"

namespace policykg::server {

namespace {

const std::string kLabel = std::string(ns::kRdfs) + "label";
const std::string kType = std::string(ns::kRdf) + "type";

// Lower is better: English, then untagged, then any other language.
int label_rank(const rdf::Term& t) {
  if (t.lang == "en" || t.lang.starts_with("en-")) return 0;
  if (t.lang.empty()) return 1;
  return 2;
}

}  // namespace

GraphSnapshot::GraphSnapshot(std::vector<rdf::Triple> triples) : triples_(std::move(triples)) {
  std::sort(triples_.begin(), triples_.end());
  triples_.erase(std::unique(triples_.begin(), triples_.end()), triples_.end());
  by_object_.resize(triples_.size());
  for (std::size_t i = 0; i < triples_.size(); ++i) by_object_[i] = i;
  std::sort(by_object_.begin(), by_object_.end(), [this](std::size_t a, std::size_t b) {
    const auto& x = triples_[a];
    const auto& y = triples_[b];
    return std::tie(x.o, x.s, x.p) < std::tie(y.o, y.s, y.p);
  });

  std::map<std::string, int, std::less<>> label_ranks;
  std::set<rdf::Term> objects;
  const rdf::Term* last_subject = nullptr;
  for (const auto& t : triples_) {
    if (!last_subject || *last_subject != t.s) ++distinct_subjects_;
    last_subject = &t.s;
    objects.insert(t.o);
    ++property_counts_[t.p.value];
    if (t.p.value == kType && t.o.is_iri()) ++class_counts_[t.o.value];
    if (t.p.value == kLabel && t.o.is_literal() && t.s.is_iri()) {
      int rank = label_rank(t.o);
      auto it = label_ranks.find(t.s.value);
      if (it == label_ranks.end() || rank < it->second) {
        label_ranks[t.s.value] = rank;
        labels_[t.s.value] = t.o.value;
      }
    }
  }
  distinct_objects_ = objects.size();
}

std::vector<const rdf::Triple*> GraphSnapshot::outgoing(const rdf::Term& s) const {
  auto first = std::lower_bound(triples_.begin(), triples_.end(), s,
                                [](const rdf::Triple& t, const rdf::Term& v) { return t.s < v; });
  std::vector<const rdf::Triple*> out;
  for (auto it = first; it != triples_.end() && it->s == s; ++it) out.push_back(&*it);
  return out;
}

std::vector<const rdf::Triple*> GraphSnapshot::incoming(const rdf::Term& o) const {
  auto first = std::lower_bound(by_object_.begin(), by_object_.end(), o,
                                [this](std::size_t i, const rdf::Term& v) { return triples_[i].o < v; });
  std::vector<const rdf::Triple*> out;
  for (auto it = first; it != by_object_.end() && triples_[*it].o == o; ++it) out.push_back(&triples_[*it]);
  return out;
}

bool GraphSnapshot::mentions(const rdf::Term& t) const {
  if (!outgoing(t).empty()) return true;
  auto first = std::lower_bound(by_object_.begin(), by_object_.end(), t,
                                [this](std::size_t i, const rdf::Term& v) { return triples_[i].o < v; });
  return first != by_object_.end() && triples_[*first].o == t;
}

std::vector<rdf::Triple> GraphSnapshot::description(const rdf::Term& s) const {
  std::set<rdf::Triple> out;
  std::vector<rdf::Term> todo{s};
  std::set<rdf::Term> seen{s};
  while (!todo.empty()) {
    rdf::Term next = todo.back();
    todo.pop_back();
    for (const auto* t : outgoing(next)) {
      out.insert(*t);
      if (t->o.is_blank() && seen.insert(t->o).second) todo.push_back(t->o);
    }
  }
  for (const auto* t : incoming(s)) out.insert(*t);
  return {out.begin(), out.end()};
}

std::optional<std::string> GraphSnapshot::label(std::string_view iri) const {
  auto it = labels_.find(iri);
  if (it == labels_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> GraphSnapshot::types(std::string_view iri) const {
  std::vector<std::string> out;
  for (const auto* t : outgoing(rdf::Term::iri(std::string(iri))))
    if (t->p.value == kType && t->o.is_iri()) out.push_back(t->o.value);
  return out;
}

std::optional<rdf::Term> GraphSnapshot::value(const rdf::Term& s, std::string_view predicate) const {
  for (const auto* t : outgoing(s))
    if (t->p.value == predicate) return t->o;
  return std::nullopt;
}

}  // namespace policykg::server
