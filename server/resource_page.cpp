#include "server/resource_page.hpp"

#include <set>

#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"
#include "query/traversal/reach.hpp"
#include "query/traversal/traversal.hpp"
#include "remote/subgraph.hpp"

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

// The SHA-256 the graph gives for the text a document was built from: its expression's, or, for
// an annex, that of the document it is annexed to (read from the same file). Empty when none.
std::string text_digest(const GraphSnapshot& g, const std::string& document) {
  const rdf::Term self = rdf::Term::iri(document);
  std::vector<rdf::Term> candidates{self};
  for (auto& annexing : g.subjects(pol::hasAnnex, self)) candidates.push_back(std::move(annexing));
  for (const auto& doc : candidates)
    for (const auto& t : g.outgoing(doc))
      if (t.p.value == std_terms::eli_is_realized_by)
        if (auto digest = g.value(t.o, pol::sha256); digest && digest->is_literal()) return digest->value;
  return {};
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
      auto ex = ctx.sources.excerpt(*document, text_digest(ctx.data, *document), static_cast<std::size_t>(*start), static_cast<std::size_t>(*end));
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

// The route from a unit to a responsible party in words, each step linked: "part of Task 9 ›
// part of the Plan, which names it".
std::string route_words(const Context& ctx, const query::GraphView& view, const query::Route& route) {
  std::string out;
  for (std::size_t i = 0; i < route.hops.size(); ++i) {
    const auto& h = route.hops[i];
    const std::string to = ctx.linker.term(rdf::Term::iri(view.node(h.to).iri));
    const bool last = i + 1 == route.hops.size();
    std::string step;
    if (h.predicate == std_terms::dcterms_isPartOf && h.forward) step = "part of " + to;
    else if (h.predicate == pol::approves && !h.forward) step = "approved by " + to;
    else if (h.predicate == pol::hasAnnex && !h.forward) step = "annexed to " + to;
    else if (last && h.predicate == pol::responsibleParty) step = i == 0 ? "stated in its text" : "which names the parties";
    else if (last && h.predicate == pol::addressedTo) step = "which is addressed to it";
    else step = (h.forward ? "" : "inverse of ") + html_escape(view.predicate_label(h.predicate)) + " " + to;
    out += (out.empty() ? "" : last && h.forward ? ", " : " › ") + step;
  }
  return out;
}

// Who is responsible for a unit (as `policykg responsible` answers), and what its facts are:
// conditions, dependencies, places, sector and instrument type.
std::string facts_section(Context& ctx, const std::string& iri) {
  // The part of the graph responsibility reaches from the unit, as `policykg responsible` reads it
  // from an index: a page of a graph of any size decodes only that part.
  remote::DatasetQueries queries(ctx.dataset);
  const query::GraphView view(remote::fetch_reach(queries, {iri}, query::responsible_reach()));
  const auto v = view.vertex(iri);
  if (!v || !query::is_unit(view, *v)) return {};
  std::string out = "<section class=\"facts\">\n<h2>Responsible</h2>\n";
  const auto answers = query::responsible(view, *v);
  if (answers.empty())
    out += "<p class=\"note\">No responsible party is stated for it, for the units above it or by an approving "
           "reply.</p>\n";
  else {
    // Parties named on the same unit share one route: one item per unit that names them.
    out += "<ul class=\"responsible\">\n";
    for (std::size_t i = 0; i < answers.size();) {
      const query::Vertex on = query::stated_on(answers[i].route, *v);
      std::size_t j = i;
      std::string parties;
      for (; j < answers.size() && answers[j].how == answers[i].how && query::stated_on(answers[j].route, *v) == on; ++j)
        parties += std::string(parties.empty() ? "" : ", ") +
                   ctx.linker.term(rdf::Term::iri(view.node(answers[j].party).iri)) + html_escape(query::roles_text(query::roles(view, on, answers[j].party)));
      const std::string& how = answers[i].how;
      out += "<li data-how=\"" + html_escape(how) + "\">" + parties + " <span class=\"how\">— " +
             (how == "stated" ? "stated in its text" : how == "inherited" ? "inherited" : "by the approving reply") +
             "</span>";
      if (how != "stated") out += "<br><span class=\"route\">" + route_words(ctx, view, answers[i].route) + "</span>";
      out += "</li>\n";
      i = j;
    }
    out += "</ul>\n";
  }
  // The facts researchers count, each only when the unit has it.
  const std::pair<std::string_view, std::string_view> rows[] = {
      {pol::condition, "Conditions"},        {pol::dependsOn, "Depends on"},  {pol::appliesTo, "Applies to"},
      {pol::excludes, "Excludes"},           {pol::sector, "Sector"},        {pol::instrumentType, "Instrument type"},
      {pol::references, "Refers to"},
  };
  std::string table;
  const rdf::Term self = rdf::Term::iri(iri);
  for (const auto& [predicate, heading] : rows) {
    std::string values;
    for (const auto& t : ctx.data.outgoing(self))
      if (t.p.value == predicate) values += "<li>" + ctx.linker.term(t.o) + "</li>";
    if (!values.empty())
      table += "<tr><th>" + std::string(heading) + "</th><td><ul>" + values + "</ul></td></tr>\n";
  }
  if (!table.empty()) out += "<h2>Facts</h2>\n<table class=\"properties unit-facts\">\n" + table + "</table>\n";
  return out + "</section>\n";
}

// A link to the graph page centred on the resource, with what the focused view is.
std::string graph_links(const std::string& iri) {
  std::string hops;
  for (int n = 2; n <= 3; ++n)
    hops += " <a href=\"/graph?focus=" + html_escape(url_encode(iri)) + "&amp;hops=" + std::to_string(n) + "\">" +
            std::to_string(n) + " links</a>";
  return "<p class=\"graph-around\" data-needs-server><a href=\"/graph?focus=" + html_escape(url_encode(iri)) +
         "&amp;hops=1\">See it in the graph</a>: the graph page centred on this resource with what lies one link "
         "away (<code>/graph?focus=IRI&amp;hops=N</code>, N up to 5); within" +
         hops + ".</p>\n";
}

}  // namespace

std::string resource_page(Context& ctx, const std::string& local_name) {
  const std::string iri = ctx.iris.instance(local_name);
  const rdf::Term self = rdf::Term::iri(iri);
  const auto& linker = ctx.linker;
  auto outgoing = ctx.data.outgoing(self);
  auto incoming = ctx.data.incoming(self, kMaxIncoming);
  const std::size_t links_here = ctx.data.incoming_count(self);
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
  body += graph_links(iri);
  body += text_section(ctx, self);
  body += facts_section(ctx, iri);

  body += "<section class=\"outgoing\">\n<h2>Properties and links</h2>\n<table class=\"properties\">\n";
  for (const auto& t : outgoing) {
    if (t.p.value == kType) continue;
    body += "<tr><th>" + linker.term(t.p) + "</th><td>" + linker.term(t.o) + "</td></tr>\n";
  }
  body += "</table>\n</section>\n";

  body += "<section class=\"incoming\">\n<h2>Linked from</h2>\n";
  if (incoming.empty()) body += "<p class=\"note\">Nothing in the graph links here.</p>\n";
  else {
    body += "<table class=\"properties\">\n";
    for (const auto& t : incoming) {
      body += "<tr><td>" + linker.term(t.s) + "</td><th>" + linker.term(t.p) + "</th></tr>\n";
    }
    body += "</table>\n";
    if (links_here > incoming.size())
      body += "<p class=\"note\">" + std::to_string(incoming.size()) + " of " + std::to_string(links_here) +
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
