// Graph: a set of triples held compactly, each distinct term stored once and each triple as three
// ids, so that a corpus of millions of triples costs twelve bytes a triple plus its new terms.
// sort() puts the triples in the writers' order (the order of rdf::Triple) with integer
// comparisons only: the terms are sorted once and renumbered so that id order is term order.
//
//   rdf::Graph g;
//   g.add(g.iri("http://example.org/a"), g.iri(rdf_type), g.iri(pol_Measure));
//   g.sort();
//   for (std::size_t i = 0; i < g.size(); ++i) use(g.term(g[i][0]), ...);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"

namespace policykg::rdf {

class Graph {
 public:
  using Id = std::uint32_t;
  using IdTriple = std::array<Id, 3>;

  Graph() = default;
  /// The graph of `triples` (sorted, without duplicates).
  explicit Graph(const std::vector<Triple>& triples);

  /// The id of a term, added when new.
  Id intern(const Term& t);
  Id iri(std::string_view iri);
  /// A literal: plain when `datatype` and `lang` are empty.
  Id literal(std::string_view lex, std::string_view datatype = {}, std::string_view lang = {});

  void add(Id s, Id p, Id o) {
    triples_.push_back({s, p, o});
    sorted_ = false;
  }
  void add(const Triple& t) { add(intern(t.s), intern(t.p), intern(t.o)); }
  /// Room for this many triples, and for the terms they are likely to bring (a quarter as many:
  /// graphs of documents run from one term in four triples to one in ten), without moving them.
  /// Only the memory used is touched.
  void reserve(std::size_t triples) {
    triples_.reserve(triples);
    terms_.reserve(triples / 4);
  }

  /// Adds the triples of `part`, its terms in the order `part` met them, taking its terms (and
  /// the hashes they were found by) instead of copying and hashing them again; `part` is left
  /// empty.
  void append(Graph&& part);

  /// Sorts the triples in rdf::Triple order and drops duplicates (renumbers the terms); the
  /// terms and the triples are each sorted on up to `threads` threads, with the same result.
  void sort(std::size_t threads = 1);
  bool sorted() const { return sorted_; }

  std::size_t size() const { return triples_.size(); }
  bool empty() const { return triples_.empty(); }
  const IdTriple& operator[](std::size_t i) const { return triples_[i]; }
  const std::vector<IdTriple>& triples() const { return triples_; }
  const Term& term(Id id) const { return terms_[id]; }
  std::size_t term_count() const { return terms_.size(); }
  /// The triples as values, in the graph's order.
  std::vector<Triple> to_triples() const;

 private:
  struct Key {
    Term::Kind kind;
    std::string_view value, datatype, lang;
  };
  // A slot of the term table: a term's id and the high half of its hash, which picks the slot
  // (the table is scaled to it) and turns away most other terms without reading them.
  struct Slot {
    Id id = UINT32_MAX;  ///< UINT32_MAX: free
    std::uint32_t tag = 0;
  };
  Id find_or_add(const Key& key, std::size_t hash);
  /// find_or_add for a term whose hash's high half (its tag) is known, taken when new.
  Id find_or_take(Term&& term, std::uint32_t tag);
  std::size_t home(std::uint32_t tag) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(tag) * slots_.size()) >> 32);
  }
  void rehash(std::size_t slots);

  std::vector<Term> terms_;
  std::vector<Slot> slots_;  ///< open addressing, linear probing; a power of two
  std::vector<IdTriple> triples_;
  bool sorted_ = true;
};

}  // namespace policykg::rdf
