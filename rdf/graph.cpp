// Graph: interning through an open-addressing table over the term vector.
#include "rdf/graph.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "core/parallel_sort.hpp"

namespace policykg::rdf {

namespace {

constexpr Graph::Id kEmpty = UINT32_MAX;

// Eight bytes at a time, multiplied in, then murmur3's finaliser so that the high half (which
// places a term in the table and tells terms apart there) depends on every byte.
std::uint64_t hash_bytes(std::string_view s, std::uint64_t h) {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  h = (h ^ s.size()) * k;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * k;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t v = 0;
    std::memcpy(&v, s.data() + i, s.size() - i);
    h = (h ^ v) * k;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 33);
}

std::size_t hash_key(Term::Kind kind, std::string_view value, std::string_view datatype, std::string_view lang) {
  std::uint64_t h = hash_bytes(value, static_cast<std::uint64_t>(kind));
  if (!datatype.empty()) h = hash_bytes(datatype, h);
  if (!lang.empty()) h = hash_bytes(lang, h ^ 1);
  return static_cast<std::size_t>(h);
}

}  // namespace

Graph::Graph(const std::vector<Triple>& triples) {
  triples_.reserve(triples.size());
  for (const auto& t : triples) add(t);
  sort();
}

Graph::Id Graph::intern(const Term& t) {
  Key key{t.kind, t.value, t.datatype, t.lang};
  return find_or_add(key, hash_key(key.kind, key.value, key.datatype, key.lang));
}

Graph::Id Graph::iri(std::string_view iri) {
  Key key{Term::Kind::Iri, iri, {}, {}};
  return find_or_add(key, hash_key(key.kind, key.value, {}, {}));
}

Graph::Id Graph::literal(std::string_view lex, std::string_view datatype, std::string_view lang) {
  Key key{Term::Kind::Literal, lex, datatype, lang};
  return find_or_add(key, hash_key(key.kind, lex, datatype, lang));
}

Graph::Id Graph::find_or_add(const Key& key, std::size_t hash) {
  if ((terms_.size() + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(64, slots_.size() * 2));
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32);
  for (std::size_t i = home(tag);; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id == kEmpty) {
      slot.id = static_cast<Id>(terms_.size());
      slot.tag = tag;
      terms_.push_back(Term{key.kind, std::string(key.value), std::string(key.datatype), std::string(key.lang)});
      return slot.id;
    }
    if (slot.tag != tag) continue;
    const Term& t = terms_[slot.id];
    if (t.kind == key.kind && t.value == key.value && t.datatype == key.datatype && t.lang == key.lang) return slot.id;
  }
}

Graph::Id Graph::find_or_take(Term&& term, std::uint32_t tag) {
  if ((terms_.size() + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(64, slots_.size() * 2));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(tag);; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id == kEmpty) {
      slot.id = static_cast<Id>(terms_.size());
      slot.tag = tag;
      terms_.push_back(std::move(term));
      return slot.id;
    }
    if (slot.tag != tag) continue;
    const Term& t = terms_[slot.id];
    if (t.kind == term.kind && t.value == term.value && t.datatype == term.datatype && t.lang == term.lang)
      return slot.id;
  }
}

void Graph::append(Graph&& part) {
  std::vector<std::uint32_t> tags(part.terms_.size());
  for (const Slot& s : part.slots_)
    if (s.id != kEmpty) tags[s.id] = s.tag;
  std::vector<Id> ids(part.terms_.size());
  for (std::size_t t = 0; t < ids.size(); ++t) ids[t] = find_or_take(std::move(part.terms_[t]), tags[t]);
  for (const auto& [s, p, o] : part.triples_) triples_.push_back({ids[s], ids[p], ids[o]});
  if (!part.triples_.empty()) sorted_ = false;
  part = Graph();
}

void Graph::rehash(std::size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  const std::size_t mask = slots - 1;
  for (const Slot& s : old) {
    if (s.id == kEmpty) continue;
    std::size_t i = home(s.tag);
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void Graph::sort(std::size_t threads) {
  if (sorted_) return;
  // Renumber: rank[old id] = place of the term in term order.
  std::vector<Id> order(terms_.size());
  std::iota(order.begin(), order.end(), Id{0});
  parallel_sort(order.begin(), order.end(), [&](Id a, Id b) { return terms_[a] < terms_[b]; }, threads);
  std::vector<Id> rank(terms_.size());
  for (Id r = 0; r < order.size(); ++r) rank[order[r]] = r;
  // Terms into rank order in place, a cycle of the permutation at a time (a second array of
  // terms would be the largest allocation of a corpus build). order[r] = r marks r placed.
  for (Id i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    Term held = std::move(terms_[i]);
    for (Id j = i;;) {
      const Id k = order[j];
      order[j] = j;
      if (k == i) {
        terms_[j] = std::move(held);
        break;
      }
      terms_[j] = std::move(terms_[k]);
      j = k;
    }
  }
  for (Slot& s : slots_)
    if (s.id != kEmpty) s.id = rank[s.id];
  for (auto& t : triples_) t = {rank[t[0]], rank[t[1]], rank[t[2]]};
  parallel_sort(
      triples_.begin(), triples_.end(),
      [](const IdTriple& a, const IdTriple& b) {
        if (a[0] != b[0]) return a[0] < b[0];
        if (a[1] != b[1]) return a[1] < b[1];
        return a[2] < b[2];
      },
      threads);
  triples_.erase(std::unique(triples_.begin(), triples_.end()), triples_.end());
  sorted_ = true;
}

std::vector<Triple> Graph::to_triples() const {
  std::vector<Triple> out;
  out.reserve(triples_.size());
  for (const auto& [s, p, o] : triples_) out.push_back({terms_[s], terms_[p], terms_[o]});
  return out;
}

}  // namespace policykg::rdf
