#include "query/sparql/dataset.hpp"

#include <algorithm>

namespace policykg::query {

std::size_t TermHash::operator()(const rdf::Term& t) const noexcept {
  std::size_t h = std::hash<std::string>{}(t.value);
  if (!t.datatype.empty()) h ^= std::hash<std::string>{}(t.datatype) * 31;
  if (!t.lang.empty()) h ^= std::hash<std::string>{}(t.lang) * 131;
  return h ^ (static_cast<std::size_t>(t.kind) * 0x9e3779b97f4a7c15ULL);
}

TermId TermDictionary::intern(const rdf::Term& t) {
  if (mapped_count_)
    if (TermId id = mapped_find(t)) return id;
  auto [it, inserted] = ids_.try_emplace(t, static_cast<TermId>(size()));
  if (inserted) terms_.push_back(t);
  return it->second;
}

TermId TermDictionary::find(const rdf::Term& t) const {
  if (mapped_count_)
    if (TermId id = mapped_find(t)) return id;
  auto it = ids_.find(t);
  return it == ids_.end() ? 0 : it->second;
}

namespace {

std::vector<IdTriple> permuted(const std::vector<IdTriple>& spo, int a, int b, int c) {
  std::vector<IdTriple> out;
  out.reserve(spo.size());
  for (const auto& t : spo) out.push_back({t[static_cast<std::size_t>(a)], t[static_cast<std::size_t>(b)], t[static_cast<std::size_t>(c)]});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

IndexedGraph::IndexedGraph(std::vector<IdTriple> triples) {
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  own_pos_ = permuted(triples, 1, 2, 0);
  own_osp_ = permuted(triples, 2, 0, 1);
  own_spo_ = std::move(triples);
  spo_ = own_spo_;
  pos_ = own_pos_;
  osp_ = own_osp_;
  // per predicate, from pos (sorted by predicate): its triples, distinct (p,o) pairs; then distinct
  // (s,p) pairs from spo
  for (std::size_t i = 0; i < pos_.size(); ++i) {
    if (i == 0 || pos_[i][0] != pos_[i - 1][0]) own_stats_.push_back({pos_[i][0], 0, 0, 0, 0});
    auto& st = own_stats_.back();
    ++st.triples;
    if (i == 0 || pos_[i][0] != pos_[i - 1][0] || pos_[i][1] != pos_[i - 1][1]) ++st.objects;
  }
  auto record = [this](TermId p) {
    return std::lower_bound(own_stats_.begin(), own_stats_.end(), p,
                            [](const PredicateStatsRecord& r, TermId q) { return r.predicate < q; });
  };
  for (std::size_t i = 0; i < spo_.size(); ++i) {
    if (i == 0 || spo_[i][0] != spo_[i - 1][0] || spo_[i][1] != spo_[i - 1][1]) ++record(spo_[i][1])->subjects;
    if (i == 0 || spo_[i][0] != spo_[i - 1][0]) ++subjects_;
  }
  for (std::size_t i = 0; i < osp_.size(); ++i)
    if (i == 0 || osp_[i][0] != osp_[i - 1][0]) ++objects_;
  stats_ = own_stats_;
}

IndexedGraph::IndexedGraph(std::span<const IdTriple> spo, std::span<const IdTriple> pos, std::span<const IdTriple> osp,
                           std::span<const PredicateStatsRecord> stats, std::size_t subjects, std::size_t objects)
    : spo_(spo), pos_(pos), osp_(osp), stats_(stats), subjects_(subjects), objects_(objects) {}

PredicateStats IndexedGraph::stats(TermId p) const {
  auto it = std::lower_bound(stats_.begin(), stats_.end(), p,
                             [](const PredicateStatsRecord& r, TermId q) { return r.predicate < q; });
  if (it == stats_.end() || it->predicate != p) return {};
  return {static_cast<std::size_t>(it->triples), static_cast<std::size_t>(it->subjects),
          static_cast<std::size_t>(it->objects)};
}

std::pair<std::size_t, std::size_t> IndexedGraph::range(std::span<const IdTriple> idx, TermId a, TermId b,
                                                        TermId c) const {
  // prefix match on the leading non-zero keys (a always set; c only when b is set)
  int n = b == 0 ? 1 : (c == 0 ? 2 : 3);
  IdTriple key{a, b, c};
  auto less = [n](const IdTriple& x, const IdTriple& y) {
    for (int i = 0; i < n; ++i) {
      auto k = static_cast<std::size_t>(i);
      if (x[k] != y[k]) return x[k] < y[k];
    }
    return false;
  };
  auto lo = std::lower_bound(idx.begin(), idx.end(), key, less);
  auto hi = std::upper_bound(lo, idx.end(), key, less);
  return {static_cast<std::size_t>(lo - idx.begin()), static_cast<std::size_t>(hi - idx.begin())};
}

std::size_t IndexedGraph::count(TermId s, TermId p, TermId o) const {
  if (s) {
    if (o && !p) {
      auto [b, e] = range(osp_, o, s, 0);
      return e - b;
    }
    auto [b, e] = range(spo_, s, p, p ? o : 0);
    return e - b;
  }
  if (p) {
    auto [b, e] = range(pos_, p, o, 0);
    return e - b;
  }
  if (o) {
    auto [b, e] = range(osp_, o, 0, 0);
    return e - b;
  }
  return spo_.size();
}

Dataset::Dataset(const rdf::Model& model) { default_ = IndexedGraph(snapshot(model)); }

std::vector<IdTriple> Dataset::snapshot(const rdf::Model& model) {
  std::vector<IdTriple> triples;
  triples.reserve(model.size());
  model.match({}, [&](const rdf::Triple& t) {
    triples.push_back({dict_.intern(t.s), dict_.intern(t.p), dict_.intern(t.o)});
    return true;
  });
  return triples;
}

void Dataset::add_named(const std::string& iri, const rdf::Model& model) {
  auto triples = snapshot(model);
  named_[dict_.intern(rdf::Term::iri(iri))] = IndexedGraph(std::move(triples));
}

void Dataset::add_named(const std::string& iri, const std::vector<rdf::Triple>& triples) {
  named_[dict_.intern(rdf::Term::iri(iri))] = IndexedGraph(snapshot(triples));
}

void Dataset::set_default(const std::vector<rdf::Triple>& triples) { default_ = IndexedGraph(snapshot(triples)); }

std::vector<IdTriple> Dataset::snapshot(const std::vector<rdf::Triple>& ts) {
  std::vector<IdTriple> triples;
  triples.reserve(ts.size());
  for (const auto& t : ts) triples.push_back({dict_.intern(t.s), dict_.intern(t.p), dict_.intern(t.o)});
  return triples;
}

const IndexedGraph* Dataset::named_graph(TermId iri) const {
  auto it = named_.find(iri);
  return it == named_.end() ? nullptr : &it->second;
}

}  // namespace policykg::query
