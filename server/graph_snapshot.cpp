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

void sort_unique(std::vector<rdf::Triple>& triples) {
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
}

}  // namespace

GraphSnapshot::GraphSnapshot(const query::Dataset& dataset) : dataset_(&dataset) {}

GraphSnapshot::GraphSnapshot(const std::vector<rdf::Triple>& triples) : own_(std::make_unique<query::Dataset>()) {
  own_->set_default(triples);
  dataset_ = own_.get();
}

const std::vector<rdf::Triple>& GraphSnapshot::triples() const {
  std::call_once(decoded_, [this] {
    triples_.reserve(size());
    graph().scan(0, 0, 0, [&](query::TermId s, query::TermId p, query::TermId o) {
      triples_.push_back(decode(s, p, o));
      return true;
    });
    sort_unique(triples_);
  });
  return triples_;
}

std::vector<rdf::Triple> GraphSnapshot::outgoing(const rdf::Term& s) const {
  std::vector<rdf::Triple> out;
  if (auto sid = id(s))
    graph().scan(sid, 0, 0, [&](query::TermId, query::TermId p, query::TermId o) {
      out.push_back({s, term(p), term(o)});
      return true;
    });
  sort_unique(out);
  return out;
}

std::vector<rdf::Triple> GraphSnapshot::incoming(const rdf::Term& o, std::size_t limit) const {
  std::vector<rdf::Triple> out;
  if (auto oid = id(o))
    graph().osp().scan(oid, 0, 0, [&](query::TermId, query::TermId s, query::TermId p) {
      if (out.size() >= limit) return false;
      out.push_back({term(s), term(p), o});
      return true;
    });
  sort_unique(out);
  return out;
}

std::size_t GraphSnapshot::incoming_count(const rdf::Term& o) const {
  auto oid = id(o);
  return oid ? graph().osp().count(oid, 0, 0) : 0;
}

bool GraphSnapshot::mentions(const rdf::Term& t) const {
  auto tid = id(t);
  return tid && (graph().spo().count(tid, 0, 0) > 0 || graph().osp().count(tid, 0, 0) > 0);
}

std::vector<rdf::Triple> GraphSnapshot::description(const rdf::Term& s) const {
  std::vector<rdf::Triple> out;
  std::vector<rdf::Term> todo{s};
  std::set<rdf::Term> seen{s};
  while (!todo.empty()) {
    rdf::Term next = todo.back();
    todo.pop_back();
    for (auto& t : outgoing(next)) {
      if (t.o.is_blank() && seen.insert(t.o).second) todo.push_back(t.o);
      out.push_back(std::move(t));
    }
  }
  for (auto& t : incoming(s)) out.push_back(std::move(t));
  sort_unique(out);
  return out;
}

std::vector<rdf::Term> GraphSnapshot::subjects(std::string_view predicate, const rdf::Term& object) const {
  std::vector<rdf::Term> out;
  auto pid = id(rdf::Term::iri(std::string(predicate)));
  auto oid = id(object);
  if (pid && oid)
    graph().pos().scan(pid, oid, 0, [&](query::TermId, query::TermId, query::TermId s) {
      out.push_back(term(s));
      return true;
    });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const rdf::Term*> GraphSnapshot::objects(const rdf::Term& s, std::string_view predicate) const {
  std::vector<const rdf::Term*> out;
  auto sid = id(s);
  auto pid = id(rdf::Term::iri(std::string(predicate)));
  if (sid && pid)
    graph().spo().scan(sid, pid, 0, [&](query::TermId, query::TermId, query::TermId o) {
      out.push_back(&term(o));
      return true;
    });
  return out;
}

std::vector<rdf::Term> GraphSnapshot::instances(std::string_view type) const {
  auto out = subjects(kType, rdf::Term::iri(std::string(type)));
  std::erase_if(out, [](const rdf::Term& t) { return !t.is_iri(); });
  return out;
}

std::optional<std::string> GraphSnapshot::label(std::string_view iri) const {
  const rdf::Term* best = nullptr;
  for (const rdf::Term* t : objects(rdf::Term::iri(std::string(iri)), kLabel))
    if (t->is_literal() && (!best || std::pair(label_rank(*t), *t) < std::pair(label_rank(*best), *best))) best = t;
  if (!best) return std::nullopt;
  return best->value;
}

std::vector<std::string> GraphSnapshot::types(std::string_view iri) const {
  std::vector<std::string> out;
  for (const rdf::Term* t : objects(rdf::Term::iri(std::string(iri)), kType))
    if (t->is_iri()) out.push_back(t->value);
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<rdf::Term> GraphSnapshot::value(const rdf::Term& s, std::string_view predicate) const {
  const rdf::Term* least = nullptr;
  for (const rdf::Term* t : objects(s, predicate))
    if (!least || *t < *least) least = t;
  if (!least) return std::nullopt;
  return *least;
}

std::size_t GraphSnapshot::subjects_under(std::string_view prefix) const {
  std::size_t n = 0;
  for (query::TermId s : graph().spo().keys())
    if (term(s).is_iri() && term(s).value.starts_with(prefix)) ++n;
  return n;
}

std::map<std::string, std::size_t> GraphSnapshot::class_counts() const {
  std::map<std::string, std::size_t> out;
  if (auto pid = id(rdf::Term::iri(kType)))
    graph().pos().scan(pid, 0, 0, [&](query::TermId, query::TermId o, query::TermId) {
      if (term(o).is_iri()) ++out[term(o).value];
      return true;
    });
  return out;
}

std::map<std::string, std::size_t> GraphSnapshot::property_counts() const {
  std::map<std::string, std::size_t> out;
  for (query::TermId p : graph().pos().keys()) out[term(p).value] = graph().pos().count(p, 0, 0);
  return out;
}

}  // namespace policykg::server
