// Neo4j admin-import CSV: a node file with iri:ID, :LABEL (every rdf:type's local name) and
// typed property columns (position:int, issued:date, altLabel:string[] ...), and a relationship
// file with :START_ID, :END_ID, :TYPE (the predicate's local name), label and predicate. Array
// values use Neo4j's default array delimiter ';'. Fields are quoted as RFC 4180 says; texts may
// hold line breaks, so import with --multiline-fields=true.
#include <string>

#include "export/attribute_schema.hpp"
#include "export/export.hpp"

namespace policykg::exports {

namespace {

std::string neo4j_type(const Attribute& a) {
  std::string t;
  switch (a.type) {
    case ValueType::Boolean: t = "boolean"; break;
    case ValueType::Int: t = "int"; break;
    case ValueType::Long: t = "long"; break;
    case ValueType::Double: t = "double"; break;
    case ValueType::Date: t = "date"; break;
    case ValueType::DateTime: t = "datetime"; break;
    case ValueType::Duration: t = "duration"; break;
    case ValueType::String: t = "string"; break;
  }
  return a.multi ? t + "[]" : t;
}

void field(std::string& out, std::string_view s, bool first = false) {
  if (!first) out += ',';
  if (s.find_first_of(",\"\r\n") == std::string_view::npos && (s.empty() || (s.front() != ' ' && s.back() != ' '))) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

CsvFiles to_csv(const query::GraphView& view, const Options& options) {
  const auto& g = view.graph();
  const AttributeSchema schema = attribute_schema(view);
  CsvFiles files;
  std::string& nodes = files.nodes;
  nodes.reserve(200 * view.node_count() + 1024);
  field(nodes, "iri:ID", true);
  field(nodes, ":LABEL");
  field(nodes, "label");
  field(nodes, "class");
  for (const auto& a : schema.attributes) field(nodes, a.name + ":" + neo4j_type(a));
  nodes += '\n';
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const query::Node& n = g[*v];
    field(nodes, n.iri, true);
    std::string labels;
    for (const auto& t : n.types) labels += (labels.empty() ? "" : ";") + local_name(t);
    field(nodes, labels.empty() ? "Resource" : labels);
    field(nodes, shown_label(n.label, n.iri, options.labels));
    field(nodes, n.cls);
    for (const auto& a : schema.attributes) {
      auto it = n.attributes.find(a.predicate);
      field(nodes, it == n.attributes.end() ? std::string() : attribute_text(it->second, a, ";"));
    }
    nodes += '\n';
  }

  std::string& edges = files.edges;
  edges.reserve(160 * view.edge_count() + 256);
  edges += ":START_ID,:END_ID,:TYPE,label,predicate\n";
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const query::Edge& edge = g[*e];
    field(edges, g[boost::source(*e, g)].iri, true);
    field(edges, g[boost::target(*e, g)].iri);
    field(edges, local_name(edge.predicate));
    field(edges, shown_label(edge.label, edge.predicate, options.labels));
    field(edges, edge.predicate);
    edges += '\n';
  }
  return files;
}

}  // namespace policykg::exports
