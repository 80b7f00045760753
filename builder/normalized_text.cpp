// Normalised views of source text with a byte map back to the source (see the header).
#include "builder/normalized_text.hpp"
#include "core/utf8.hpp"

#include <algorithm>

namespace policykg::builder {

// The non-ASCII part of whitespace_length().
std::size_t detail::wide_whitespace_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  unsigned c = b(0);
  if (c == 0xC2 && b(1) == 0xA0) return 2;                          // U+00A0
  if (c == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8B || b(2) == 0xAF)) return 3;  // U+2000-200B, U+202F
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;          // U+205F
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;          // U+3000
  if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;          // U+FEFF
  return 0;
}

namespace {

// ASCII replacement of a typographic quote at `i` (U+2018/2019 -> ', U+201C/201D -> "), or 0.
char ascii_quote(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2 || static_cast<unsigned char>(s[i + 1]) != 0x80)
    return 0;
  switch (static_cast<unsigned char>(s[i + 2])) {
    case 0x98: case 0x99: return '\'';
    case 0x9C: case 0x9D: return '"';
    default: return 0;
  }
}

char lower_byte(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

NormalizedText::NormalizedText(std::string_view source, Span span)
    : span_(source.substr(span.begin, span.size())), origin_(span.begin) {
  const std::string_view s = span_;
  text_.reserve(s.size());
  bool pending_space = false;
  std::uint32_t space_from = 0;
  auto emit_pending_space = [&] {
    if (pending_space && !text_.empty()) {
      map_next(space_from);
      text_.push_back(' ');
    }
    pending_space = false;
  };
  for (std::size_t i = 0; i < s.size();) {
    // A run of printable ASCII, lone spaces between words included, the common case, is copied
    // as it is.
    auto printable = [&](std::size_t k) {
      return k < s.size() && static_cast<unsigned char>(s[k]) > ' ' && static_cast<unsigned char>(s[k]) < 0x7F;
    };
    std::size_t e = i;
    while (printable(e) || (e > i && s[e] == ' ' && printable(e + 1))) ++e;
    if (e > i) {
      emit_pending_space();
      map_next(static_cast<std::uint32_t>(i));
      text_.append(s.data() + i, e - i);
      i = e;
      continue;
    }
    if (std::size_t w = whitespace_length(s, i)) {
      if (!pending_space) {
        pending_space = true;
        space_from = static_cast<std::uint32_t>(i);
      }
      i += w;
      continue;
    }
    emit_pending_space();
    if (char q = ascii_quote(s, i)) {
      map_next(static_cast<std::uint32_t>(i));
      text_.push_back(q);
      i += 3;
      continue;
    }
    std::size_t n = utf8_step(s, i);
    map_next(static_cast<std::uint32_t>(i));
    text_.append(s.data() + i, n);
    i += n;
  }
  lower_.resize(text_.size());
  std::transform(text_.begin(), text_.end(), lower_.begin(), lower_byte);
  words_ = index_words(lower_);
}

std::size_t NormalizedText::from(std::size_t i) const {
  // The last run starting at or before i.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t v, const Run& r) { return v < r.at; });
  const Run& r = *(it - 1);
  return r.from + (i - r.at);
}

namespace {

// The bytes fold() makes of a text, one at a time: whitespace trimmed and each run of it one
// space, typographic quotes ASCII, ASCII lower case. (A quote's bytes are never whitespace, so
// reading quotes from the source is the same as reading them after collapsing.)
class FoldedBytes {
 public:
  explicit FoldedBytes(std::string_view s) : s_(s) { skip_whitespace(); }
  /// The next byte, or -1 at the end.
  int next() {
    if (pending_space_) {
      pending_space_ = false;
      return ' ';
    }
    if (i_ >= s_.size()) return -1;
    char c = ascii_quote(s_, i_);
    if (c != 0) {
      i_ += 3;
    } else {
      c = lower_byte(s_[i_]);
      ++i_;
    }
    // A run of whitespace becomes one space, unless it ends the text.
    pending_space_ = skip_whitespace() && i_ < s_.size();
    return static_cast<unsigned char>(c);
  }

 private:
  bool skip_whitespace() {
    const std::size_t from = i_;
    while (std::size_t w = whitespace_length(s_, i_)) i_ += w;
    return i_ > from;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  bool pending_space_ = false;
};

}  // namespace

// As NormalizedText's lower(), without the byte maps.
std::string fold(std::string_view phrase) {
  std::string out;
  out.reserve(phrase.size());
  FoldedBytes bytes(phrase);
  for (int c = bytes.next(); c >= 0; c = bytes.next()) out.push_back(static_cast<char>(c));
  return out;
}

bool same_folded(std::string_view a, std::string_view b) {
  FoldedBytes x(a), y(b);
  for (;;) {
    const int c = x.next();
    if (c != y.next()) return false;
    if (c < 0) return true;
  }
}

std::vector<Word> index_words(std::string_view lower) {
  std::vector<Word> words;
  words.reserve(lower.size() / 5 + 1);  // English runs at about six bytes a word
  const std::size_t n = lower.size();
  for (std::size_t i = 0; i < n;) {
    if (!is_alnum(lower[i])) {
      ++i;
      continue;
    }
    std::size_t e = i + 1;
    while (e < n && is_alnum(lower[e])) ++e;
    const std::uint32_t letters = letters_key(lower, i, std::min(e - i, kLeadingLetters));
    words.push_back({static_cast<std::uint32_t>(i), letters, letters_hash(letters)});
    i = e;
  }
  return words;
}

std::string collapse_whitespace(std::string_view text, std::size_t limit) {
  std::string out;
  out.reserve(std::min(text.size(), limit == std::string_view::npos ? limit : limit + 1));
  bool pending = false;
  for (std::size_t i = 0; i < text.size() && out.size() <= limit;) {
    if (std::size_t w = whitespace_length(text, i)) {
      pending = true;
      i += w;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    // Printable ASCII up to the next whitespace or the limit, as one piece.
    std::size_t e = i + 1;
    while (e < text.size() && static_cast<unsigned char>(text[e]) > ' ' && static_cast<unsigned char>(text[e]) < 0x7F) ++e;
    if (limit != std::string_view::npos) e = std::min(e, i + (limit + 1 - out.size()));
    out.append(text.data() + i, e - i);
    i = e;
  }
  return out;
}

}  // namespace policykg::builder
