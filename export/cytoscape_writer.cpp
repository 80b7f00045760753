// Cytoscape.js JSON (also read by Cytoscape desktop): elements.nodes / elements.edges with
// data.id (the IRI), source, target and label. Literal attributes are typed JSON values (numbers,
// booleans; arrays when several); the graph's own "data" maps each attribute name to its
// predicate IRI, datatype and type, and lists the classes with their colours.
#include <cstdlib>
#include <map>
#include <string>

#include "export/attribute_schema.hpp"
#include "export/class_style.hpp"
#include "export/export.hpp"

namespace policykg::exports {

namespace {

using Json = nlohmann::ordered_json;

std::string_view type_name(ValueType t) {
  switch (t) {
    case ValueType::Boolean: return "boolean";
    case ValueType::Int: return "int";
    case ValueType::Long: return "long";
    case ValueType::Double: return "double";
    case ValueType::Date: return "date";
    case ValueType::DateTime: return "datetime";
    case ValueType::Duration: return "duration";
    case ValueType::String: return "string";
  }
  return "string";
}

Json value(const rdf::Term& t, ValueType type) {
  switch (type) {
    case ValueType::Boolean: return t.value == "true" || t.value == "1";
    case ValueType::Int:
    case ValueType::Long: return std::strtoll(t.value.c_str(), nullptr, 10);
    case ValueType::Double: {
      double d = std::strtod(t.value.c_str(), nullptr);
      if (t.value.find_first_of("IN") != std::string::npos) return t.value;  // INF, NaN: no JSON number
      return d;
    }
    default: return t.value;
  }
}

}  // namespace

Json to_cytoscape_json(const query::GraphView& view, const Options& options) {
  const auto& g = view.graph();
  const AttributeSchema schema = attribute_schema(view);
  Json doc;
  Json& data = doc["data"];
  data["name"] = options.title;
  Json& attrs = data["attributes"] = Json::object();
  for (const auto& a : schema.attributes) {
    Json& j = attrs[a.name];
    j["predicate"] = a.predicate;
    j["datatype"] = a.datatype;
    j["type"] = type_name(a.type);
    j["multi"] = a.multi;
  }
  std::map<std::string, std::string> classes;  // class IRI -> readable name
  Json nodes = Json::array();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const query::Node& n = g[*v];
    classes.emplace(n.cls, class_label(n.cls));
    // Filled where it stays: an ordered_json moved into an initializer list is copied.
    nodes.push_back(Json::object());
    Json& d = nodes.back()["data"];
    d["id"] = n.iri;
    d["label"] = shown_label(n.label, n.iri, options.labels);
    d["class"] = n.cls;
    d["classLabel"] = class_label(n.cls);
    d["color"] = class_style(n.cls).color;
    d["types"] = n.types;
    for (const auto& [predicate, values] : n.attributes) {
      auto it = schema.by_predicate.find(predicate);
      if (it == schema.by_predicate.end() || values.empty()) continue;
      const Attribute& a = schema.attributes[it->second];
      if (a.multi) {
        Json list = Json::array();
        for (const auto& t : values) list.push_back(value(t, a.type));
        d[a.name] = std::move(list);
      } else {
        d[a.name] = value(values.front(), a.type);
      }
    }
  }
  Json& legend = data["classes"] = Json::array();
  for (const auto& [cls, name] : classes)
    legend.push_back(Json{{"class", cls}, {"label", name}, {"color", class_style(cls).color}});

  Json edges = Json::array();
  std::size_t k = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e, ++k) {
    const query::Edge& edge = g[*e];
    edges.push_back(Json::object());
    Json& d = edges.back()["data"];
    d["id"] = "e" + std::to_string(k);
    d["source"] = g[boost::source(*e, g)].iri;
    d["target"] = g[boost::target(*e, g)].iri;
    d["label"] = shown_label(edge.label, edge.predicate, options.labels);
    d["predicate"] = edge.predicate;
  }
  doc["elements"]["nodes"] = std::move(nodes);
  doc["elements"]["edges"] = std::move(edges);
  return doc;
}

std::string to_cytoscape(const query::GraphView& view, const Options& options) {
  return to_cytoscape_json(view, options).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace policykg::exports
