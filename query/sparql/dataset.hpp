// Dataset: the loaded graphs as integer ids over a term dictionary, with sorted SPO, POS and OSP
// indexes, so that every triple pattern is a binary search and a range. Built once from a
// rdf::Model (a snapshot: later changes to the model are not seen); the default graph plus any
// named graphs. Queries run on it through query::run.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::query {

using TermId = std::uint32_t;  ///< 0 is "unbound"

struct TermHash {
  std::size_t operator()(const rdf::Term& t) const noexcept;
};

/// Terms <-> ids. Ids start at 1.
class TermDictionary {
 public:
  TermDictionary() { terms_.emplace_back(); }
  TermId intern(const rdf::Term& t);
  /// The id of a known term, or 0.
  TermId find(const rdf::Term& t) const;
  const rdf::Term& term(TermId id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }

 private:
  std::vector<rdf::Term> terms_;
  std::unordered_map<rdf::Term, TermId, TermHash> ids_;
};

using IdTriple = std::array<TermId, 3>;

/// How a predicate is used in one graph, for join planning.
struct PredicateStats {
  std::size_t triples = 0, subjects = 0, objects = 0;
};

/// One graph's triples, indexed three ways.
class IndexedGraph {
 public:
  IndexedGraph() = default;
  explicit IndexedGraph(std::vector<IdTriple> triples);
  /// Calls fn(s, p, o) for each triple matching the bound (non-zero) positions; stops when fn
  /// returns false.
  template <class Fn>
  void scan(TermId s, TermId p, TermId o, Fn&& fn) const;
  /// How many triples match (exact, by binary search).
  std::size_t count(TermId s, TermId p, TermId o) const;
  std::size_t size() const { return spo_.size(); }
  const std::vector<IdTriple>& spo() const { return spo_; }
  /// Statistics of a predicate (all zero when it does not occur).
  PredicateStats stats(TermId p) const;
  std::size_t distinct_subjects() const { return subjects_; }
  std::size_t distinct_objects() const { return objects_; }

 private:
  // each index holds triples with positions permuted: spo (s,p,o), pos (p,o,s), osp (o,s,p)
  std::vector<IdTriple> spo_, pos_, osp_;
  std::unordered_map<TermId, PredicateStats> stats_;
  std::size_t subjects_ = 0, objects_ = 0;
  std::pair<std::size_t, std::size_t> range(const std::vector<IdTriple>& idx, TermId a, TermId b, TermId c) const;
};

class Dataset {
 public:
  Dataset() = default;
  /// Snapshot of a model as the default graph.
  explicit Dataset(const rdf::Model& model);
  /// Adds a named graph (replacing one of the same name).
  void add_named(const std::string& iri, const rdf::Model& model);
  /// The same from triples, e.g. parsed straight from a file (rdf/parser.hpp).
  void add_named(const std::string& iri, const std::vector<rdf::Triple>& triples);
  /// Adds triples to the default graph (rebuilds its indexes).
  void set_default(const std::vector<rdf::Triple>& triples);

  const TermDictionary& dictionary() const { return dict_; }
  const IndexedGraph& default_graph() const { return default_; }
  /// Named graphs by the id of their IRI (ids follow load order).
  const std::map<TermId, IndexedGraph>& named() const { return named_; }
  const IndexedGraph* named_graph(TermId iri) const;

 private:
  std::vector<IdTriple> snapshot(const rdf::Model& model);
  std::vector<IdTriple> snapshot(const std::vector<rdf::Triple>& triples);
  TermDictionary dict_;
  IndexedGraph default_;
  std::map<TermId, IndexedGraph> named_;
};

template <class Fn>
void IndexedGraph::scan(TermId s, TermId p, TermId o, Fn&& fn) const {
  if (s) {
    if (o && !p) {
      auto [b, e] = range(osp_, o, s, 0);
      for (auto i = b; i < e; ++i)
        if (!fn(osp_[i][1], osp_[i][2], osp_[i][0])) return;
      return;
    }
    auto [b, e] = range(spo_, s, p, p ? o : 0);
    for (auto i = b; i < e; ++i)
      if (!fn(spo_[i][0], spo_[i][1], spo_[i][2])) return;
  } else if (p) {
    auto [b, e] = range(pos_, p, o, 0);
    for (auto i = b; i < e; ++i)
      if (!fn(pos_[i][2], pos_[i][0], pos_[i][1])) return;
  } else if (o) {
    auto [b, e] = range(osp_, o, 0, 0);
    for (auto i = b; i < e; ++i)
      if (!fn(osp_[i][1], osp_[i][2], osp_[i][0])) return;
  } else {
    for (const auto& t : spo_)
      if (!fn(t[0], t[1], t[2])) return;
  }
}

}  // namespace policykg::query
