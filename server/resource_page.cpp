#include "server/resource_page.hpp"

#include <set>

#include "ontology/terms.hpp"

namespace policykg::server {

namespace {

constexpr std::size_t kMaxIncoming = 1000;
const std::string kIsPartOf = std::string(ns::kDcterms) + "isPartOf";
const std::string kType = std::string(ns::kRdf) + "type";

std::optional<long long> integer_value(const GraphSnapshot& g, const rdf::Term& s, std::string_view p) {
  auto v = g.value(s, p);
  if (!v || !v->is_literal()) return std::nullopt;
  try {
    return std::stoll(v->value);
  } catch (...) {
    return std::nullopt;
  }
}

// The document a unit's offsets index: pol:sourceDocument, else the end of its dcterms:isPartOf chain.
std::optional<std::string> source_document(const GraphSnapshot& g, const rdf::Term& unit) {
  if (auto d = g.value(unit, ns::pol("sourceDocument")); d && d->is_iri()) return d->value;
  rdf::Term at = unit;
  std::set<rdf::Term> seen{at};
  while (auto up = g.value(at, kIsPartOf)) {
    if (!up->is_iri() || !seen.insert(*up).second) break;
    at = *up;
  }
  if (at == unit) return std::nullopt;
  return at.value;
}

std::string structure_section(const Context& ctx, const rdf::Term& self) {
  std::vector<rdf::Term> chain;
  std::set<rdf::Term> seen{self};
  rdf::Term at = self;
  while (auto up = ctx.data.value(at, kIsPartOf)) {
    if (!up->is_iri() || !seen.insert(*up).second) break;
    chain.push_back(*up);
    at = *up;
  }
  if (chain.empty()) return {};
  std::string out = "<nav class=\"structure\" aria-label=\"part of\">";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) out += ctx.linker.term(*it) + " › ";
  return out + "<span>" + html_escape(ctx.linker.name(self.value)) + "</span></nav>\n";
}

std::string text_section(Context& ctx, const rdf::Term& self) {
  auto text = ctx.data.value(self, pol::text);
  if (!text || !text->is_literal()) return {};
  std::string out = "<section class=\"unit-text\">\n<h2>Text</h2>\n<blockquote class=\"text\">" +
                    html_escape(text->value) + "</blockquote>\n";
  auto start = integer_value(ctx.data, self, pol::sourceStart);
  auto end = integer_value(ctx.data, self, pol::sourceEnd);
  auto document = source_document(ctx.data, self);
  if (start && end && *start >= 0 && *end >= *start) {
    out += "<h2>Place in the source</h2>\n<p class=\"source-place\">Code points <span class=\"offsets\">" +
           std::to_string(*start) + "–" + std::to_string(*end) + "</span>";
    if (document) out += " of " + ctx.linker.term(rdf::Term::iri(*document));
    out += ".</p>\n";
    if (document) {
      auto ex = ctx.sources.excerpt(*document, static_cast<std::size_t>(*start), static_cast<std::size_t>(*end));
      if (ex && ex->unit != text->value) ex.reset();  // a different edition of the file: offsets do not fit
      if (ex) {
        out += "<pre class=\"source-context\">" + std::string(ex->starts_document ? "" : "…") +
               html_escape(ex->before) + "<mark>" + html_escape(ex->unit) + "</mark>" + html_escape(ex->after) +
               (ex->ends_document ? "" : "…") + "</pre>\n";
      } else {
        out += "<p class=\"note\">The source document's text is not available on this server.</p>\n";
      }
    }
  }
  return out + "</section>\n";
}

}  // namespace

std::string resource_page(Context& ctx, const std::string& local_name) {
  const std::string iri = ctx.iris.instance(local_name);
  const rdf::Term self = rdf::Term::iri(iri);
  const auto& linker = ctx.linker;
  auto outgoing = ctx.data.outgoing(self);
  auto incoming = ctx.data.incoming(self);
  const std::string title = linker.name(iri);

  std::string body = "<article class=\"resource\" resource=\"" + html_escape(iri) + "\">\n<h1>" + html_escape(title) +
                     "</h1>\n<p class=\"iri\"><code>" + html_escape(iri) + "</code></p>\n";
  auto types = ctx.data.types(iri);
  if (!types.empty()) {
    body += "<p class=\"types\">";
    for (std::size_t i = 0; i < types.size(); ++i)
      body += (i ? ", " : "") + linker.term(rdf::Term::iri(types[i]));
    body += "</p>\n";
  }
  body += structure_section(ctx, self);
  body += text_section(ctx, self);

  body += "<section class=\"outgoing\">\n<h2>Properties and links</h2>\n<table class=\"properties\">\n";
  for (const auto* t : outgoing) {
    if (t->p.value == kType) continue;
    body += "<tr><th>" + linker.term(t->p) + "</th><td>" + linker.term(t->o) + "</td></tr>\n";
  }
  body += "</table>\n</section>\n";

  body += "<section class=\"incoming\">\n<h2>Linked from</h2>\n";
  if (incoming.empty()) body += "<p class=\"note\">Nothing in the graph links here.</p>\n";
  else {
    body += "<table class=\"properties\">\n";
    std::size_t shown = 0;
    for (const auto* t : incoming) {
      if (++shown > kMaxIncoming) break;
      body += "<tr><td>" + linker.term(t->s) + "</td><th>" + linker.term(t->p) + "</th></tr>\n";
    }
    body += "</table>\n";
    if (incoming.size() > kMaxIncoming)
      body += "<p class=\"note\">First " + std::to_string(kMaxIncoming) + " of " + std::to_string(incoming.size()) +
              " links shown; the data documents hold them all.</p>\n";
  }
  body += "</section>\n<p class=\"alternates\">As data: ";
  bool first = true;
  for (auto f : kMachineFormats) {
    body += std::string(first ? "" : ", ") + "<a href=\"" + html_escape(IriMap::data_path(local_name, f)) + "\">" +
            std::string(rdf::format_name(f)) + "</a>";
    first = false;
  }
  body += "</p>\n</article>\n";

  std::string head;
  for (auto f : kMachineFormats)
    head += "<link rel=\"alternate\" type=\"" + std::string(rdf::media_type(f)) + "\" href=\"" +
            html_escape(IriMap::data_path(local_name, f)) + "\">\n";
  return html_page(title, body, head);
}

}  // namespace policykg::server
