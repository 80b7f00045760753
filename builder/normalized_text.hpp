// NormalizedText: a span of the source with whitespace runs (NBSP and ideographic space
// included) collapsed to one space and typographic quotes made ASCII, keeping for every byte
// the source bytes it came from, so that whatever is found in the normalised text maps back to
// an exact source span. Matching runs on `lower`, the ASCII-lower-cased twin.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "builder/source_text.hpp"
#include "core/utf8.hpp"

namespace policykg::builder {

/// How many leading letters of a word phrase tables look up first (see letters_key()).
inline constexpr std::size_t kLeadingLetters = 3;
/// A word start in folded text (an ASCII letter or digit after anything else) and its leading
/// letters, up to kLeadingLetters, as a key: what phrase tables look up first.
struct Word {
  std::uint32_t begin = 0;
  std::uint32_t letters = 0;
  std::uint32_t hash = 0;  ///< letters_hash(letters), which every table's filter reads
};
/// The `n` (at most kLeadingLetters) bytes of `s` at `i` and their count, as one number.
inline std::uint32_t letters_key(std::string_view s, std::size_t i, std::size_t n) {
  static_assert(kLeadingLetters <= 3, "three bytes and a count fill 32 bits");
  std::uint32_t key = static_cast<std::uint32_t>(n) << 24;
  for (std::size_t k = 0; k < n; ++k) key |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
  return key;
}
/// Its hash: the high bits are the well-mixed ones.
inline std::uint32_t letters_hash(std::uint32_t key) { return key * 0x9E3779B1u; }
/// The word starts of folded text, in order.
std::vector<Word> index_words(std::string_view lower);

class NormalizedText {
 public:
  NormalizedText() = default;
  /// The normalised view of `span` of `source`, which must outlive it.
  NormalizedText(std::string_view source, Span span);

  const std::string& text() const { return text_; }
  const std::string& lower() const { return lower_; }
  /// The word starts of lower().
  const std::vector<Word>& words() const { return words_; }
  std::size_t size() const { return text_.size(); }
  /// The source span of normalised bytes [begin, end), begin < end <= size().
  Span source(std::size_t begin, std::size_t end) const {
    // To the end of the source character the last byte came from (its continuation bytes).
    std::size_t stop = from(end - 1) + 1;
    while (stop < span_.size() && utf8_continuation(span_, stop)) ++stop;
    return {origin_ + from(begin), origin_ + stop};
  }

 private:
  // Normalised bytes from `at` on come from the source bytes from `from` on (offsets from
  // origin_), one for one, up to the next run: a clause is mostly one run per collapsed space.
  struct Run {
    std::uint32_t at, from;
  };
  /// Maps the next byte appended to text_ to source offset `from`.
  void map_next(std::uint32_t from) {
    const auto at = static_cast<std::uint32_t>(text_.size());
    if (runs_.empty() || runs_.back().from + (at - runs_.back().at) != from) runs_.push_back({at, from});
  }
  /// The source offset (from origin_) normalised byte `i` came from.
  std::size_t from(std::size_t i) const;

  std::string text_;
  std::string lower_;
  std::vector<Word> words_;
  std::vector<Run> runs_;  ///< by `at`, the first at 0
  std::string_view span_;  ///< the source text normalised
  std::size_t origin_ = 0;
};

/// A phrase as matching sees it: whitespace collapsed, typographic quotes ASCII, lower case.
std::string fold(std::string_view phrase);
/// fold(a) == fold(b), without building either.
bool same_folded(std::string_view a, std::string_view b);
/// Whitespace collapsed to single spaces, trimmed, typographic quotes kept: for labels. With a
/// `limit`, stops after limit + 1 bytes (enough to tell that the whole is longer).
std::string collapse_whitespace(std::string_view text, std::size_t limit = std::string_view::npos);
namespace detail {
std::size_t wide_whitespace_length(std::string_view s, std::size_t i);
}  // namespace detail

/// Bytes of the whitespace character at `i` (ASCII, NBSP, the U+2000 block, ideographic space,
/// BOM), 0 when the character there is not whitespace or `i` is past the end.
inline std::size_t whitespace_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
  return detail::wide_whitespace_length(s, i);
}

namespace detail {
inline constexpr auto kAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();
}  // namespace detail

/// ASCII letter or digit (a table lookup: matching calls it for every byte).
inline bool is_alnum(char c) { return detail::kAlnum[static_cast<unsigned char>(c)]; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
/// Where `w` first occurs in `lower` from `from` on as whole words (no letter or digit on either
/// side), or npos.
inline std::size_t find_word(std::string_view lower, std::string_view w, std::size_t from = 0) {
  if (w.empty()) return std::string_view::npos;
  for (std::size_t p = lower.find(w, from); p != std::string_view::npos; p = lower.find(w, p + 1)) {
    const bool left = p == 0 || !is_alnum(lower[p - 1]);
    const bool right = p + w.size() >= lower.size() || !is_alnum(lower[p + w.size()]);
    if (left && right) return p;
  }
  return std::string_view::npos;
}
/// Whether `phrase` (not empty) stands at byte `at` of `lower` with a space after it: "and"
/// opens "and improve …".
inline bool opens_at(std::string_view lower, std::size_t at, std::string_view phrase) {
  return !phrase.empty() && at <= lower.size() && lower.substr(at).starts_with(phrase) &&
         lower.substr(at + phrase.size()).starts_with(' ');
}

}  // namespace policykg::builder
