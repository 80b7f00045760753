#include "rdf/term.hpp"

#include <cstdio>

namespace policykg::rdf {

std::string escape_literal(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out;
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
