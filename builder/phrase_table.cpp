// PhraseTable: candidates keyed by their first three bytes, longest first.
#include "builder/phrase_table.hpp"

#include <algorithm>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

namespace {
constexpr std::size_t kKey = 3;
}

// The first `len` (at most three) bytes packed with the length: a key without allocation.
std::uint32_t PhraseTable::key(std::string_view s, std::size_t len) {
  std::uint32_t k = static_cast<std::uint32_t>(len) << 24;
  for (std::size_t i = 0; i < len; ++i) k |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return k;
}

void PhraseTable::add(std::string_view phrase, std::size_t payload) {
  std::string folded = fold(phrase);
  if (folded.empty()) return;
  if (folded.size() < kKey) has_short_ = true;
  auto& bucket = by_key_[key(folded, std::min(kKey, folded.size()))];
  for (const auto& e : bucket)
    if (e.phrase == folded) return;  // first payload wins
  bucket.push_back({folded, payload});
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.phrase.size() > b.phrase.size(); });
  ++count_;
}

const PhraseTable::Entry* PhraseTable::longest_at(std::string_view lower, std::size_t i) const {
  auto try_key = [&](std::size_t len) -> const Entry* {
    if (i + len > lower.size()) return nullptr;
    auto it = by_key_.find(key(lower.substr(i, len), len));
    if (it == by_key_.end()) return nullptr;
    for (const auto& e : it->second) {
      if (lower.compare(i, e.phrase.size(), e.phrase) != 0) continue;
      std::size_t end = i + e.phrase.size();
      if (whole_words_ && end < lower.size() && is_alnum(lower[end]) && is_alnum(lower[end - 1])) continue;
      return &e;
    }
    return nullptr;
  };
  if (const Entry* e = try_key(kKey)) return e;
  if (has_short_)
    for (std::size_t len = kKey - 1; len >= 1; --len)
      if (const Entry* e = try_key(len)) return e;
  return nullptr;
}

std::vector<PhraseTable::Hit> PhraseTable::scan(std::string_view lower, bool overlapping) const {
  std::vector<Hit> hits;
  if (count_ == 0) return hits;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (!is_alnum(lower[i]) || (i > 0 && is_alnum(lower[i - 1]))) continue;
    if (const Entry* e = longest_at(lower, i)) {
      hits.push_back({i, i + e->phrase.size(), e->payload});
      if (!overlapping) i += e->phrase.size() - 1;
    }
  }
  return hits;
}

bool PhraseTable::any(std::string_view lower) const {
  if (count_ == 0) return false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (!is_alnum(lower[i]) || (i > 0 && is_alnum(lower[i - 1]))) continue;
    if (longest_at(lower, i)) return true;
  }
  return false;
}

}  // namespace policykg::builder
