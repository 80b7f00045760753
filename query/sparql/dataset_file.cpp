// A Dataset as an index file (docs/index-format.md): writing one, and opening one by
// memory-mapping, with the dictionary's terms decoded from the mapped bytes on first use.
#include <algorithm>
#include <cstring>
#include <limits>
#include <mutex>
#include <numeric>
#include <set>

#include "core/error.hpp"
#include "core/heap.hpp"
#include "core/utf8.hpp"
#include "query/sparql/dataset.hpp"
#include "rdf/index_file.hpp"

namespace policykg::query {

namespace {

using rdf::IndexSectionKind;

void put_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}

template <class T>
std::string_view bytes_of(std::span<const T> s) {
  return {reinterpret_cast<const char*>(s.data()), s.size_bytes()};
}

template <class T>
std::span<const T> view_as(std::string_view bytes) {
  return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

}  // namespace

std::string encode_term(const rdf::Term& t) {
  std::string out;
  out.reserve(t.value.size() + t.datatype.size() + t.lang.size() + 9);
  encode_term(t, out);
  return out;
}

void encode_term(const rdf::Term& t, std::string& out) {
  if (t.kind == rdf::Term::Kind::Iri) out += 'I';
  else if (t.kind == rdf::Term::Kind::Blank) out += 'B';
  else if (t.datatype.empty() && t.lang.empty()) out += 'L';
  else {
    // 'D' has both a datatype and a tag: no reader makes one, but a term round-trips whatever it holds
    const bool both = !t.datatype.empty() && !t.lang.empty();
    out += both ? 'D' : t.lang.empty() ? 'T' : 'G';
    put_u32(out, static_cast<std::uint32_t>(t.value.size()));
    out += t.value;
    if (both) put_u32(out, static_cast<std::uint32_t>(t.datatype.size()));
    out += t.datatype;
    out += t.lang;
    return;
  }
  out += t.value;
}

bool decode_term(std::string_view b, TermView& out) {
  if (b.empty()) return false;
  const char tag = b[0];
  b.remove_prefix(1);
  out = TermView{};
  auto take = [&](std::string_view& part) {
    std::uint32_t n;
    if (b.size() < 4) return false;
    std::memcpy(&n, b.data(), 4);
    b.remove_prefix(4);
    if (n > b.size()) return false;
    part = b.substr(0, n);
    b.remove_prefix(n);
    return true;
  };
  switch (tag) {
    case 'I': out.value = b; return true;
    case 'B': out.kind = rdf::Term::Kind::Blank; out.value = b; return true;
    case 'L': out.kind = rdf::Term::Kind::Literal; out.value = b; return true;
    case 'T':
    case 'G':
    case 'D':
      out.kind = rdf::Term::Kind::Literal;
      if (!take(out.value)) return false;
      if (tag == 'D' && !take(out.datatype)) return false;
      (tag == 'T' ? out.datatype : out.lang) = b;
      return true;
    default: return false;
  }
}

// ---- the mapped dictionary ----------------------------------------------------------------------

// A slot per mapped id, in blocks made on first use (opening a file of millions of terms fills no
// table); threads may decode at once. Terms are let go a whole cache at a time: pins (see Pin)
// swap a full cache for an empty one and free it once no living pin can hold its terms.
struct TermDictionary::Decoded {
  class Cache {
   public:
    explicit Cache(std::size_t n) : blocks_((n + kBlock - 1) / kBlock) {}
    Cache(const Cache&) = delete;
    Cache& operator=(const Cache&) = delete;
    ~Cache() {
      for (auto& block : blocks_)
        if (Block* b = block.load(std::memory_order_relaxed)) {
          for (auto& slot : *b) delete slot.load(std::memory_order_relaxed);
          delete b;
        }
    }
    std::atomic<const rdf::Term*>& slot(TermId id) {
      std::atomic<Block*>& block = blocks_[id / kBlock];
      Block* b = block.load(std::memory_order_acquire);
      if (b == nullptr) {
        auto made = std::make_unique<Block>();  // every slot null
        if (block.compare_exchange_strong(b, made.get(), std::memory_order_acq_rel)) {
          b = made.release();
          bytes_.fetch_add(sizeof(Block), std::memory_order_relaxed);
        }
      }
      return (*b)[id % kBlock];
    }
    /// The term decoded for `id`, or null (making no block).
    const rdf::Term* decoded(TermId id) const {
      const Block* b = blocks_[id / kBlock].load(std::memory_order_acquire);
      return b == nullptr ? nullptr : (*b)[id % kBlock].load(std::memory_order_acquire);
    }
    void add(std::size_t bytes) { bytes_.fetch_add(bytes, std::memory_order_relaxed); }
    std::size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }

