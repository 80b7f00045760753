// PhraseTable: a byte trie, its edges hashed by (parent, byte), behind a bit set of leading letters.
#include "builder/phrase_table.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

namespace {

// The key of the node a word's leading letters (letters_key()) lead to, in the same table as the
// edges: the top bit keeps the two kinds of key apart.
std::uint64_t start_key(std::uint32_t letters) { return std::uint64_t{1} << 63 | letters; }

std::size_t edge_hash(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20); }

// How many letters (or digits), up to kLeadingLetters, start at `i`.
std::size_t leading_letters(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (n < kLeadingLetters && i + n < s.size() && is_alnum(s[i + n])) ++n;
  return n;
}

constexpr unsigned kMinFilterLog2 = 9, kMaxFilterLog2 = 16;

}  // namespace

PhraseTable::PhraseTable(bool whole_words)
    : edges_(64), payloads_(1, kNotEnd), only_child_(1, kNone), only_byte_(1, 0), filter_((1u << kMinFilterLog2) / 64),
      filter_shift_(32 - kMinFilterLog2), whole_words_(whole_words) {
  std::fill(std::begin(root_), std::end(root_), kNone);
}

std::uint32_t PhraseTable::find(std::uint64_t key) const {
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
    if (edges_[i].key == key) return edges_[i].child;
    if (edges_[i].key == 0) return kNone;
  }
}

PhraseTable::Edge* PhraseTable::slot(std::uint64_t key) {
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t i = edge_hash(key) & mask;; i = (i + 1) & mask)
    if (edges_[i].key == key || edges_[i].key == 0) return &edges_[i];
}

void PhraseTable::grow() {
  std::vector<Edge> old(edges_.size() * 2);
  old.swap(edges_);
  for (const Edge& e : old)
    if (e.key != 0) *slot(e.key) = e;
}

void PhraseTable::mark(std::uint32_t key) {
  std::uint32_t bit = letters_hash(key) >> filter_shift_;
  filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

std::uint32_t* PhraseTable::entry(std::uint64_t key) {
  if ((edge_count_ + 1) * 2 > edges_.size()) grow();
  Edge* e = slot(key);
  if (e->key == 0) {
    e->key = key;
    ++edge_count_;
  }
  return &e->child;
}

void PhraseTable::add(std::string_view phrase, std::size_t payload) {
  if (payload == kNotEnd) throw std::invalid_argument("PhraseTable: payload SIZE_MAX is reserved");
  std::string folded = fold(phrase);
  if (folded.empty()) return;
  // A phrase that can match starts with a letter or digit (matching starts only at words).
  const std::size_t letters = leading_letters(folded, 0);
  std::uint32_t node = 0;
  std::size_t depth = 0;
  for (char c : folded) {
    auto byte = static_cast<unsigned char>(c);
    std::uint32_t* link = node == 0 ? &root_[byte] : entry(edge_key(node, byte));
    if (*link == kNone) {
      const auto made = static_cast<std::uint32_t>(payloads_.size());
      *link = made;
      payloads_.push_back(kNotEnd);
      only_child_.push_back(kNone);
      only_byte_.push_back(0);
      if (node != 0) {
        std::uint32_t& only = only_child_[node];
        only = only == kNone ? made : kMany;
        only_byte_[node] = byte;
      }
    }
    node = *link;
    if (++depth == letters) *entry(start_key(letters_key(folded, 0, letters))) = node;
  }
  if (payloads_[node] != kNotEnd) return;
  payloads_[node] = payload;
  ++count_;
  if (letters == 0) return;
  if (!whole_words_ && letters == folded.size() && letters < kLeadingLetters) short_prefixes_ |= 1u << letters;
  mark(letters_key(folded, 0, letters));
  if (count_ * 16 > filter_.size() * 64 && filter_shift_ > 32 - kMaxFilterLog2) {
    // Twice the bits, marked again from the starts in the edge table.
    --filter_shift_;
    filter_.assign(filter_.size() * 2, 0);
    for (const Edge& e : edges_)
      if (e.key >> 63) mark(static_cast<std::uint32_t>(e.key));
  }
}

bool PhraseTable::short_prefix_at(std::string_view lower, std::size_t i) const {
  std::size_t letters = leading_letters(lower, i);
  for (std::size_t n = 1; n < letters; ++n)
    if ((short_prefixes_ >> n & 1u) && marked(letters_key(lower, i, n))) return true;
  return false;
}

// A phrase found at a word start agrees with the word on its leading letters: all of them, or as
// many as the word has (a phrase's letters end where the word's do), so the walk can start at
// the node they lead to. Only a word-prefix phrase shorter than that ("eu" in "euro") ends
// before; tables holding one walk from the root.
std::pair<std::size_t, std::size_t> PhraseTable::longest_at(std::string_view lower, const Word& w) const {
  if (short_prefixes_ != 0) return longest_at(lower, w.begin);
  std::uint32_t node = find(start_key(w.letters));
  if (node == kNone) return {0, 0};
  return longest_at(lower, w.begin, node, w.letters >> 24);
}

std::pair<std::size_t, std::size_t> PhraseTable::longest_at(std::string_view lower, std::size_t i, std::uint32_t node,
                                                            std::size_t depth) const {
  std::pair<std::size_t, std::size_t> best{0, 0};
  if (payloads_[node] != kNotEnd) {
    std::size_t end = i + depth;
    if (!(whole_words_ && end < lower.size() && is_alnum(lower[end]) && is_alnum(lower[end - 1])))
      best = {depth, payloads_[node]};
  }
  for (std::size_t k = i + depth; k < lower.size(); ++k) {
    node = child(node, static_cast<unsigned char>(lower[k]));
    if (node == kNone) break;
    if (payloads_[node] == kNotEnd) continue;
    std::size_t end = k + 1;
    if (whole_words_ && end < lower.size() && is_alnum(lower[end]) && is_alnum(lower[k])) continue;
    best = {end - i, payloads_[node]};
  }
  return best;
}

std::vector<PhraseTable::Hit> PhraseTable::scan(const NormalizedText& text, bool overlapping) const {
  std::vector<Hit> hits;
  each_hit(text.lower(), text.words(), overlapping, [&](std::size_t begin, std::size_t length, std::size_t payload) {
    hits.push_back({begin, begin + length, payload});
    return true;
  });
  return hits;
}

bool PhraseTable::any(const NormalizedText& text) const {
  bool found = false;
  each_hit(text.lower(), text.words(), false, [&](std::size_t, std::size_t, std::size_t) {
    found = true;
    return false;
  });
  return found;
}

std::vector<PhraseTable::Hit> PhraseTable::scan(std::string_view lower, bool overlapping) const {
  std::vector<Hit> hits;
  if (count_ == 0) return hits;
  each_hit(lower, index_words(lower), overlapping, [&](std::size_t begin, std::size_t length, std::size_t payload) {
    hits.push_back({begin, begin + length, payload});
    return true;
  });
  return hits;
}

bool PhraseTable::any(std::string_view lower) const {
  bool found = false;
  if (count_ == 0) return found;
  each_hit(lower, index_words(lower), false, [&](std::size_t, std::size_t, std::size_t) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace policykg::builder
