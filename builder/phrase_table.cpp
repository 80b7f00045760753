// PhraseTable: a byte trie with the root's children in a direct table.
#include "builder/phrase_table.hpp"

#include <algorithm>
#include <string>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

PhraseTable::PhraseTable(bool whole_words) : nodes_(1), whole_words_(whole_words) {
  std::fill(std::begin(root_), std::end(root_), kNone);
}

std::uint32_t PhraseTable::child(std::uint32_t node, unsigned char byte) const {
  if (node == 0) return root_[byte];
  for (const auto& [b, next] : nodes_[node].children) {
    if (b == byte) return next;
    if (b > byte) break;
  }
  return kNone;
}

void PhraseTable::add(std::string_view phrase, std::size_t payload) {
  std::string folded = fold(phrase);
  if (folded.empty()) return;
  std::uint32_t node = 0;
  for (char c : folded) {
    auto byte = static_cast<unsigned char>(c);
    std::uint32_t next = child(node, byte);
    if (next == kNone) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      if (node == 0) {
        root_[byte] = next;
      } else {
        auto& kids = nodes_[node].children;
        kids.insert(std::upper_bound(kids.begin(), kids.end(), std::make_pair(byte, std::uint32_t{0}),
                                     [](const auto& a, const auto& b) { return a.first < b.first; }),
                    {byte, next});
      }
    }
    node = next;
  }
  if (nodes_[node].terminal) return;
  nodes_[node].terminal = true;
  nodes_[node].payload = payload;
  ++count_;
}

std::pair<std::size_t, std::size_t> PhraseTable::longest_at(std::string_view lower, std::size_t i) const {
  std::pair<std::size_t, std::size_t> best{0, 0};
  std::uint32_t node = 0;
  for (std::size_t k = i; k < lower.size(); ++k) {
    node = child(node, static_cast<unsigned char>(lower[k]));
    if (node == kNone) break;
    const Node& n = nodes_[node];
    if (!n.terminal) continue;
    std::size_t end = k + 1;
    if (whole_words_ && end < lower.size() && is_alnum(lower[end]) && is_alnum(lower[k])) continue;
    best = {end - i, n.payload};
  }
  return best;
}

// Calls fn(begin, length, payload) for the longest phrase at each word start (after a hit,
// from its end when not `overlapping`); stops when fn returns false.
template <class Fn>
void PhraseTable::each_hit(std::string_view lower, bool overlapping, Fn&& fn) const {
  const std::size_t n = lower.size();
  for (std::size_t i = 0; i < n;) {
    if (!is_alnum(lower[i])) {
      ++i;
      continue;
    }
    // A word start: most words begin with no phrase's first byte.
    std::size_t next = i + 1;
    if (root_[static_cast<unsigned char>(lower[i])] != kNone) {
      auto [length, payload] = longest_at(lower, i);
      if (length != 0) {
        if (!fn(i, length, payload)) return;
        if (!overlapping) next = i + length;
      }
    }
    i = next;
    while (i < n && is_alnum(lower[i]) && is_alnum(lower[i - 1])) ++i;
  }
}

std::vector<PhraseTable::Hit> PhraseTable::scan(std::string_view lower, bool overlapping) const {
  std::vector<Hit> hits;
  if (count_ == 0) return hits;
  each_hit(lower, overlapping, [&](std::size_t begin, std::size_t length, std::size_t payload) {
    hits.push_back({begin, begin + length, payload});
    return true;
  });
  return hits;
}

bool PhraseTable::any(std::string_view lower) const {
  bool found = false;
  if (count_ == 0) return found;
  each_hit(lower, false, [&](std::size_t, std::size_t, std::size_t) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace policykg::builder
