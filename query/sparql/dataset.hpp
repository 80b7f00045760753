// Dataset: the loaded graphs as integer ids over a term dictionary, with sorted SPO, POS and OSP
// permutations, so that every triple pattern is a binary search and a range. Built once from a
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
#include <utility>
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
/// The same, appended to `out`.
void encode_term(const rdf::Term& t, std::string& out);
/// The term of bytes encode_term wrote, as views into them: kind, value, datatype, language tag.
/// Bytes that are no term's encoding give false.
struct TermView {
  rdf::Term::Kind kind = rdf::Term::Kind::Iri;
  std::string_view value, datatype, lang;
  /// The order of rdf::Term: kind, value, datatype, tag.
  friend auto operator<=>(const TermView&, const TermView&) = default;
};
bool decode_term(std::string_view bytes, TermView& out);

/// Terms <-> ids. Ids start at 1. Either all in memory, or the first ones read from a mapped
/// index file (decoded on first use, and kept unless pins let them go) and any interned later in
/// memory after them.
class TermDictionary {
  struct Decoded;  ///< the terms decoded from the mapped part, and their pins (dataset_file.cpp)

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
  /// An id's term as views (valid while the dictionary lives), decoding nothing when mapped: for
  /// ordering many terms, as TermView orders them (rdf::Term's order).
  TermView view(TermId id) const;
  /// The kind of an id's term (IRI, blank node, literal), from its first byte alone when mapped.
  rdf::Term::Kind kind(TermId id) const;
  /// For ordering many mapped terms without reading their bytes: for each of `ids` (ascending),
  /// a mapped IRI's or blank node's place in TermView's order of all of them (IRIs, then blank
  /// nodes, each by value), from 1, read off the term order section; 0 for a literal and a term
  /// interned in memory. Distinct keys order their terms as view() does in an undamaged file, and
  /// the same in any; a term's key is the same whichever other ids are asked for.
  std::vector<std::uint32_t> order_keys(std::span<const TermId> ids) const;
  /// One more than the largest id.
  std::size_t size() const { return mapped_count_ + terms_.size(); }
  /// The encoded bytes of every term, in id order (for writing an index).
  std::string encoded(std::vector<std::uint64_t>& offsets) const;

  /// While a Pin lives, every reference term() gave stays valid, whatever other threads decode or
  /// pin meanwhile. A server pins each request, so that its decoded terms can be let go between
  /// requests (set_cache_limit); code that takes no pin keeps every term it decoded. A pin must
  /// end before its dictionary does.
  class Pin {
   public:
    Pin() = default;
    Pin(Pin&& o) noexcept : decoded_(std::exchange(o.decoded_, nullptr)), generation_(o.generation_) {}
    Pin& operator=(Pin&& o) noexcept;
    Pin(const Pin&) = delete;
    Pin& operator=(const Pin&) = delete;
    ~Pin() { release(); }

   private:
    friend class TermDictionary;
    void release() noexcept;
    Decoded* decoded_ = nullptr;
    std::uint64_t generation_ = 0;
  };
  /// Pins the terms decoded from the mapped part. When they take more than the cache limit, the
  /// pin starts from an empty cache; the full one is freed when the last pin that could read it
  /// ends. An in-memory dictionary has nothing to pin.
  Pin pin() const;
  /// About how many bytes of decoded terms to keep between pins; 0 (the default): all of them.
  void set_cache_limit(std::size_t bytes);
  struct CacheStats {
    std::size_t bytes = 0;    ///< of the current cache: its decoded terms and blocks of slots
    std::size_t dropped = 0;  ///< full caches pins have let go
    std::size_t waiting = 0;  ///< of those, the ones not freed yet: a living pin may read them
  };
  CacheStats cache_stats() const;

  /// The mapped part of a dictionary: ids 1..offsets.size()-1.
  struct Mapped {
    std::span<const std::uint64_t> offsets;
    std::string_view bytes;
    std::span<const std::uint32_t> order;
    std::function<void(const std::string&)> damaged;  ///< throws, naming the file
  };
  explicit TermDictionary(Mapped mapped);

 private:
  const rdf::Term& mapped_term(TermId id) const;
  std::string_view mapped_bytes(TermId id) const;
  TermId mapped_find(const rdf::Term& t) const;
  std::size_t mapped_count_ = 0;
  Mapped mapped_;
  /// On the heap, where a moved dictionary's pins still find it.
  std::unique_ptr<Decoded, void (*)(Decoded*)> decoded_{nullptr, nullptr};
  std::vector<rdf::Term> terms_;   ///< the empty term (id 0), then the ids after mapped_count_
  std::unordered_map<rdf::Term, TermId, TermHash> ids_;
};

using IdTriple = std::array<TermId, 3>;

/// How a predicate is used in one graph, for join planning.
struct PredicateStats {
  std::size_t triples = 0, subjects = 0, objects = 0;
};

