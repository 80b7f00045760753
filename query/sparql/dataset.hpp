// Dataset: the loaded graphs as integer ids over a term dictionary, with sorted SPO, POS and OSP
// indexes, so that every triple pattern is a binary search and a range. Built once from a
// rdf::Model (a snapshot: later changes to the model are not seen), or opened by memory-mapping
// an index file (docs/index-format.md) that write_index wrote; the default graph plus any named
// graphs. Queries run on it through query::run.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::query {

using TermId = std::uint32_t;  ///< 0 is "unbound"

struct TermHash {
  std::size_t operator()(const rdf::Term& t) const noexcept;
};

/// The bytes of a term in the index file's dictionary: a tag ('I' IRI, 'B' blank node, 'L' plain
/// literal, 'T' typed literal, 'G' literal with a language tag), then for 'T' and 'G' the lexical
/// form's length (u32) and the lexical form followed by the datatype or tag, else the value.
std::string encode_term(const rdf::Term& t);

/// Terms <-> ids. Ids start at 1. Either all in memory, or the first ones read from a mapped
/// index file (decoded on first use and kept) and any interned later in memory after them.
class TermDictionary {
 public:
  TermDictionary() { terms_.emplace_back(); }
  TermDictionary(TermDictionary&&) noexcept = default;
  TermDictionary& operator=(TermDictionary&&) noexcept = default;
  TermId intern(const rdf::Term& t);
  /// The id of a known term, or 0.
  TermId find(const rdf::Term& t) const;
  /// The term of an id below size(); a mapped term whose bytes are damaged throws Error(Input).
  const rdf::Term& term(TermId id) const {
    if (id > mapped_count_) return terms_[id - mapped_count_];
    return id == 0 ? terms_[0] : mapped_term(id);
  }
  /// One more than the largest id.
  std::size_t size() const { return mapped_count_ + terms_.size(); }
  /// The encoded bytes of every term, in id order (for writing an index).
  std::string encoded(std::vector<std::uint64_t>& offsets) const;

  /// The mapped part of a dictionary: ids 1..offsets.size()-1.
  struct Mapped {
    std::span<const std::uint64_t> offsets;
    std::string_view bytes;
    std::span<const std::uint32_t> order;
    std::function<void(const std::string&)> damaged;  ///< throws, naming the file
  };
  explicit TermDictionary(Mapped mapped);

 private:
  struct Cache {
    std::vector<std::atomic<const rdf::Term*>> slots;
    explicit Cache(std::size_t n) : slots(n) {}
    ~Cache();
  };
  const rdf::Term& mapped_term(TermId id) const;
  std::string_view mapped_bytes(TermId id) const;
  TermId mapped_find(const rdf::Term& t) const;
  std::size_t mapped_count_ = 0;
  Mapped mapped_;
  std::unique_ptr<Cache> cache_;   ///< terms decoded from the mapped part, filled on first use
  std::vector<rdf::Term> terms_;   ///< the empty term (id 0), then the ids after mapped_count_
  std::unordered_map<rdf::Term, TermId, TermHash> ids_;
};

using IdTriple = std::array<TermId, 3>;

/// How a predicate is used in one graph, for join planning.
struct PredicateStats {
  std::size_t triples = 0, subjects = 0, objects = 0;
};

/// A predicate's statistics as the index file stores them (32 bytes, sorted by predicate).
struct PredicateStatsRecord {
  TermId predicate = 0;
  std::uint32_t reserved = 0;
  std::uint64_t triples = 0, subjects = 0, objects = 0;
};
static_assert(sizeof(PredicateStatsRecord) == 32 && sizeof(IdTriple) == 12);

/// One graph's triples, indexed three ways: held in memory, or views of a mapped index file.
class IndexedGraph {
 public:
  IndexedGraph() = default;
  explicit IndexedGraph(std::vector<IdTriple> triples);
  /// Views of sorted arrays that outlive the graph (a mapped index file).
  IndexedGraph(std::span<const IdTriple> spo, std::span<const IdTriple> pos, std::span<const IdTriple> osp,
               std::span<const PredicateStatsRecord> stats, std::size_t subjects, std::size_t objects);
  IndexedGraph(IndexedGraph&&) noexcept = default;  // a moved vector keeps its buffer, so the views hold
  IndexedGraph& operator=(IndexedGraph&&) noexcept = default;
  /// Calls fn(s, p, o) for each triple matching the bound (non-zero) positions; stops when fn
  /// returns false.
  template <class Fn>
  void scan(TermId s, TermId p, TermId o, Fn&& fn) const;
  /// How many triples match (exact, by binary search).
  std::size_t count(TermId s, TermId p, TermId o) const;
  std::size_t size() const { return spo_.size(); }
  std::span<const IdTriple> spo() const { return spo_; }
  std::span<const IdTriple> pos() const { return pos_; }
  std::span<const IdTriple> osp() const { return osp_; }
  std::span<const PredicateStatsRecord> stats_records() const { return stats_; }
  /// Statistics of a predicate (all zero when it does not occur).
  PredicateStats stats(TermId p) const;
  std::size_t distinct_subjects() const { return subjects_; }
  std::size_t distinct_objects() const { return objects_; }

 private:
  // each index holds triples with positions permuted: spo (s,p,o), pos (p,o,s), osp (o,s,p); the
  // views are of the owned vectors or of a mapped file
  std::vector<IdTriple> own_spo_, own_pos_, own_osp_;
  std::vector<PredicateStatsRecord> own_stats_;
  std::span<const IdTriple> spo_, pos_, osp_;
  std::span<const PredicateStatsRecord> stats_;
  std::size_t subjects_ = 0, objects_ = 0;
  std::pair<std::size_t, std::size_t> range(std::span<const IdTriple> idx, TermId a, TermId b, TermId c) const;
};

/// What opening an index file checks: the header and section table always; every section's
/// checksum with Verify (reads the whole file).
enum class IndexCheck { Structure, Verify };

class Dataset {
 public:
  Dataset() = default;
  Dataset(Dataset&&) noexcept = default;
  Dataset& operator=(Dataset&&) noexcept = default;
  /// Opens an index file by memory-mapping it: nothing is parsed or copied. Throws Error(Input)
  /// naming the file and what is wrong (empty, truncated, not an index, another version, damaged).
  static Dataset open_index(const std::filesystem::path& path, IndexCheck check = IndexCheck::Structure);
  /// Writes the dataset as an index file at `path`, atomically; the same dataset gives the same
  /// bytes. `inputs` are the files read, which the output must not replace.
  void write_index(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs = {}) const;
  /// The default graph's triples as terms, in id order (a mapped dataset decodes them).
  std::vector<rdf::Triple> default_triples() const;
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
  std::shared_ptr<const void> mapping_;  ///< keeps a mapped index file open
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
