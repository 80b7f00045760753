#include "server/triples_table.hpp"

#include <algorithm>

namespace policykg::server {

std::string triples_table(const std::vector<rdf::Triple>& input, const Linker& linker) {
  auto triples = input;
  std::sort(triples.begin(), triples.end());
  std::string out;
  const rdf::Term* subject = nullptr;
  for (const auto& t : triples) {
    if (!subject || *subject != t.s) {
      if (subject) out += "</table>\n";
      subject = &t.s;
      std::string id = t.s.is_blank() ? " id=\"" + html_escape(t.s.value) + "\"" : "";
      out += "<h2" + id + ">" + linker.term(t.s) + "</h2>\n<table class=\"properties\">\n";
    }
    std::string object = t.o.is_blank() ? "<a href=\"#" + html_escape(t.o.value) + "\">_:" + html_escape(t.o.value) + "</a>"
                                        : linker.term(t.o);
    out += "<tr><th>" + linker.term(t.p) + "</th><td>" + object + "</td></tr>\n";
  }
  if (subject) out += "</table>\n";
  return out;
}

}  // namespace policykg::server
