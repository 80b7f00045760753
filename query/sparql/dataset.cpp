#include "query/sparql/dataset.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <future>
#include <thread>

#include "core/error.hpp"
#include "core/huge_pages.hpp"
#include "core/parallel_sort.hpp"

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
  reserve_huge(out, spo.size());
  for (const auto& t : spo) out.push_back({t[static_cast<std::size_t>(a)], t[static_cast<std::size_t>(b)], t[static_cast<std::size_t>(c)]});
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// ---- a permutation ------------------------------------------------------------------------------

namespace {

constexpr std::size_t kPermutationHeader = 16;

std::size_t keys_bytes(std::uint64_t k) { return static_cast<std::size_t>((4 * k + 7) / 8 * 8); }

/// The first index in [from, last) of sorted `items` whose item is not less than `value`.
template <class Items, class T, class Less>
std::size_t lower_bound_at(Items items, std::size_t from, std::size_t last, const T& value, Less less) {
  return static_cast<std::size_t>(std::lower_bound(items.begin() + static_cast<std::ptrdiff_t>(from),
                                                   items.begin() + static_cast<std::ptrdiff_t>(last), value, less) -
                                  items.begin());
}

/// lower_bound_at() where no item before `from` is wanted: galloping past `from` by 1, 2, 4 …
/// items, then a binary search within the last step; a few steps over memory near `from` when the
/// answer is close to it.
template <class Items, class T, class Less>
std::size_t gallop(Items items, std::size_t from, std::size_t last, const T& value, Less less) {
  std::size_t step = 1;
  while (from + step < last && less(items[from + step], value)) {
    from += step;
    step *= 2;
  }
  return lower_bound_at(items, from, std::min(last, from + step + 1), value, less);
}

}  // namespace

Permutation::Permutation(const std::vector<IdTriple>& rows) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) k += i == 0 || rows[i][0] != rows[i - 1][0];
  const std::size_t words = (kPermutationHeader + keys_bytes(k) + 8 * (k + 1) + 8 * rows.size()) / 8;
  reserve_huge(own_, words);
  own_.assign(words, 0);
  auto* bytes = reinterpret_cast<unsigned char*>(own_.data());
  own_[0] = k;
  own_[1] = rows.size();
  auto* keys = reinterpret_cast<TermId*>(bytes + kPermutationHeader);
  auto* starts = reinterpret_cast<std::uint64_t*>(bytes + kPermutationHeader + keys_bytes(k));
  auto* pairs = reinterpret_cast<Pair*>(starts + k + 1);
  std::size_t key = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i][0] != rows[i - 1][0]) {
      keys[key] = rows[i][0];
      starts[key++] = i;
    }
    pairs[i] = {rows[i][1], rows[i][2]};
  }
  starts[k] = rows.size();
  view({reinterpret_cast<const char*>(bytes), 8 * words});
}

Permutation::Permutation(std::string_view section) { view(section); }

std::string Permutation::problem(std::string_view section) {
  if (section.size() < kPermutationHeader) return "is shorter than its header";
  std::uint64_t k, t;
  std::memcpy(&k, section.data(), 8);
  std::memcpy(&t, section.data() + 8, 8);
  // compared before multiplying, so that no count overflows
  const std::uint64_t room = section.size() - kPermutationHeader;
  if (k > t || t > room / 8 || k > room / 12) return "has counts its length cannot hold";
  if (section.size() != kPermutationHeader + keys_bytes(k) + 8 * (k + 1) + 8 * t)
    return "has a length that does not fit its counts";
  std::uint64_t first, last;
  const char* starts = section.data() + kPermutationHeader + keys_bytes(k);
  std::memcpy(&first, starts, 8);
  std::memcpy(&last, starts + 8 * k, 8);
  if (first != 0 || last != t) return "has starts that do not span its rows";
  return "";
}

void Permutation::view(std::string_view section) {
  bytes_ = section;
  std::uint64_t k, t;
  std::memcpy(&k, section.data(), 8);
  std::memcpy(&t, section.data() + 8, 8);
  const char* at = section.data() + kPermutationHeader;
  keys_ = {reinterpret_cast<const TermId*>(at), static_cast<std::size_t>(k)};
  at += keys_bytes(k);
  starts_ = {reinterpret_cast<const std::uint64_t*>(at), static_cast<std::size_t>(k + 1)};
  at += 8 * (k + 1);
  pairs_ = {reinterpret_cast<const Pair*>(at), static_cast<std::size_t>(t)};
}

