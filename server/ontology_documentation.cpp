#include "server/ontology_documentation.hpp"

#include <set>

#include "ontology/terms.hpp"

namespace policykg::server {

namespace {

std::string p(std::string_view ns_iri, std::string_view local) { return std::string(ns_iri) + std::string(local); }

struct Doc {
  const GraphSnapshot& g;
  const Linker& linker;

  std::vector<rdf::Term> values(const rdf::Term& s, const std::string& predicate) const {
    std::vector<rdf::Term> out;
    for (const auto& t : g.outgoing(s))
      if (t.p.value == predicate) out.push_back(t.o);
    return out;
  }
  std::string text(const rdf::Term& s, const std::string& predicate) const {
    auto v = values(s, predicate);
    return v.empty() ? std::string() : v.front().value;
  }
  // The members of an RDF list.
  std::vector<rdf::Term> list(rdf::Term node) const {
    std::vector<rdf::Term> out;
    std::set<rdf::Term> seen;
    while (node.value != p(ns::kRdf, "nil") && seen.insert(node).second) {
      auto first = values(node, p(ns::kRdf, "first"));
      auto rest = values(node, p(ns::kRdf, "rest"));
      if (first.empty() || rest.empty()) break;
      out.push_back(first.front());
      node = rest.front();
    }
    return out;
  }
  // A class expression: a named class as a link, a union as "A or B".
  std::string class_expression(const rdf::Term& t) const {
    if (!t.is_blank()) return linker.term(t);
    auto unions = values(t, p(ns::kOwl, "unionOf"));
    if (unions.empty()) return linker.term(t);
    std::string out;
    for (const auto& member : list(unions.front())) out += (out.empty() ? "" : " or ") + linker.term(member);
    return out;
  }
  std::vector<std::string> subjects_of_type(const std::string& type) const {
    std::vector<std::string> out;
    for (const auto& t : g.incoming(rdf::Term::iri(type)))
      if (t.p.value == p(ns::kRdf, "type") && t.s.is_iri() && t.s.value.starts_with(ns::kPol))
        out.push_back(t.s.value);
    return out;
  }
  std::string row(std::string_view heading, const std::vector<rdf::Term>& terms) const {
    if (terms.empty()) return {};
    std::string cells;
    for (const auto& t : terms) cells += (cells.empty() ? "" : ", ") + class_expression(t);
    return "<tr><th>" + std::string(heading) + "</th><td>" + cells + "</td></tr>\n";
  }
  std::string entry(const std::string& iri, std::string_view kind) const {
    const rdf::Term term = rdf::Term::iri(iri);
    const std::string local = iri.substr(ns::kPol.size());
    std::string out = "<section class=\"term\" id=\"" + html_escape(local) + "\">\n<h3>" +
                      html_escape(text(term, p(ns::kRdfs, "label"))) + " <code>pol:" + html_escape(local) +
                      "</code> <small>" + std::string(kind) + "</small></h3>\n";
    if (auto comment = text(term, p(ns::kRdfs, "comment")); !comment.empty())
      out += "<p>" + html_escape(comment) + "</p>\n";
    if (auto def = text(term, p(ns::kSkos, "definition")); !def.empty()) out += "<p>" + html_escape(def) + "</p>\n";
    out += "<table class=\"properties\">\n<tr><th>IRI</th><td><code>" + html_escape(iri) + "</code></td></tr>\n";
    out += row("subclass of", values(term, p(ns::kRdfs, "subClassOf")));
    std::vector<rdf::Term> subclasses;
    for (const auto& t : g.incoming(term))
      if (t.p.value == p(ns::kRdfs, "subClassOf")) subclasses.push_back(t.s);
    out += row("superclass of", subclasses);
    out += row("subproperty of", values(term, p(ns::kRdfs, "subPropertyOf")));
    out += row("domain", values(term, p(ns::kRdfs, "domain")));
    out += row("range", values(term, p(ns::kRdfs, "range")));
    out += row("in scheme", values(term, p(ns::kSkos, "inScheme")));
    std::vector<rdf::Term> characteristics;
    for (const auto& t : values(term, p(ns::kRdf, "type")))
      if (t.value == p(ns::kOwl, "FunctionalProperty") || t.value == p(ns::kOwl, "TransitiveProperty") ||
          t.value == p(ns::kOwl, "SymmetricProperty"))
        characteristics.push_back(t);
    out += row("characteristics", characteristics);
    return out + "</table>\n</section>\n";
  }
  std::string group(std::string_view id, std::string_view heading, const std::vector<std::string>& iris,
                    std::string_view kind) const {
    if (iris.empty()) return {};
    std::string out = "<section id=\"" + std::string(id) + "\">\n<h2>" + std::string(heading) + "</h2>\n<p class=\"index\">";
    for (std::size_t i = 0; i < iris.size(); ++i)
      out += std::string(i ? " · " : "") + "<a href=\"#" + html_escape(iris[i].substr(ns::kPol.size())) + "\">" +
             html_escape(linker.name(iris[i])) + "</a>";
    out += "</p>\n";
    for (const auto& iri : iris) out += entry(iri, kind);
    return out + "</section>\n";
  }
};

}  // namespace

std::string ontology_documentation(const GraphSnapshot& ontology, const Linker& linker) {
  Doc doc{ontology, linker};
  const rdf::Term self = rdf::Term::iri(std::string(ns::kOntology));
  std::string title = doc.text(self, p(ns::kDcterms, "title"));
  if (title.empty()) title = "policykg ontology";
  std::string body = "<h1>" + html_escape(title) + "</h1>\n<table class=\"properties metadata\">\n";
  body += "<tr><th>IRI</th><td><code>" + std::string(ns::kOntology) + "</code></td></tr>\n";
  body += "<tr><th>namespace</th><td><code>pol:</code> <code>" + std::string(ns::kPol) + "</code></td></tr>\n";
  for (auto [label, predicate] : {std::pair{"version", p(ns::kOwl, "versionInfo")},
                                  std::pair{"version IRI", p(ns::kOwl, "versionIRI")},
                                  std::pair{"license", p(ns::kDcterms, "license")},
                                  std::pair{"created", p(ns::kDcterms, "created")}})
    body += doc.row(label, doc.values(self, predicate));
  body += "</table>\n";
  if (auto d = doc.text(self, p(ns::kDcterms, "description")); !d.empty())
    body += "<p class=\"description\">" + html_escape(d) + "</p>\n";
  body += "<p class=\"alternates\">As data: <a href=\"/ontology.ttl\">Turtle</a>, <a href=\"/ontology.nt\">N-Triples</a>, "
          "<a href=\"/ontology.jsonld\">JSON-LD</a>, <a href=\"/ontology.rdf\">RDF/XML</a>.</p>\n";
  body += "<nav class=\"toc\"><a href=\"#classes\">Classes</a> · <a href=\"#object-properties\">Object properties</a> · "
          "<a href=\"#datatype-properties\">Datatype properties</a> · <a href=\"#concept-schemes\">Concept schemes</a> · "
          "<a href=\"#concepts\">Concepts</a></nav>\n";
  body += doc.group("classes", "Classes", doc.subjects_of_type(p(ns::kOwl, "Class")), "class");
  body += doc.group("object-properties", "Object properties", doc.subjects_of_type(p(ns::kOwl, "ObjectProperty")),
                    "object property");
  body += doc.group("datatype-properties", "Datatype properties",
                    doc.subjects_of_type(p(ns::kOwl, "DatatypeProperty")), "datatype property");
  body += doc.group("concept-schemes", "Concept schemes", doc.subjects_of_type(p(ns::kSkos, "ConceptScheme")),
                    "concept scheme");
  body += doc.group("concepts", "Concepts", doc.subjects_of_type(p(ns::kSkos, "Concept")), "concept");
  return html_page(title, body);
}

}  // namespace policykg::server