   private:
    static constexpr std::size_t kBlock = 4096;
    using Block = std::array<std::atomic<const rdf::Term*>, kBlock>;
    std::vector<std::atomic<Block*>> blocks_;
    std::atomic<std::size_t> bytes_{0};
  };

  explicit Decoded(std::size_t n) : slots(n), owned(std::make_unique<Cache>(n)), current(owned.get()) {}

  /// Takes out the dropped caches no living pin began early enough to read, for the caller to
  /// free after unlocking `mutex` (under which this runs).
  std::vector<std::unique_ptr<Cache>> unreadable() {
    const std::uint64_t oldest = pins.empty() ? std::numeric_limits<std::uint64_t>::max() : *pins.begin();
    std::vector<std::unique_ptr<Cache>> out;
    std::erase_if(dropped, [&](auto& d) {
      if (d.first >= oldest) return false;
      out.push_back(std::move(d.second));
      return true;
    });
    return out;
  }
  /// Frees caches, and gives the memory back to the system: the terms are many small blocks,
  /// which the allocator would otherwise keep.
  static void let_go(std::vector<std::unique_ptr<Cache>> caches) {
    if (caches.empty()) return;
    caches.clear();
    release_free_memory();
  }

  const std::size_t slots;
  std::unique_ptr<Cache> owned;   ///< the current cache; under `mutex`
  std::atomic<Cache*> current;    ///< the same, for term() to read without the lock
  std::mutex mutex;
  std::size_t limit = 0;          ///< bytes; 0: none
  std::uint64_t generation = 0;   ///< the current cache's number: how many were dropped before it
  /// Caches let go that a living pin may still read, with the number each had.
  std::vector<std::pair<std::uint64_t, std::unique_ptr<Cache>>> dropped;
  /// The number of the cache that was current when each living pin began: a pin may read that
  /// cache and every later one.
  std::multiset<std::uint64_t> pins;
};

TermDictionary::TermDictionary(Mapped mapped)
    : mapped_count_(mapped.offsets.size() - 1), mapped_(std::move(mapped)),
      decoded_(new Decoded(mapped_count_ + 1), [](Decoded* d) { delete d; }) {
  terms_.emplace_back();
}

TermDictionary::Pin TermDictionary::pin() const {
  Pin p;
  if (!decoded_) return p;
  Decoded& d = *decoded_;
  std::vector<std::unique_ptr<Decoded::Cache>> unreadable;
  {
    std::lock_guard lock(d.mutex);
    if (d.limit != 0 && d.owned->bytes() > d.limit) {
      d.dropped.emplace_back(d.generation, std::move(d.owned));
      d.owned = std::make_unique<Decoded::Cache>(d.slots);
      d.current.store(d.owned.get(), std::memory_order_release);
      ++d.generation;
      unreadable = d.unreadable();
    }
    d.pins.insert(d.generation);
    p.decoded_ = &d;
    p.generation_ = d.generation;
  }
  Decoded::let_go(std::move(unreadable));
  return p;
}

void TermDictionary::Pin::release() noexcept {
  if (!decoded_) return;
  std::vector<std::unique_ptr<Decoded::Cache>> unreadable;
  {
    std::lock_guard lock(decoded_->mutex);
    decoded_->pins.erase(decoded_->pins.find(generation_));
    unreadable = decoded_->unreadable();
  }
  Decoded::let_go(std::move(unreadable));
  decoded_ = nullptr;
}

TermDictionary::Pin& TermDictionary::Pin::operator=(Pin&& o) noexcept {
  if (this != &o) {
    release();
    decoded_ = std::exchange(o.decoded_, nullptr);
    generation_ = o.generation_;
  }
  return *this;
}

void TermDictionary::set_cache_limit(std::size_t bytes) {
  if (!decoded_) return;
  std::lock_guard lock(decoded_->mutex);
  decoded_->limit = bytes;
}

