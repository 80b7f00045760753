// UTF-8, written once for every module: the checks every reader of untrusted text (queries, RDF,
// documents) makes, where the first byte is that is not well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF), or the first NUL; the code point a sequence stands
// for, a text's code points and back, and where a character starts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace policykg {

/// The length of the well-formed UTF-8 sequence starting at `text[i]`, or 0 when it is not one.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;       // no overlong forms
    else if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;       // no overlong forms
    else if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

/// The byte offset of the first byte of `text` that is not well-formed UTF-8, or nullopt.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

/// The byte offset of the first NUL or ill-formed UTF-8 byte, or nullopt. Runs of ASCII are
/// passed over eight bytes at a time.
inline std::optional<std::size_t> first_invalid_text_byte(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  for (std::size_t i = 0; i < text.size();) {
    std::uint64_t word;
    if (i + 8 <= text.size()) {
      std::memcpy(&word, text.data() + i, 8);
      // no byte with its high bit set and none zero: eight ASCII characters, none NUL
      if (((word | ((word - kOnes) & ~word)) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    if (text[i] == '\0') return i;
    std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

/// The code point of the well-formed UTF-8 sequence at `text[i]` and its length in bytes;
/// {0, 0} when there is none there.
inline std::pair<char32_t, std::size_t> utf8_code_point(std::string_view text, std::size_t i) {
  const std::size_t n = i < text.size() ? utf8_sequence_length(text, i) : 0;
  if (n == 0) return {0, 0};
  auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  if (n == 1) return {byte(0), 1};
  char32_t code = byte(0) & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) code = (code << 6) | (byte(k) & 0x3F);
  return {code, n};
}

/// The bytes of the character starting at `text[i]`: its sequence's length when well formed,
/// else 1 (the byte alone), so that a loop over a damaged text still moves on.
inline std::size_t utf8_step(std::string_view text, std::size_t i) {
  const std::size_t n = utf8_sequence_length(text, i);
  return n == 0 ? 1 : n;
}

/// The code points of `text`; a byte that starts no well-formed sequence is U+FFFD.
inline std::u32string utf8_decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [code, n] = utf8_code_point(text, i);
    out.push_back(n == 0 ? U'\uFFFD' : code);
    i += n == 0 ? 1 : n;
  }
  return out;
}

/// Appends code point `cp` (at most U+10FFFF) to `out` in UTF-8.
inline void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// `codes` in UTF-8.
inline std::string utf8_encode(std::u32string_view codes) {
  std::string out;
  out.reserve(codes.size());
  for (char32_t c : codes) utf8_append(out, c);
  return out;
}

/// Whether `text[i]` continues a sequence (10xxxxxx) rather than starting a character.
inline bool utf8_continuation(std::string_view text, std::size_t i) {
  return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

/// The start of the character that byte `i` belongs to (`i` itself when it starts one), never
/// before `floor`: where a text can be cut at or before `i` without splitting a character.
inline std::size_t utf8_char_start(std::string_view text, std::size_t i, std::size_t floor = 0) {
  while (i > floor && i < text.size() && utf8_continuation(text, i)) --i;
  return i;
}

}  // namespace policykg