/// What the objects of a predicate are, as PredicateStatsRecord::objects_kind records it.
enum ObjectsKind : std::uint32_t {
  kObjectsUnknown = 0,   ///< literals and other terms both, or not recorded (an older file)
  kObjectsLiterals = 1,  ///< every object a literal
  kObjectsNodes = 2,     ///< no object a literal: IRIs and blank nodes only
};

/// A predicate's statistics as the index file stores them (32 bytes, sorted by predicate).
struct PredicateStatsRecord {
  TermId predicate = 0;
  std::uint32_t objects_kind = kObjectsUnknown;  ///< an ObjectsKind
  std::uint64_t triples = 0, subjects = 0, objects = 0;
};
static_assert(sizeof(PredicateStatsRecord) == 32 && sizeof(IdTriple) == 12);

class Permutation;
/// Where the last lookup of a run of lookups found its first column's value and its rows: a join
/// whose bound values come in ascending order (the rows of one key of another permutation) then
/// finds each from there, in a few steps over memory just read, instead of a binary search over
/// every key or every row of one.
struct ScanHint {
  const Permutation* permutation = nullptr;
  std::size_t key = 0;         ///< the index of the last key found
  std::size_t pair = SIZE_MAX;  ///< where the last search within a key's rows began, if any
};

/// One order of a graph's triples (SPO, POS or OSP): the rows sorted, each value of the first
/// column stored once with where its rows start, the other two columns as pairs. Its bytes are the
/// index file's permutation section (docs/index-format.md), built in memory or viewed in a mapped
/// file, so that writing copies nothing and opening parses nothing:
///   u64 K (distinct first values), u64 T (rows), K u32 keys (sorted; zeros to a multiple of 8),
///   K + 1 u64 starts (the rows of key i are starts[i] .. starts[i+1]), T (u32, u32) pairs.
class Permutation {
 public:
  using Pair = std::array<TermId, 2>;
  Permutation() : Permutation(std::vector<IdTriple>{}) {}
  /// From rows sorted and without duplicates.
  explicit Permutation(const std::vector<IdTriple>& rows);
  /// A view of a section's bytes, which outlive it and which problem() found nothing wrong with.
  explicit Permutation(std::string_view section);
  Permutation(Permutation&&) noexcept = default;  // a moved vector keeps its buffer, so the views hold
  Permutation& operator=(Permutation&&) noexcept = default;
  /// What is wrong with a section's layout ("" when nothing): its header and length, the first and
  /// last start. Rows out of order or starts out of range inside it are found when read.
  static std::string problem(std::string_view section);

  /// Calls fn(a, b, c) for each row whose leading columns equal the non-zero `a`, `b`, `c` (`c`
  /// only with `b`, `b` only with `a`; every row when `a` is 0), in order, until fn returns false.
  /// With a `hint`, the search for `a` starts where the hint's last one ended.
  template <class Fn>
  void scan(TermId a, TermId b, TermId c, Fn&& fn, ScanHint* hint = nullptr) const;
  /// How many rows scan(a, b, c) gives, by binary search.
  std::size_t count(TermId a, TermId b, TermId c) const;
  /// The other two columns of the rows whose first is `a` (none when `a` is not a key), in order.
  /// With a `hint`, the search for `a` starts where the hint's last one ended.
  std::span<const Pair> pairs(TermId a, ScanHint* hint = nullptr) const {
    auto [first, last] = range(a, 0, 0, hint);
    return pairs_.subspan(first, last - first);
  }
  std::size_t size() const { return pairs_.size(); }
  /// The distinct values of the first column, sorted.
  std::span<const TermId> keys() const { return keys_; }
  /// Every row, in order (as IdTriple in this permutation's column order).
  std::vector<IdTriple> rows() const;
  /// The section's bytes.
  std::string_view bytes() const { return bytes_; }

 private:
  void view(std::string_view section);
  /// The rows of the i-th key; Error(Input) when a damaged file's starts are out of range.
  std::pair<std::size_t, std::size_t> rows_of(std::size_t i) const;
  std::pair<std::size_t, std::size_t> range(TermId a, TermId b, TermId c, ScanHint* hint = nullptr) const;
  /// The index of the first key not less than `a`, searched from `hint` when it has one of these keys.
  std::size_t find_key(TermId a, ScanHint* hint) const;

  std::vector<std::uint64_t> own_;  ///< the section's bytes, when built in memory
  std::string_view bytes_;
  std::span<const TermId> keys_;
  std::span<const std::uint64_t> starts_;
  std::span<const Pair> pairs_;
};