TermDictionary::CacheStats TermDictionary::cache_stats() const {
  if (!decoded_) return {};
  std::lock_guard lock(decoded_->mutex);
  return {decoded_->owned->bytes(), static_cast<std::size_t>(decoded_->generation), decoded_->dropped.size()};
}

std::string_view TermDictionary::mapped_bytes(TermId id) const {
  if (id == 0 || id > mapped_count_) mapped_.damaged("term id " + std::to_string(id) + " is out of range");
  const std::uint64_t begin = mapped_.offsets[id - 1], end = mapped_.offsets[id];
  if (begin > end || end > mapped_.bytes.size()) mapped_.damaged("the offsets of term " + std::to_string(id) + " are out of range");
  return mapped_.bytes.substr(begin, end - begin);
}

TermView TermDictionary::view(TermId id) const {
  if (id == 0 || id > mapped_count_) {
    const rdf::Term& t = term(id);
    return {t.kind, t.value, t.datatype, t.lang};
  }
  TermView v;
  if (!decode_term(mapped_bytes(id), v)) mapped_.damaged("term " + std::to_string(id) + " is not a term's encoding");
  return v;
}

rdf::Term::Kind TermDictionary::kind(TermId id) const {
  if (id == 0 || id > mapped_count_) return term(id).kind;
  if (const rdf::Term* t = decoded_->current.load(std::memory_order_acquire)->decoded(id)) return t->kind;
  const std::string_view b = mapped_bytes(id);
  if (b.empty()) mapped_.damaged("term " + std::to_string(id) + " is not a term's encoding");
  return b[0] == 'I' ? rdf::Term::Kind::Iri : b[0] == 'B' ? rdf::Term::Kind::Blank : rdf::Term::Kind::Literal;
}

std::vector<std::uint32_t> TermDictionary::order_keys(std::span<const TermId> ids) const {
  std::vector<std::uint32_t> keys(ids.size(), 0);
  // The ids asked for, marked: a bit a term rather than a key, so that a pass over the order
  // touches the pages of its own section and of this, and not of an array of a key a term.
  std::vector<bool> wanted(mapped_count_ + 1, false);
  for (const TermId id : ids)
    if (id >= 1 && id <= mapped_count_) wanted[id] = true;
  const auto& order = mapped_.order;
  // The first place in the order whose term's first byte (its kind's tag) is not below `tag`: the
  // order is by encoded bytes, so each tag's terms lie together, each kind's by value.
  auto first_with = [&](unsigned char tag) {
    std::size_t lo = 0, hi = order.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const std::string_view b = mapped_bytes(order[mid]);
      if (!b.empty() && static_cast<unsigned char>(b[0]) < tag) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  std::uint32_t key = 0;
  for (const unsigned char tag : {'I', 'B'})
    for (std::size_t i = first_with(tag), end = first_with(tag + 1); i < end; ++i) {
      const TermId id = order[i];
      ++key;
      if (id < 1 || id > mapped_count_ || !wanted[id]) continue;
      wanted[id] = false;  // a damaged order may name an id twice: its first place counts
      for (auto at = std::lower_bound(ids.begin(), ids.end(), id); at != ids.end() && *at == id; ++at)
        keys[static_cast<std::size_t>(at - ids.begin())] = key;
    }
  return keys;
}

const rdf::Term& TermDictionary::mapped_term(TermId id) const {
  Decoded::Cache& cache = *decoded_->current.load(std::memory_order_acquire);
  std::atomic<const rdf::Term*>& slot = cache.slot(id);
  if (const rdf::Term* t = slot.load(std::memory_order_acquire)) return *t;
  const TermView v = view(id);
  auto term = std::make_unique<rdf::Term>(
      rdf::Term{v.kind, std::string(v.value), std::string(v.datatype), std::string(v.lang)});
  // Terms are UTF-8 in every file this program writes: other bytes are damage, found here rather
  // than by whatever writes the term out (a result table, a JSON document).
  for (std::string_view part : {std::string_view(term->value), std::string_view(term->datatype), std::string_view(term->lang)})
    if (first_invalid_utf8(part)) mapped_.damaged("term " + std::to_string(id) + " is not valid UTF-8");
  const rdf::Term* expected = nullptr;
  if (slot.compare_exchange_strong(expected, term.get(), std::memory_order_acq_rel)) {
    cache.add(sizeof(rdf::Term) + term->value.size() + term->datatype.size() + term->lang.size());
    return *term.release();
  }
  return *expected;  // another thread decoded it first
}

TermId TermDictionary::mapped_find(const rdf::Term& t) const {
  const std::string key = encode_term(t);
  std::size_t lo = 0, hi = mapped_.order.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const TermId id = mapped_.order[mid];
    const int c = mapped_bytes(id).compare(key);
    if (c == 0) return id;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

std::string TermDictionary::encoded(std::vector<std::uint64_t>& offsets) const {
  std::string bytes;
  offsets.assign(1, 0);
  for (std::size_t id = 1; id < size(); ++id) {
    bytes += encode_term(term(static_cast<TermId>(id)));
    offsets.push_back(bytes.size());
  }
  return bytes;
}

// ---- the file -----------------------------------------------------------------------------------

void Dataset::write_index(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs) const {
  std::vector<std::uint64_t> offsets;
  const std::string term_bytes = dict_.encoded(offsets);
  query::write_index(path, term_bytes, offsets, default_, named_, inputs);
}

namespace {

// The ids sorted by their terms' bytes, for finding a term's id by binary search.
std::vector<std::uint32_t> term_order(std::string_view term_bytes, std::span<const std::uint64_t> offsets) {
  std::vector<std::uint32_t> order(offsets.size() - 1);
  std::iota(order.begin(), order.end(), 1u);
  auto bytes_of_id = [&](std::uint32_t id) { return term_bytes.substr(offsets[id - 1], offsets[id] - offsets[id - 1]); };
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return bytes_of_id(a) < bytes_of_id(b); });
  return order;
}

}  // namespace

