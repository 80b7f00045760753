// Slugs for IRIs (see the header).
#include "builder/slug.hpp"

#include <cstdio>

#include "builder/normalized_text.hpp"
#include "core/utf8.hpp"

namespace policykg::builder {

std::string slugify(std::string_view text, std::size_t max) {
  std::string out;
  bool hyphen = false;
  auto put = [&](char c) {
    if (hyphen && !out.empty()) out.push_back('-');
    hyphen = false;
    out.push_back(c);
  };
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_alnum(static_cast<char>(c))) put(is_upper(static_cast<char>(c)) ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      else if (c != '\'') hyphen = true;
      ++i;
      continue;
    }
    auto [code, n] = utf8_code_point(text, i);
    if (n == 0) code = U'\uFFFD', n = 1;  // not UTF-8: the reader lets no such text through
    const auto cp = static_cast<unsigned>(code);
    i += n;
    if (cp == 0x2019 || cp == 0x2018) continue;  // typographic apostrophes vanish too
    if (whitespace_length(text, i - n) || cp == 0x2013 || cp == 0x2014 || cp == 0x201C || cp == 0x201D) {
      hyphen = true;
      continue;
    }
    char hex[12];
    std::snprintf(hex, sizeof hex, "u%x", cp);
    hyphen = true;
    for (const char* h = hex; *h; ++h) put(*h);
    hyphen = true;
  }
  if (out.size() > max) {
    std::size_t cut = out.rfind('-', max);
    out.resize(cut == std::string::npos || cut == 0 ? max : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

}  // namespace policykg::builder
