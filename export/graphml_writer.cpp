// GraphML with declared, typed keys and yEd's yfiles extension (y:ShapeNode / y:PolyLineEdge),
// so that yEd shows labels and class colours. Nodes are "n<k>" and edges "e<k>" (GraphML ids are
// NMTOKENs, which IRIs are not); the IRI is the node's "iri" data.
#include <string>

#include "export/attribute_schema.hpp"
#include "export/class_style.hpp"
#include "export/export.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::exports {

namespace {

std::string graphml_type(const Attribute& a) {
  if (a.multi) return "string";
  switch (a.type) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Int: return "int";
    case ValueType::Long: return "long";
    case ValueType::Double: return "double";
    default: return "string";
  }
}

void data(std::string& out, std::string_view indent, std::string_view key, std::string_view value) {
  out += indent;
  out += "<data key=\"";
  out += key;
  out += "\">";
  rdf::append_xml_escaped(out, value);
  out += "</data>\n";
}

void key(std::string& out, std::string_view id, std::string_view for_, std::string_view name,
         std::string_view type, std::string_view desc = {}) {
  out += "  <key id=\"";
  out += id;
  out += "\" for=\"";
  out += for_;
  out += "\" attr.name=\"";
  rdf::append_xml_escaped(out, name);
  out += "\" attr.type=\"";
  out += type;
  out += "\"";
  if (desc.empty()) {
    out += "/>\n";
  } else {
    out += "><desc>";
    rdf::append_xml_escaped(out, desc);
    out += "</desc></key>\n";
  }
}

}  // namespace

std::string to_graphml(const query::GraphView& view, const Options& options) {
  const auto& g = view.graph();
  const AttributeSchema schema = attribute_schema(view);
  std::string out;
  out.reserve(256 * (view.node_count() + view.edge_count()) + 4096);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n";
  key(out, "iri", "node", "iri", "string", "the resource's IRI (_:label for a blank node)");
  key(out, "label", "node", "label", "string", "rdfs:label, or the IRI's last segment");
  key(out, "class", "node", "class", "string", "the most specific rdf:type (IRI)");
  key(out, "classLabel", "node", "classLabel", "string");
  key(out, "types", "node", "types", "string", "every rdf:type, space-separated");
  for (std::size_t i = 0; i < schema.attributes.size(); ++i) {
    const auto& a = schema.attributes[i];
    std::string desc = a.predicate;
    if (!a.datatype.empty()) desc += " ^^" + a.datatype;
    key(out, "a" + std::to_string(i), "node", a.name, graphml_type(a), desc);
  }
  key(out, "edgeLabel", "edge", "label", "string", "the predicate's readable label");
  key(out, "predicate", "edge", "predicate", "string", "the predicate's IRI");
  out += "  <key id=\"ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";
  out += "  <key id=\"eg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
  out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
  if (!options.title.empty()) {
    out += "    <desc>";
    rdf::append_xml_escaped(out, options.title);
    out += "</desc>\n";
  }

  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const query::Node& n = g[*v];
    out += "    <node id=\"n" + std::to_string(*v) + "\">\n";
    data(out, "      ", "iri", n.iri);
    data(out, "      ", "label", shown_label(n.label, n.iri, options.labels));
    data(out, "      ", "class", n.cls);
    data(out, "      ", "classLabel", class_label(n.cls));
    std::string types;
    for (const auto& t : n.types) types += (types.empty() ? "" : " ") + t;
    data(out, "      ", "types", types);
    for (const auto& [predicate, values] : n.attributes) {
      auto it = schema.by_predicate.find(predicate);
      if (it == schema.by_predicate.end() || values.empty()) continue;
      data(out, "      ", "a" + std::to_string(it->second),
           attribute_text(values, schema.attributes[it->second]));
    }
    ClassStyle style = class_style(n.cls);
    out += "      <data key=\"ng\"><y:ShapeNode><y:Fill color=\"" + style.color +
           "\" transparent=\"false\"/><y:NodeLabel>";
    rdf::append_xml_escaped(out, shown_label(n.label, n.iri, options.labels));
    out += "</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n";
    out += "    </node>\n";
  }

  std::size_t k = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e, ++k) {
    const query::Edge& edge = g[*e];
    out += "    <edge id=\"e" + std::to_string(k) + "\" source=\"n" +
           std::to_string(boost::source(*e, g)) + "\" target=\"n" +
           std::to_string(boost::target(*e, g)) + "\">\n";
    data(out, "      ", "edgeLabel", shown_label(edge.label, edge.predicate, options.labels));
    data(out, "      ", "predicate", edge.predicate);
    out += "      <data key=\"eg\"><y:PolyLineEdge><y:Arrows source=\"none\" target=\"standard\"/>"
           "<y:EdgeLabel>";
    rdf::append_xml_escaped(out, shown_label(edge.label, edge.predicate, options.labels));
    out += "</y:EdgeLabel></y:PolyLineEdge></data>\n";
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace policykg::exports
