// Measure splitter: sentences, then clauses (see the header).
#include "builder/measure_splitter.hpp"

#include <algorithm>
#include <array>

#include "builder/normalized_text.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"

namespace policykg::builder {

namespace {

// Length of a CJK sentence-ending mark at `i` (。！？), or 0.
std::size_t cjk_stop(std::string_view s, std::size_t i) {
  return (starts_at(s, i, "。") || starts_at(s, i, "！") || starts_at(s, i, "？")) ? 3 : 0;
}
std::size_t cjk_semicolon(std::string_view s, std::size_t i) { return starts_at(s, i, "；") ? 3 : 0; }

// The bytes a splitter must look at: the ASCII ones listed and every byte of a non-ASCII
// character (CJK stops, semicolons and brackets). Most text is ASCII none of them matches.
constexpr std::array<bool, 256> notable_bytes(std::string_view ascii) {
  std::array<bool, 256> t{};
  for (char c : ascii) t[static_cast<unsigned char>(c)] = true;
  for (std::size_t c = 0x80; c < 256; ++c) t[c] = true;
  return t;
}

// Closing quotes and brackets that may follow a full stop inside a sentence.
std::size_t closer(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '"' || s[i] == '\'' || s[i] == ')') return 1;
  if (starts_at(s, i, "”") || starts_at(s, i, "’") || starts_at(s, i, "）")) return 3;
  return 0;
}

bool opens_sentence(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  char c = s[i];
  if (is_upper(c) || is_digit(c) || c == '"' || c == '(' || c == '\'') return true;
  auto b = static_cast<unsigned char>(c);
  return b >= 0xE2;  // typographic quotes, CJK text
}

bool is_abbreviation(std::string_view s, std::size_t dot, std::size_t from, const StructureRules& rules) {
  std::size_t b = dot;
  while (b > from && (is_alnum(s[b - 1]) || s[b - 1] == '.')) --b;
  std::string_view word = s.substr(b, dot - b);
  if (word.empty()) return false;
  if (word.size() == 1 && is_upper(word[0])) return true;  // an initial: "J. Smith"
  return std::find(rules.abbreviations.begin(), rules.abbreviations.end(), word) != rules.abbreviations.end();
}

bool has_letter(std::string_view s) {
  for (char c : s)
    if (is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

}  // namespace

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end)
    if (std::size_t w = whitespace_length(text, s.begin); w && s.begin + w <= s.end) s.begin += w;
    else break;
  while (s.end > s.begin) {
    std::size_t e = s.end;
    // Step back over one character and test it.
    std::size_t k = utf8_char_start(text, e - 1, s.begin);
    if (whitespace_length(text, k) == e - k) s.end = k;
    else break;
  }
  return s;
}

std::size_t word_count(std::string_view text, Span s) {
  std::size_t n = 0;
  bool in_word = false;
  for (std::size_t i = s.begin; i < s.end;) {
    if (std::size_t w = whitespace_length(text, i)) {
      in_word = false;
      i += w;
      continue;
    }
    if (!in_word) ++n;
    in_word = true;
    ++i;
  }
  return n;
}

std::vector<Span> split_sentences(std::string_view text, Span within, const StructureRules& rules, std::size_t limit) {
  std::vector<Span> out;
  std::size_t start = within.begin;
  int depth = 0;
  auto emit = [&](std::size_t end) {
    Span s = trim(text, {start, end});
    if (!s.empty()) out.push_back(s);
    start = end;
  };
  static constexpr auto kNotable = notable_bytes("().!?");
  for (std::size_t i = within.begin; i < within.end && out.size() < limit;) {
    while (i < within.end && !kNotable[static_cast<unsigned char>(text[i])]) ++i;
    if (i == within.end) break;
    char c = text[i];
    if (c == '(' || starts_at(text, i, "（")) ++depth;
    if ((c == ')' || starts_at(text, i, "）")) && depth > 0) --depth;
    if (std::size_t n = cjk_stop(text, i)) {
      i += n;
      while (std::size_t k = closer(text, i)) i += k;
      emit(i);
      depth = 0;
      continue;
    }
    if ((c == '.' || c == '!' || c == '?') && depth == 0) {
      std::size_t j = i + 1;
      if (c == '.' && i > within.begin && is_digit(text[i - 1]) && j < within.end && is_digit(text[j])) {
        ++i;
        continue;
      }
      while (j < within.end)
        if (std::size_t k = closer(text, j)) j += k;
        else break;
      std::size_t after = j;
      std::size_t ws = 0;
      while (after < within.end)
        if (std::size_t w = whitespace_length(text, after)) {
          after += w;
          ++ws;
        } else {
          break;
        }
      bool at_end = after >= within.end;
      if (at_end || (ws > 0 && opens_sentence(text, after) && !(c == '.' && is_abbreviation(text, i, start, rules)))) {
        emit(j);
        depth = 0;
        i = j;
        continue;
      }
    }
    ++i;
  }
  if (out.size() < limit) emit(within.end);
  return out;
}

std::vector<Span> split_clauses(std::string_view text, Span sentence, const StructureRules& rules) {
  std::vector<Span> pieces;
  std::size_t start = sentence.begin;
  int depth = 0;
  static constexpr auto kNotable = notable_bytes("();");
  for (std::size_t i = sentence.begin; i < sentence.end;) {
    while (i < sentence.end && !kNotable[static_cast<unsigned char>(text[i])]) ++i;
    if (i == sentence.end) break;
    char c = text[i];
    if (c == '(' || starts_at(text, i, "（")) ++depth;
    if ((c == ')' || starts_at(text, i, "）")) && depth > 0) --depth;
    std::size_t n = c == ';' ? 1 : cjk_semicolon(text, i);
    if (n && depth == 0) {
      pieces.push_back({start, i});
      start = i + n;
      i += n;
      continue;
    }
    ++i;
  }
  pieces.push_back({start, sentence.end});

  std::vector<Span> out;
  for (Span p : pieces) {
    p = trim(text, p);
    // Drop the final stop or semicolon.
    while (!p.empty()) {
      char last = text[p.end - 1];
      if (last == '.' || last == ';' || last == '!' || last == '?') {
        --p.end;
      } else if (p.size() >= 3 && (cjk_stop(text, p.end - 3) || cjk_semicolon(text, p.end - 3))) {
        p.end -= 3;
      } else {
        break;
      }
      p = trim(text, p);
    }
    // Drop a leading conjunction ("and", "and,") when words follow it.
    for (const auto& conj : rules.leading_conjunctions) {
      if (p.size() <= conj.size() + 1) continue;
      std::string_view head = text.substr(p.begin, conj.size());
      bool same = std::equal(head.begin(), head.end(), conj.begin(), conj.end(), [](char a, char b) {
        return (is_upper(a) ? static_cast<char>(a - 'A' + 'a') : a) == b;
      });
      std::size_t after = p.begin + conj.size();
      if (!same || is_alnum(text[after])) continue;
      if (text[after] == ',') ++after;
      if (!whitespace_length(text, after)) continue;
      p = trim(text, {after, p.end});
      break;
    }
    if (!p.empty() && has_letter(text.substr(p.begin, p.size()))) out.push_back(p);
  }
  return out;
}

}  // namespace policykg::builder