std::pair<std::size_t, std::size_t> Permutation::rows_of(std::size_t i) const {
  const std::uint64_t first = starts_[i], last = starts_[i + 1];
  if (first > last || last > pairs_.size())
    throw Error(Error::Category::Input, "", "index damaged: the rows of a permutation's key are out of range");
  return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

std::size_t Permutation::find_key(TermId a, ScanHint* hint) const {
  // From the last key found, when it is not past `a` (keys are distinct: it may be `a` itself).
  const bool from_hint = hint && hint->permutation == this && hint->key < keys_.size() && keys_[hint->key] <= a;
  const std::size_t at = from_hint ? gallop(keys_, hint->key, keys_.size(), a, std::less<>{})
                                   : lower_bound_at(keys_, 0, keys_.size(), a, std::less<>{});
  if (hint && at < keys_.size()) {
    if (hint->permutation != this || hint->key != at) hint->pair = SIZE_MAX;
    hint->permutation = this;
    hint->key = at;
  }
  return at;
}

std::pair<std::size_t, std::size_t> Permutation::range(TermId a, TermId b, TermId c, ScanHint* hint) const {
  const std::size_t at = find_key(a, hint);
  if (at == keys_.size() || keys_[at] != a) return {0, 0};
  auto [first, last] = rows_of(at);
  if (b == 0) return {first, last};
  // the pairs of one key are sorted: a prefix of one or both columns
  const Pair wanted{b, c};
  auto less = [c](const Pair& x, const Pair& y) { return x[0] != y[0] ? x[0] < y[0] : (c != 0 && x[1] < y[1]); };
  // From where the last search among these rows began, when that row comes strictly before the
  // wanted ones (rows equal to them may lie before it).
  const bool from_hint = hint && hint->pair >= first && hint->pair < last && less(pairs_[hint->pair], wanted);
  const std::size_t lo = from_hint ? gallop(pairs_, hint->pair, last, wanted, less)
                                   : lower_bound_at(pairs_, first, last, wanted, less);
  if (hint) hint->pair = lo;
  // Where they end: galloping from the first, as a pattern bound in all three places has one row
  // at most, where a binary search to the key's last row would touch a page a step.
  if (lo == last || less(wanted, pairs_[lo])) return {lo, lo};
  auto not_after = [&less](const Pair& x, const Pair& y) { return !less(y, x); };
  return {lo, gallop(pairs_, lo, last, wanted, not_after)};
}

std::size_t Permutation::count(TermId a, TermId b, TermId c) const {
  if (a == 0) return size();
  auto [first, last] = range(a, b, c);
  return last - first;
}

std::vector<IdTriple> Permutation::rows() const {
  std::vector<IdTriple> out;
  out.reserve(size());
  scan(0, 0, 0, [&](TermId a, TermId b, TermId c) {
    out.push_back({a, b, c});
    return true;
  });
  return out;
}

// ---- a graph ------------------------------------------------------------------------------------

IndexedGraph::IndexedGraph(std::vector<IdTriple> triples, const std::function<bool(TermId)>& is_literal) {
  parallel_sort(triples.begin(), triples.end(), std::less<>{}, std::max(1u, std::thread::hardware_concurrency()));
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  // A large graph's OSP is sorted on another thread while POS and SPO are built on this one.
  std::future<Permutation> osp;
  if (triples.size() >= kParallelSortMinRun)
    osp = std::async(std::launch::async, [&triples] { return Permutation(permuted(triples, 2, 0, 1)); });
  {
    // per predicate, from pos (sorted by predicate): its triples and distinct (p, o) pairs
    const auto rows = permuted(triples, 1, 2, 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == 0 || rows[i][0] != rows[i - 1][0]) own_stats_.push_back({rows[i][0], 0, 0, 0, 0});
      auto& st = own_stats_.back();
      ++st.triples;
      if (i == 0 || rows[i][0] != rows[i - 1][0] || rows[i][1] != rows[i - 1][1]) {
        ++st.objects;
        if (is_literal) st.objects_kind |= is_literal(rows[i][1]) ? kObjectsLiterals : kObjectsNodes;
      }
    }
    // both kinds seen: unknown, as a file that does not say
    for (auto& st : own_stats_)
      if (st.objects_kind == (kObjectsLiterals | kObjectsNodes)) st.objects_kind = kObjectsUnknown;
    pos_ = Permutation(rows);
  }
  // then distinct (s, p) pairs from spo
  for (std::size_t i = 0; i < triples.size(); ++i)
    if (i == 0 || triples[i][0] != triples[i - 1][0] || triples[i][1] != triples[i - 1][1])
      ++std::lower_bound(own_stats_.begin(), own_stats_.end(), triples[i][1],
                         [](const PredicateStatsRecord& r, TermId q) { return r.predicate < q; })
            ->subjects;
  stats_ = own_stats_;
  spo_ = Permutation(triples);
  osp_ = osp.valid() ? osp.get() : Permutation(permuted(triples, 2, 0, 1));
}

IndexedGraph::IndexedGraph(Permutation spo, Permutation pos, Permutation osp, std::span<const PredicateStatsRecord> stats)
    : spo_(std::move(spo)), pos_(std::move(pos)), osp_(std::move(osp)), stats_(stats) {}

PredicateStats IndexedGraph::stats(TermId p) const {
  auto it = std::lower_bound(stats_.begin(), stats_.end(), p,
                             [](const PredicateStatsRecord& r, TermId q) { return r.predicate < q; });
  if (it == stats_.end() || it->predicate != p) return {};
  return {static_cast<std::size_t>(it->triples), static_cast<std::size_t>(it->subjects),
          static_cast<std::size_t>(it->objects)};
}

std::size_t IndexedGraph::count(TermId s, TermId p, TermId o) const {
  if (s && o && !p) return osp_.count(o, s, 0);
  if (s || (!p && !o)) return spo_.count(s, p, p ? o : 0);
  if (p) return pos_.count(p, o, 0);
  return osp_.count(o, 0, 0);
}

Dataset::Dataset(const rdf::Model& model) { default_ = IndexedGraph(snapshot(model), literal_test()); }

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
  named_[dict_.intern(rdf::Term::iri(iri))] = IndexedGraph(std::move(triples), literal_test());
}

void Dataset::add_named(const std::string& iri, const std::vector<rdf::Triple>& triples) {
  named_[dict_.intern(rdf::Term::iri(iri))] = IndexedGraph(snapshot(triples), literal_test());
}

void Dataset::set_default(const std::vector<rdf::Triple>& triples) {
  default_ = IndexedGraph(snapshot(triples), literal_test());
}

std::function<bool(TermId)> Dataset::literal_test() const {
  return [this](TermId id) { return dict_.kind(id) == rdf::Term::Kind::Literal; };
}

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
