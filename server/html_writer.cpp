#include "server/html_writer.hpp"

#include <cctype>

#include "rdf/xml_text.hpp"

namespace policykg::server {

// HTML keeps line breaks in attribute values, so text and attributes are escaped alike.
std::string html_escape(std::string_view s) { return rdf::xml_escaped(s, rdf::XmlPlace::Content); }

std::string html_page(std::string_view title, std::string_view body, std::string_view head) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += html_escape(title);
  out += " | policykg</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n";
  out += head;
  out +=
      "</head>\n<body>\n<nav class=\"site\"><a href=\"/\">policykg</a> <a href=\"/query\" data-needs-server>query</a> "
      "<a href=\"/graph\">graph</a> <a href=\"/pictures\">pictures</a> <a href=\"/search\" data-needs-server>search</a> <a href=\"/ontology\">ontology</a> <a href=\"/.well-known/void\">VoID</a> "
      "<a href=\"/dcat\">DCAT</a></nav>\n<main>\n";
  out += body;
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~';
    if (plain) out += static_cast<char>(c);
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

bool is_web_iri(std::string_view iri) {
  auto lower_starts = [iri](std::string_view prefix) {
    if (iri.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(iri[i])) != prefix[i]) return false;
    return true;
  };
  return lower_starts("http://") || lower_starts("https://");
}

std::string Linker::name(std::string_view iri) const {
  if (auto l = data_.label(iri)) return *l;
  if (auto l = ontology_.label(iri)) return *l;
  return map_.compact(iri);
}

std::string Linker::href(std::string_view iri) const {
  if (auto local = map_.local(iri)) return *local;
  return std::string(iri);
}

std::string Linker::term(const rdf::Term& t) const {
  switch (t.kind) {
    case rdf::Term::Kind::Iri: {
      bool published = map_.local(t.value).has_value();
      // Only web IRIs become links: a javascript: or data: IRI is shown as text.
      if (!published && !is_web_iri(t.value))
        return "<span class=\"iri\" title=\"" + html_escape(t.value) + "\">" + html_escape(name(t.value)) + "</span>";
      return "<a href=\"" + html_escape(href(t.value)) + "\" title=\"" + html_escape(t.value) + "\"" +
             (published ? "" : " rel=\"external\"") + ">" + html_escape(name(t.value)) + "</a>";
    }
    case rdf::Term::Kind::Blank: return "<span class=\"blank\">_:" + html_escape(t.value) + "</span>";
    case rdf::Term::Kind::Literal: {
      std::string out = "<span class=\"literal\">" + html_escape(t.value) + "</span>";
      if (!t.lang.empty()) out += " <small class=\"lang\">@" + html_escape(t.lang) + "</small>";
      else if (!t.datatype.empty())
        out += " <small class=\"datatype\">" + html_escape(map_.compact(t.datatype)) + "</small>";
      return out;
    }
  }
  return {};
}

}  // namespace policykg::server