Dataset Dataset::from_parts(std::string term_bytes, std::vector<std::uint64_t> offsets, IndexedGraph default_graph,
                            std::map<TermId, IndexedGraph> named) {
  struct Held {
    std::string bytes;
    std::vector<std::uint64_t> offsets;
    std::vector<std::uint32_t> order;
  };
  auto held = std::make_shared<Held>(Held{std::move(term_bytes), std::move(offsets), {}});
  held->order = term_order(held->bytes, held->offsets);
  Dataset d;
  d.dict_ = TermDictionary(TermDictionary::Mapped{held->offsets, held->bytes, held->order, [](const std::string& what) {
    throw Error(Error::Category::Internal, "dictionary", what);
  }});
  d.default_ = std::move(default_graph);
  d.named_ = std::move(named);
  d.mapping_ = held;
  return d;
}

void write_index(const std::filesystem::path& path, std::string_view term_bytes, std::span<const std::uint64_t> offsets,
                 const IndexedGraph& default_graph, const std::map<TermId, IndexedGraph>& named,
                 const std::vector<std::filesystem::path>& inputs) {
  const std::vector<std::uint32_t> order = term_order(term_bytes, offsets);

  std::vector<rdf::IndexSectionData> sections = {
      {IndexSectionKind::TermOffsets, 0, bytes_of(offsets)},
      {IndexSectionKind::TermBytes, 0, term_bytes},
      {IndexSectionKind::TermOrder, 0, bytes_of(std::span<const std::uint32_t>(order))},
  };
  std::vector<std::string> stats;  // kept until written
  stats.reserve(named.size() + 1);
  auto add_graph = [&](TermId graph, const IndexedGraph& g) {
    std::string s;
    const std::uint64_t counts[2] = {g.distinct_subjects(), g.distinct_objects()};
    s.append(reinterpret_cast<const char*>(counts), sizeof counts);
    s += bytes_of(g.stats_records());
    stats.push_back(std::move(s));
    sections.push_back({IndexSectionKind::Spo, graph, g.spo().bytes()});
    sections.push_back({IndexSectionKind::Pos, graph, g.pos().bytes()});
    sections.push_back({IndexSectionKind::Osp, graph, g.osp().bytes()});
    sections.push_back({IndexSectionKind::Stats, graph, stats.back()});
  };
  add_graph(0, default_graph);
  for (const auto& [iri, g] : named) add_graph(iri, g);
  rdf::write_index_file(path, sections, inputs);
}

