#include "rdf/term.hpp"

#include <cstdio>

namespace policykg::rdf {

std::string escape_literal(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    // A run that needs no escape goes in whole.
    std::size_t e = i;
    while (e < s.size() && static_cast<unsigned char>(s[e]) >= 0x20 && s[e] != '"' && s[e] != '\\') ++e;
    if (e > i) {
      out.append(s.data() + i, e - i);
      i = e - 1;
      continue;
    }
    const char c = s[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {  // the other control characters
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
        out += buf;
      }
    }
  }
  return out;
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxLanguageTag) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t run = 0;  // the length of the current subtag
  bool first = true;    // the first subtag is letters only
  for (char c : tag) {
    if (c == '-') {
      if (run == 0) return false;
      run = 0;
      first = false;
    } else if (alpha(c) || (!first && digit(c))) {
      if (++run > 8) return false;
    } else {
      return false;
    }
  }
  return run > 0;
}

std::string Term::to_ntriples() const {
  switch (kind) {
    case Kind::Iri: return "<" + value + ">";
    case Kind::Blank: return "_:" + value;
    case Kind::Literal: {
      std::string out = "\"" + escape_literal(value) + "\"";
      if (!lang.empty()) return out + "@" + lang;
      if (!datatype.empty() && datatype != std::string(kXsd) + "string") out += "^^<" + datatype + ">";
      return out;
    }
  }
  return {};
}

}  // namespace policykg::rdf
