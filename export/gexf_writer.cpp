// GEXF 1.2draft or 1.3 (Gephi): declared node and edge attributes, IRIs as node ids, class
// colours as viz:color. Dates and durations are strings here (the readers' GEXF types have no
// dates). The two versions differ here only in their namespaces and version: every attribute type
// used (boolean, integer, long, double, string) and every element is in both schemas.
#include <string>

#include "export/attribute_schema.hpp"
#include "export/class_style.hpp"
#include "export/export.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::exports {

namespace {

std::string gexf_type(const Attribute& a) {
  if (a.multi) return "string";
  switch (a.type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Int: return "integer";
    case ValueType::Long: return "long";
    case ValueType::Double: return "double";
    default: return "string";
  }
}

void attribute(std::string& out, std::string_view id, std::string_view title, std::string_view type) {
  out += "      <attribute id=\"";
  out += id;
  out += "\" title=\"";
  rdf::append_xml_escaped(out, title);
  out += "\" type=\"";
  out += type;
  out += "\"/>\n";
}

void attvalue(std::string& out, std::string_view id, std::string_view value) {
  out += "          <attvalue for=\"";
  out += id;
  out += "\" value=\"";
  rdf::append_xml_escaped(out, value);
  out += "\"/>\n";
}

}  // namespace

std::optional<GexfVersion> gexf_version_from_name(std::string_view name) {
  if (name == "1.2draft" || name == "1.2") return GexfVersion::V1_2draft;
  if (name == "1.3") return GexfVersion::V1_3;
  return std::nullopt;
}

std::string to_gexf(const query::GraphView& view, const Options& options) {
  const auto& g = view.graph();
  const AttributeSchema schema = attribute_schema(view);
  std::string out;
  out.reserve(256 * (view.node_count() + view.edge_count()) + 4096);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (options.gexf_version == GexfVersion::V1_3)
    out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";
  else
    out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
           "version=\"1.2\">\n";
  out += "  <meta>\n    <creator>policykg</creator>\n    <description>";
  rdf::append_xml_escaped(out, options.title);
  out += "</description>\n  </meta>\n";
  out += "  <graph defaultedgetype=\"directed\" mode=\"static\" idtype=\"string\">\n";
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  attribute(out, "class", "class", "string");
  attribute(out, "classLabel", "classLabel", "string");
  attribute(out, "types", "types", "string");
  for (std::size_t i = 0; i < schema.attributes.size(); ++i)
    attribute(out, "a" + std::to_string(i), schema.attributes[i].name, gexf_type(schema.attributes[i]));
  out += "    </attributes>\n";
  out += "    <attributes class=\"edge\" mode=\"static\">\n";
  attribute(out, "predicate", "predicate", "string");
  out += "    </attributes>\n";

  out += "    <nodes>\n";
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const query::Node& n = g[*v];
    out += "      <node id=\"";
    rdf::append_xml_escaped(out, n.iri);
    out += "\" label=\"";
    rdf::append_xml_escaped(out, shown_label(n.label, n.iri, options.labels));
    out += "\">\n        <attvalues>\n";
    attvalue(out, "class", n.cls);
    attvalue(out, "classLabel", class_label(n.cls));
    std::string types;
    for (const auto& t : n.types) types += (types.empty() ? "" : " ") + t;
    attvalue(out, "types", types);
    for (const auto& [predicate, values] : n.attributes) {
      auto it = schema.by_predicate.find(predicate);
      if (it == schema.by_predicate.end() || values.empty()) continue;
      attvalue(out, "a" + std::to_string(it->second), attribute_text(values, schema.attributes[it->second]));
    }
    out += "        </attvalues>\n";
    Rgb c = rgb(class_style(n.cls).color);
    out += "        <viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) +
           "\" b=\"" + std::to_string(c.b) + "\"/>\n";
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  std::size_t k = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e, ++k) {
    const query::Edge& edge = g[*e];
    out += "      <edge id=\"e" + std::to_string(k) + "\" source=\"";
    rdf::append_xml_escaped(out, g[boost::source(*e, g)].iri);
    out += "\" target=\"";
    rdf::append_xml_escaped(out, g[boost::target(*e, g)].iri);
    out += "\" label=\"";
    rdf::append_xml_escaped(out, shown_label(edge.label, edge.predicate, options.labels));
    out += "\">\n        <attvalues>\n";
    attvalue(out, "predicate", edge.predicate);
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace policykg::exports