Dataset Dataset::open_index(const std::filesystem::path& path, IndexCheck check) {
  auto file = rdf::MappedIndexFile::open(path);
  if (check == IndexCheck::Verify) file->verify();
  using Section = rdf::MappedIndexFile::Section;
  const Section* dictionary[3] = {};
  std::map<std::uint32_t, std::array<const Section*, 4>> graphs;
  for (const auto& s : file->sections()) {
    const std::string name = rdf::index_section_name(s.kind, s.graph);
    const Section** slot = nullptr;
    if (s.kind >= 1 && s.kind <= 3) slot = s.graph == 0 ? &dictionary[s.kind - 1] : nullptr;
    else if (s.kind >= 4 && s.kind <= 7) slot = &graphs[s.graph][s.kind - 4];
    if (!slot) file->damaged("a " + name + " this version does not know");
    if (*slot) file->damaged("two sections hold the " + name);
    *slot = &s;
  }
  for (int k = 0; k < 3; ++k)
    if (!dictionary[k]) file->damaged("no " + rdf::index_section_name(static_cast<std::uint32_t>(k + 1), 0));
  const auto& offsets = *dictionary[0];
  const auto& bytes = *dictionary[1];
  const auto& order = *dictionary[2];
  if (offsets.bytes.size() < 8 || offsets.bytes.size() % 8 != 0) file->damaged("the term offsets have a wrong length");
  const std::size_t terms = offsets.bytes.size() / 8 - 1;
  if (terms >= 0xFFFFFFFFu) file->damaged("more terms than ids");
  if (order.bytes.size() != 4 * terms) file->damaged("the term order does not list every term once");
  auto offset_view = view_as<std::uint64_t>(offsets.bytes);
  if (offset_view.front() != 0 || offset_view.back() != bytes.bytes.size())
    file->damaged("the term offsets do not span the term bytes");

  TermDictionary::Mapped mapped{offset_view, bytes.bytes, view_as<std::uint32_t>(order.bytes),
                                [file](const std::string& what) { file->damaged(what); }};
  Dataset d;
  d.dict_ = TermDictionary(std::move(mapped));
  if (!graphs.contains(0)) file->damaged("no default graph");
  for (const auto& [graph, parts] : graphs) {
    for (int k = 0; k < 4; ++k)
      if (!parts[static_cast<std::size_t>(k)])
        file->damaged("no " + rdf::index_section_name(static_cast<std::uint32_t>(k + 4), graph));
    std::uint64_t rows[3];
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string_view b = parts[k]->bytes;
      if (const std::string problem = Permutation::problem(b); !problem.empty())
        file->damaged("the " + rdf::index_section_name(static_cast<std::uint32_t>(k + 4), graph) + " " + problem);
      std::memcpy(&rows[k], b.data() + 8, 8);
    }
    if (rows[1] != rows[0] || rows[2] != rows[0])
      file->damaged("the permutations of " + std::string(graph ? "named graph " + std::to_string(graph) : "the default graph") +
                    " hold different numbers of triples");
    const std::string_view st = parts[3]->bytes;
    if (st.size() < 16 || (st.size() - 16) % sizeof(PredicateStatsRecord) != 0)
      file->damaged("the " + rdf::index_section_name(7, graph) + " has a wrong length");
    IndexedGraph g(Permutation(parts[0]->bytes), Permutation(parts[1]->bytes), Permutation(parts[2]->bytes),
                   view_as<PredicateStatsRecord>(st.substr(16)));
    if (graph == 0) {
      d.default_ = std::move(g);
    } else {
      if (graph > terms || !d.dict_.term(graph).is_iri()) file->damaged("named graph " + std::to_string(graph) + " is not an IRI");
      d.named_.emplace(graph, std::move(g));
    }
  }
  d.mapping_ = file;
  return d;
}

std::vector<rdf::Triple> Dataset::default_triples() const {
  std::vector<rdf::Triple> out;
  out.reserve(default_.size());
  for (const auto& t : default_.triples()) {
    for (TermId id : t)
      if (id == 0 || id >= dict_.size())
        throw Error(Error::Category::Input, "", "index damaged: term id " + std::to_string(id) + " is out of range");
    out.push_back({dict_.term(t[0]), dict_.term(t[1]), dict_.term(t[2])});
  }
  return out;
}

}  // namespace policykg::query
