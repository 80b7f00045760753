#include "query/sparql/index_builder.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <thread>
#include <utility>

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/parallel_sort.hpp"
#include "rdf/parser.hpp"

namespace policykg::query {

namespace {

std::size_t threads() { return std::max(1u, std::thread::hardware_concurrency()); }

std::uint32_t hash_of(std::string_view bytes) {
  const std::size_t h = std::hash<std::string_view>{}(bytes);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

TermView view_of(std::string_view bytes) {
  TermView v;
  decode_term(bytes, v);  // bytes encode_term wrote
  return v;
}

}  // namespace

std::uint32_t IndexBuilder::intern_scratch() {
  if (2 * (ends_.size() + 1) > slots_.size()) grow_table();
  const std::uint32_t h = hash_of(scratch_);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) {
      if (ends_.size() >= std::size_t{0xFFFFFFFE})
        throw Error(Error::Category::Input, "index", "more distinct terms than an index file holds (2^32 - 2)");
      const auto tmp = static_cast<std::uint32_t>(ends_.size());
      if (arena_.size() + scratch_.size() > arena_.capacity())
        reserve_huge(arena_, std::max(2 * arena_.capacity(), arena_.size() + scratch_.size() + (std::size_t{1} << 16)));
      arena_.insert(arena_.end(), scratch_.begin(), scratch_.end());
      push_back_huge(ends_, std::uint64_t{arena_.size()});
      push_back_huge(hashes_, h);
      push_back_huge(final_, TermId{sealed_ ? next_id_++ : 0});
      slots_[i] = tmp + 1;
      return tmp;
    }
    if (hashes_[slot - 1] == h && bytes(slot - 1) == scratch_) return slot - 1;
  }
}

std::uint32_t IndexBuilder::intern(const rdf::Term& t) {
  scratch_.clear();
  encode_term(t, scratch_);
  return intern_scratch();
}

void IndexBuilder::grow_table() {
  std::vector<std::uint32_t> slots;
  const std::size_t n = std::max<std::size_t>(1024, 2 * slots_.size());
  reserve_huge(slots, n);
  slots.resize(n, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t tmp = 0; tmp < ends_.size(); ++tmp) {
    std::size_t i = hashes_[tmp] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = tmp + 1;
  }
  slots_ = std::move(slots);
}

void IndexBuilder::add(const rdf::Triple& t) {
  const std::uint32_t s = intern(t.s), p = intern(t.p), o = intern(t.o);
  push_back_huge(*current_, sealed_ ? IdTriple{final_[s], final_[p], final_[o]} : IdTriple{s, p, o});
}

void IndexBuilder::add_file(const std::filesystem::path& file) {
  rdf::read_file(file, [this](const rdf::Triple& t) { add(t); });
}

void IndexBuilder::start_named(const std::string& iri) {
  if (!sealed_) seal_default();
  end_named();
  graph_name_ = iri;
  current_ = &graph_;
}

void IndexBuilder::end_named() {
  if (current_ != &graph_) return;
  named_[final_[intern(rdf::Term::iri(graph_name_))]] = std::move(graph_);
  graph_.clear();
  current_ = nullptr;
}

void IndexBuilder::seal_default() {
  // Every term's rank in the order of rdf::Term.
  std::vector<std::uint32_t> by_rank;
  reserve_huge(by_rank, ends_.size());
  by_rank.resize(ends_.size());
  std::iota(by_rank.begin(), by_rank.end(), 0u);
  parallel_sort(
      by_rank.begin(), by_rank.end(),
      [&](std::uint32_t a, std::uint32_t b) { return view_of(bytes(a)) < view_of(bytes(b)); }, threads());
  {
    std::vector<std::uint32_t> rank;
    reserve_huge(rank, ends_.size());
    rank.resize(ends_.size());
    for (std::uint32_t r = 0; r < by_rank.size(); ++r) rank[by_rank[r]] = r;
    for (auto& t : default_)
      for (auto& x : t) x = rank[x];
  }
  // Triples in the order of rdf::Triple, once each; ids in the order their terms first appear.
  parallel_sort(default_.begin(), default_.end(), std::less<>{}, threads());
  default_.erase(std::unique(default_.begin(), default_.end()), default_.end());
  for (auto& t : default_)
    for (auto& x : t) {
      TermId& id = final_[by_rank[x]];
      if (id == 0) id = next_id_++;
      x = id;
    }
  sealed_ = true;
}

IndexBuilder::Finished IndexBuilder::finish() {
  if (!sealed_) seal_default();
  end_named();
  Finished f;
  // The dictionary in id order.
  std::vector<std::uint32_t> tmp_of(next_id_, 0);
  for (std::uint32_t tmp = 0; tmp < final_.size(); ++tmp) tmp_of[final_[tmp]] = tmp;
  f.term_bytes.reserve(arena_.size());
  advise_huge_pages(f.term_bytes.data(), arena_.size());
  reserve_huge(f.offsets, next_id_);
  f.offsets.push_back(0);
  for (TermId id = 1; id < next_id_; ++id) {
    f.term_bytes += bytes(tmp_of[id]);
    f.offsets.push_back(f.term_bytes.size());
  }
  f.written = {default_.size(), named_.size(), next_id_ - std::size_t{1}};
  // Let go of what the graphs no longer need before they are indexed.
  std::vector<std::uint32_t>().swap(tmp_of);
  std::vector<char>().swap(arena_);
  std::vector<std::uint64_t>().swap(ends_);
  std::vector<std::uint32_t>().swap(hashes_);
  std::vector<std::uint32_t>().swap(slots_);
  std::vector<TermId>().swap(final_);
  // A literal's encoding starts with neither an IRI's tag nor a blank node's.
  const auto is_literal = [&f](TermId id) {
    const char tag = f.term_bytes[f.offsets[id - 1]];
    return tag != 'I' && tag != 'B';
  };
  f.default_graph = IndexedGraph(std::move(default_), is_literal);
  for (auto it = named_.begin(); it != named_.end(); it = named_.erase(it))
    f.named.emplace(it->first, IndexedGraph(std::move(it->second), is_literal));
  return f;
}

IndexBuilder::Written IndexBuilder::write(const std::filesystem::path& path,
                                          const std::vector<std::filesystem::path>& inputs) {
  const Finished f = finish();
  query::write_index(path, f.term_bytes, f.offsets, f.default_graph, f.named, inputs);
  return f.written;
}

Dataset IndexBuilder::dataset() {
  Finished f = finish();
  return Dataset::from_parts(std::move(f.term_bytes), std::move(f.offsets), std::move(f.default_graph),
                             std::move(f.named));
}

}  // namespace policykg::query
