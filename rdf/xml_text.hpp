// Escaping text for XML content and attribute values: RDF/XML, SPARQL XML results, GraphML, GEXF
// and HTML all use it.
#pragma once

#include <string>
#include <string_view>

namespace policykg::rdf {

/// True for the bytes XML 1.0 cannot hold in any form: the C0 controls other than tab, line feed
/// and carriage return.
inline bool xml_forbidden(char c) {
  return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/// Where escaped text goes: an attribute value, whose tabs and line feeds a parser would turn into
/// spaces, or element content, where they stand as they are.
enum class XmlPlace { Attribute, Content };

/// Escapes & < > " ', writes a carriage return as a character reference (a parser would read a
/// bare one as a line feed), and tabs and line feeds too in attribute values; replaces the
/// characters XML 1.0 forbids with U+FFFD.
inline void append_xml_escaped(std::string& out, std::string_view s, XmlPlace place = XmlPlace::Attribute) {
  const bool attribute = place == XmlPlace::Attribute;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (xml_forbidden(c)) out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
}

inline std::string xml_escaped(std::string_view s, XmlPlace place = XmlPlace::Attribute) {
  std::string out;
  out.reserve(s.size() + 8);
  append_xml_escaped(out, s, place);
  return out;
}

}  // namespace policykg::rdf
