// Graphviz DOT: every id and label a quoted, escaped string; nodes filled with their class colour
// and shaped by class; the class name also becomes the SVG class. Literal attributes and the
// predicate IRI ride along as extra attributes, which Graphviz keeps and ignores.
#include <string>

#include "export/attribute_schema.hpp"
#include "export/class_style.hpp"
#include "export/export.hpp"

namespace policykg::exports {

namespace {

// A DOT quoted string: " and \ escaped, line breaks as \n (an escString in labels).
void quoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  out += '"';
}

void attr(std::string& out, bool& first, std::string_view name, std::string_view value) {
  out += first ? " [" : ", ";
  first = false;
  quoted(out, name);
  out += '=';
  quoted(out, value);
}

}  // namespace

std::string to_dot(const query::GraphView& view, const Options& options) {
  const auto& g = view.graph();
  const AttributeSchema schema = attribute_schema(view);
  std::string out;
  out.reserve(200 * (view.node_count() + view.edge_count()) + 1024);
  out += "digraph ";
  quoted(out, options.title);
  out += " {\n";
  out += "  graph [\"charset\"=\"UTF-8\", \"rankdir\"=\"LR\", \"overlap\"=\"false\"];\n";
  out += "  node [\"style\"=\"filled\", \"fontname\"=\"Helvetica\", \"fontsize\"=\"10\"];\n";
  out += "  edge [\"fontname\"=\"Helvetica\", \"fontsize\"=\"8\"];\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const query::Node& n = g[*v];
    ClassStyle style = class_style(n.cls);
    out += "  ";
    quoted(out, n.iri);
    bool first = true;
    attr(out, first, "label", shown_label(n.label, n.iri, options.labels));
    attr(out, first, "tooltip", n.iri);
    attr(out, first, "class", class_label(n.cls));
    attr(out, first, "shape", style.shape);
    attr(out, first, "fillcolor", style.color);
    attr(out, first, "rdf:type", n.cls);
    for (const auto& [predicate, values] : n.attributes) {
      auto it = schema.by_predicate.find(predicate);
      if (it == schema.by_predicate.end() || values.empty()) continue;
      // Named by the compact predicate ("pol:text"), which no Graphviz attribute is.
      attr(out, first, compact_iri(predicate, options.base), attribute_text(values, schema.attributes[it->second]));
    }
    out += "];\n";
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const query::Edge& edge = g[*e];
    out += "  ";
    quoted(out, g[boost::source(*e, g)].iri);
    out += " -> ";
    quoted(out, g[boost::target(*e, g)].iri);
    bool first = true;
    attr(out, first, "label", shown_label(edge.label, edge.predicate, options.labels));
    attr(out, first, "predicate", edge.predicate);
    out += "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace policykg::exports
