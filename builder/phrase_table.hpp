// PhraseTable: finds many folded phrases in folded text in one pass. The phrases are a byte trie
// whose edges live in one open-addressing hash table (the root's in a direct array; a node with a
// single child also keeps it beside itself). A bit set of the phrases' first letters (up to
// three, hashed) turns most word starts away with one bit test; for the others the hash table
// gives the trie node those letters lead to, and the walk goes on from there with at most one
// probe per byte for as long as the text agrees with some phrase, however many phrases there
// are: gazetteer names, cue phrases and keywords alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

class PhraseTable {
 public:
  /// `whole_words`: a phrase must end at a word boundary; otherwise it may be a word prefix
  /// ("financ" matches "financial").
  explicit PhraseTable(bool whole_words = true);

  /// Adds a phrase (folded with fold()) with a payload returned on each hit; when a phrase is
  /// added twice the first payload wins. The payload must be below SIZE_MAX.
  void add(std::string_view phrase, std::size_t payload);
  bool empty() const { return count_ == 0; }
  std::size_t size() const { return count_; }

  struct Hit {
    std::size_t begin = 0, end = 0, payload = 0;
  };
  /// The longest phrase starting at each word start of the text, in order; with `overlapping`
  /// false the scan resumes after each hit. A NormalizedText brings its word starts along, so
  /// the many tables run over one clause share that work.
  std::vector<Hit> scan(const NormalizedText& text, bool overlapping = false) const;
  std::vector<Hit> scan(std::string_view lower, bool overlapping = false) const;
  /// Calls fn(hit) for each hit scan() would return, without collecting them.
  template <class Fn>
  void each(const NormalizedText& text, bool overlapping, Fn&& fn) const {
    each_hit(text.lower(), text.words(), overlapping, [&](std::size_t begin, std::size_t length, std::size_t payload) {
      fn(Hit{begin, begin + length, payload});
      return true;
    });
  }
  /// Whether any phrase occurs.
  bool any(const NormalizedText& text) const;
  bool any(std::string_view lower) const;

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;      ///< no node
  static constexpr std::uint32_t kMany = UINT32_MAX - 1;  ///< in only_child_: two children or more
  // An entry of the hash table: the child a byte leads to from a node, or the node a word's
  // leading letters lead to from the root.
  struct Edge {
    std::uint64_t key = 0;  ///< (parent node << 8 | byte) + 1, or start_key(); 0 marks a free slot
    std::uint32_t child = kNone;
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const {
    if (node == 0) return root_[byte];
    // Most nodes of a phrase's tail have one child, kept beside the node: no hashing.
    const std::uint32_t only = only_child_[node];
    if (only != kMany) return only_byte_[node] == byte ? only : kNone;
    return find(edge_key(node, byte));
  }
  static std::uint64_t edge_key(std::uint32_t node, unsigned char byte) {
    return ((static_cast<std::uint64_t>(node) << 8) | byte) + 1;
  }
  /// The node stored under `key`, or kNone.
  std::uint32_t find(std::uint64_t key) const;
  /// Where the node under `key` is kept, made when new (the table grows as it fills).
  std::uint32_t* entry(std::uint64_t key);
  Edge* slot(std::uint64_t key);
  void grow();
  /// The longest phrase at `i` (its length and payload), or length 0, walking on from `node`,
  /// which the first `depth` bytes at `i` lead to.
  std::pair<std::size_t, std::size_t> longest_at(std::string_view lower, std::size_t i, std::uint32_t node = 0,
                                                 std::size_t depth = 0) const;
  /// The longest phrase at word `w`, which the bit set let through, or length 0.
  std::pair<std::size_t, std::size_t> longest_at(std::string_view lower, const Word& w) const;
  bool short_prefix_at(std::string_view lower, std::size_t i) const;
  bool marked(std::uint32_t key) const { return marked_hash(letters_hash(key)); }
  bool marked_hash(std::uint32_t hash) const {
    std::uint32_t bit = hash >> filter_shift_;
    return (filter_[bit / 64] >> (bit % 64)) & 1u;
  }
  void mark(std::uint32_t key);
  // Calls fn(begin, length, payload) for the longest phrase at each word start (after a hit, from
  // its end when not `overlapping`); stops when fn returns false.
  template <class Fn>
  void each_hit(std::string_view lower, const std::vector<Word>& words, bool overlapping, Fn&& fn) const {
    if (count_ == 0) return;
    const std::size_t n = words.size();
    for (std::size_t k = 0; k < n; ++k) {
      const Word& w = words[k];
      if (!marked_hash(w.hash) && (short_prefixes_ == 0 || !short_prefix_at(lower, w.begin))) continue;
      auto [length, payload] = longest_at(lower, w);
      if (length == 0) continue;
      if (!fn(w.begin, length, payload)) return;
      if (!overlapping)  // on after the hit
        while (k + 1 < n && words[k + 1].begin < w.begin + length) ++k;
    }
  }

  std::uint32_t root_[256];            ///< the root's children
  std::vector<Edge> edges_;            ///< the other nodes' children and the starts; size a power of two
  std::size_t edge_count_ = 0;
  /// Marks a node no phrase ends at, in payloads_.
  static constexpr std::size_t kNotEnd = SIZE_MAX;
  /// By node id: the payload of the phrase ending there, or kNotEnd. One array read tells a
  /// walk both whether a phrase ends and what it carries.
  std::vector<std::size_t> payloads_;
  /// By node id: its child when it has exactly one (kNone: none, kMany: more), and that child's byte.
  std::vector<std::uint32_t> only_child_;
  std::vector<unsigned char> only_byte_;
  // A bit set of the phrases' leading letters (see letters_key()), at least 16 bits a phrase:
  // most words start no phrase, and one bit test tells.
  std::vector<std::uint64_t> filter_;
  unsigned filter_shift_;                   ///< 32 - log2(bits)
  unsigned short_prefixes_ = 0;  ///< bit n: a word-prefix phrase is just n (< kLeadingLetters) letters long
  bool whole_words_;
  std::size_t count_ = 0;
};

}  // namespace policykg::builder