/// One graph's triples, indexed three ways: held in memory, or views of a mapped index file.
class IndexedGraph {
 public:
  IndexedGraph() = default;
  /// Indexes `triples`; with `is_literal`, which tells a literal's id, its statistics record what
  /// each predicate's objects are (else kObjectsUnknown).
  explicit IndexedGraph(std::vector<IdTriple> triples, const std::function<bool(TermId)>& is_literal = {});
  /// Views of a mapped index file's sections, which outlive the graph.
  IndexedGraph(Permutation spo, Permutation pos, Permutation osp, std::span<const PredicateStatsRecord> stats);
  IndexedGraph(IndexedGraph&&) noexcept = default;  // a moved vector keeps its buffer, so the views hold
  IndexedGraph& operator=(IndexedGraph&&) noexcept = default;
  /// Calls fn(s, p, o) for each triple matching the bound (non-zero) positions; stops when fn
  /// returns false. A `hint` kept over a run of scans speeds ascending lookups up (ScanHint).
  template <class Fn>
  void scan(TermId s, TermId p, TermId o, Fn&& fn, ScanHint* hint = nullptr) const;
  /// How many triples match (exact, by binary search).
  std::size_t count(TermId s, TermId p, TermId o) const;
  std::size_t size() const { return spo_.size(); }
  /// Every triple, sorted.
  std::vector<IdTriple> triples() const { return spo_.rows(); }
  const Permutation& spo() const { return spo_; }
  const Permutation& pos() const { return pos_; }
  const Permutation& osp() const { return osp_; }
  std::span<const PredicateStatsRecord> stats_records() const { return stats_; }
  /// Statistics of a predicate (all zero when it does not occur).
  PredicateStats stats(TermId p) const;
  std::size_t distinct_subjects() const { return spo_.keys().size(); }
  std::size_t distinct_objects() const { return osp_.keys().size(); }

 private:
  // spo (s; p, o), pos (p; o, s), osp (o; s, p)
  Permutation spo_, pos_, osp_;
  std::vector<PredicateStatsRecord> own_stats_;
  std::span<const PredicateStatsRecord> stats_;
};

/// Writes an index file at `path`, atomically: a dictionary's terms as TermDictionary::encoded
/// gives them (their bytes in id order, and where each ends) and the graphs. `inputs` are the
/// files read, which the output must not replace.
void write_index(const std::filesystem::path& path, std::string_view term_bytes, std::span<const std::uint64_t> offsets,
                 const IndexedGraph& default_graph, const std::map<TermId, IndexedGraph>& named,
                 const std::vector<std::filesystem::path>& inputs);

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
  /// A dataset held in memory as an opened index file holds it: a dictionary's encoded terms (as
  /// TermDictionary::encoded gives them) and the graphs (IndexBuilder::dataset).
  static Dataset from_parts(std::string term_bytes, std::vector<std::uint64_t> offsets, IndexedGraph default_graph,
                            std::map<TermId, IndexedGraph> named);
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
  /// About how many bytes of decoded terms to keep between pins (TermDictionary::set_cache_limit).
  void set_term_cache_limit(std::size_t bytes) { dict_.set_cache_limit(bytes); }
  const IndexedGraph& default_graph() const { return default_; }
  /// Named graphs by the id of their IRI (ids follow load order).
  const std::map<TermId, IndexedGraph>& named() const { return named_; }
  const IndexedGraph* named_graph(TermId iri) const;

 private:
  std::vector<IdTriple> snapshot(const rdf::Model& model);
  std::vector<IdTriple> snapshot(const std::vector<rdf::Triple>& triples);
  /// Whether an id's term is a literal, for a graph's statistics.
  std::function<bool(TermId)> literal_test() const;
  TermDictionary dict_;
  IndexedGraph default_;
  std::map<TermId, IndexedGraph> named_;
  std::shared_ptr<const void> mapping_;  ///< keeps a mapped index file open
};

template <class Fn>
void Permutation::scan(TermId a, TermId b, TermId c, Fn&& fn, ScanHint* hint) const {
  if (a == 0) {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      auto [first, last] = rows_of(i);
      for (auto r = first; r < last; ++r)
        if (!fn(keys_[i], pairs_[r][0], pairs_[r][1])) return;
    }
    return;
  }
  auto [first, last] = range(a, b, c, hint);
  for (auto r = first; r < last; ++r)
    if (!fn(a, pairs_[r][0], pairs_[r][1])) return;
}

template <class Fn>
void IndexedGraph::scan(TermId s, TermId p, TermId o, Fn&& fn, ScanHint* hint) const {
  if (s && o && !p) {
    osp_.scan(o, s, 0, [&](TermId o_, TermId s_, TermId p_) { return fn(s_, p_, o_); }, hint);
  } else if (s && p && o && hint) {
    // A check in a run: the object's subjects in POS, in order, where ascending subjects are
    // found a few rows on from the last (in SPO each subject's rows lie elsewhere).
    pos_.scan(p, o, s, [&](TermId p_, TermId o_, TermId s_) { return fn(s_, p_, o_); }, hint);
  } else if (s || (!p && !o)) {
    spo_.scan(s, p, p ? o : 0, fn, hint);
  } else if (p) {
    pos_.scan(p, o, 0, [&](TermId p_, TermId o_, TermId s_) { return fn(s_, p_, o_); }, hint);
  } else {
    osp_.scan(o, 0, 0, [&](TermId o_, TermId s_, TermId p_) { return fn(s_, p_, o_); }, hint);
  }
}

}  // namespace policykg::query
