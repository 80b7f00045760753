// Numbering: recognises the numeral opening a paragraph (see the header).
#include "builder/numbering.hpp"

#include "builder/normalized_text.hpp"
#include "core/text.hpp"

namespace policykg::builder {

namespace {

// Skips whitespace (NBSP included) from `i`.
std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size())
    if (std::size_t w = whitespace_length(s, i)) i += w;
    else break;
  return i;
}

const char* const kCjkDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Reads a run of Chinese numerals (一 ... 九十九) at `i`; returns its value and advances `i`.
int read_cjk_number(std::string_view s, std::size_t& i) {
  int value = 0, current = 0;
  bool any = false;
  while (i + 3 <= s.size()) {
    int digit = 0;
    for (int d = 0; d < 10; ++d)
      if (s.compare(i, 3, kCjkDigits[d]) == 0) digit = d + 1;
    if (digit == 0) break;
    any = true;
    if (digit == 10) {
      value += (current == 0 ? 1 : current) * 10;
      current = 0;
    } else {
      current = digit;
    }
    i += 3;
  }
  return any ? value + current : 0;
}

// An opening or closing bracket at `i` (ASCII or full-width); its byte length or 0.
std::size_t open_paren(std::string_view s, std::size_t i) {
  if (starts_at(s, i, "(")) return 1;
  if (starts_at(s, i, "（")) return 3;
  return 0;
}
std::size_t close_paren(std::string_view s, std::size_t i) {
  if (starts_at(s, i, ")")) return 1;
  if (starts_at(s, i, "）")) return 3;
  return 0;
}

}  // namespace

int roman_value(std::string_view s) {
  if (s.empty() || s.size() > 8) return 0;
  auto v = [](char c) {
    switch (c) {
      case 'I': case 'i': return 1;
      case 'V': case 'v': return 5;
      case 'X': case 'x': return 10;
      case 'L': case 'l': return 50;
      case 'C': case 'c': return 100;
      default: return 0;
    }
  };
  int total = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    int a = v(s[k]);
    if (a == 0) return 0;
    int b = k + 1 < s.size() ? v(s[k + 1]) : 0;
    total += a < b ? -a : a;
  }
  return total > 0 ? total : 0;
}

std::optional<Marker> read_marker(std::string_view p, const std::vector<std::string>& article_words) {
  Marker m;
  std::size_t i = 0;
  auto finish = [&](std::size_t after) -> std::optional<Marker> {
    std::size_t next = skip_space(p, after);
    if (next >= p.size()) return std::nullopt;  // a bare numeral is not a unit
    m.length = next;
    return m;
  };
  // "Article 1", "Chapter II"
  for (const auto& w : article_words) {
    if (!starts_at(p, 0, w)) continue;
    std::size_t j = w.size();
    std::size_t k = skip_space(p, j);
    if (k == j) continue;
    std::size_t d = k;
    while (d < p.size() && (is_digit(p[d]) || (roman_value(std::string_view(&p[d], 1)) && is_upper(p[d])))) ++d;
    if (d == k || d - k > 6) continue;  // no heading is numbered past a million
    std::string num(p.substr(k, d - k));
    int value = is_digit(num[0]) ? std::stoi(num) : roman_value(num);
    if (value == 0) continue;
    if (d < p.size() && (p[d] == '.' || p[d] == ':')) ++d;
    if (d < p.size() && !whitespace_length(p, d)) continue;
    m.style = "word:" + w;
    m.value = value;
    m.printed = num;
    return finish(d);
  }
  // "(1)", "(i)", "(a)", "（一）"
  if (std::size_t o = open_paren(p, 0)) {
    std::size_t j = o;
    std::size_t d = j;
    if (std::string_view cjk = p.substr(j); !cjk.empty() && static_cast<unsigned char>(cjk[0]) >= 0x80) {
      int v = read_cjk_number(p, d);
      if (v == 0) return std::nullopt;
      m.style = "paren-cjk";
      m.value = v;
    } else {
      while (d < p.size() && is_alnum(p[d])) ++d;
      std::string_view num = p.substr(j, d - j);
      if (num.empty() || num.size() > 6) return std::nullopt;
      if (is_digit(num[0])) {
        for (char c : num)
          if (!is_digit(c)) return std::nullopt;
        m.style = "paren-arabic";
        m.value = std::stoi(std::string(num));
      } else if (roman_value(num) && num != "c" && num != "l" && num != "C" && num != "L") {
        bool upper = is_upper(num[0]);
        m.style = upper ? "paren-upper-roman" : "paren-roman";
        m.value = roman_value(num);
      } else if (num.size() == 1) {
        m.style = is_upper(num[0]) ? "paren-upper-letter" : "paren-letter";
        m.value = (is_upper(num[0]) ? num[0] - 'A' : num[0] - 'a') + 1;
      } else {
        return std::nullopt;
      }
    }
    std::size_t c = close_paren(p, d);
    if (c == 0) return std::nullopt;
    m.printed = std::string(p.substr(j, d - j));
    return finish(d + c);
  }
  // "一、"
  if (static_cast<unsigned char>(p[0]) >= 0x80) {
    std::size_t d = 0;
    int v = read_cjk_number(p, d);
    if (v == 0 || !(starts_at(p, d, "、") || starts_at(p, d, "．") || starts_at(p, d, "."))) return std::nullopt;
    m.style = "cjk";
    m.value = v;
    m.printed = std::string(p.substr(0, d));
    return finish(d + (starts_at(p, d, ".") ? 1 : 3));
  }
  // "1.", "1、", "1)", "II ."
  std::size_t d = 0;
  while (d < p.size() && is_digit(p[d])) ++d;
  if (d > 0 && d <= 6) {
    std::string num(p.substr(0, d));
    m.value = std::stoi(num);
    m.printed = num;
    std::size_t k = skip_space(p, d);
    if (starts_at(p, k, "、")) {
      m.style = "arabic-comma";
      return finish(k + 3);
    }
    if (k == d && starts_at(p, d, ".") && d + 1 < p.size() && !is_digit(p[d + 1])) {
      m.style = "arabic";
      std::size_t after = d + 1;
      if (!whitespace_length(p, after)) return std::nullopt;
      return finish(after);
    }
    if (k == d && starts_at(p, d, "．")) {
      m.style = "arabic";
      return finish(d + 3);
    }
    if (k == d && starts_at(p, d, ")")) {
      m.style = "arabic-paren";
      if (!whitespace_length(p, d + 1)) return std::nullopt;
      return finish(d + 1);
    }
    return std::nullopt;
  }
  while (i < p.size() && is_upper(p[i]) && roman_value(std::string_view(&p[i], 1))) ++i;
  if (i > 0 && roman_value(p.substr(0, i))) {
    std::size_t k = skip_space(p, i);
    if (starts_at(p, k, ".") || starts_at(p, k, "．") || starts_at(p, k, "、")) {
      std::size_t after = k + (starts_at(p, k, ".") ? 1 : 3);
      if (after < p.size() && !whitespace_length(p, after) && !starts_at(p, k, "、") && !starts_at(p, k, "．"))
        return std::nullopt;
      m.style = "roman";
      m.value = roman_value(p.substr(0, i));
      m.printed = std::string(p.substr(0, i));
      return finish(after);
    }
  }
  return std::nullopt;
}

}  // namespace policykg::builder
