// Escaping text for XML content and attribute values (GraphML, GEXF, HTML).
#pragma once

#include <string>
#include <string_view>

namespace policykg::exports {

/// Escapes & < > " ' and replaces characters XML 1.0 forbids (C0 controls other than tab,
/// line feed and carriage return) with U+FFFD.
inline void append_xml_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
}

inline std::string xml_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  append_xml_escaped(out, s);
  return out;
}

}  // namespace policykg::exports
