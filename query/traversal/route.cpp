#include "query/traversal/route.hpp"

#include "ontology/terms.hpp"

namespace policykg::query {

std::string route_text(const GraphView& view, const Route& route, std::string_view base) {
  std::string out;
  for (const auto& hop : route.hops) {
    if (out.empty()) out = compact_iri(view.node(hop.from).iri, base);
    std::string p = compact_iri(hop.predicate, base);
    out += hop.forward ? " --" + p + "--> " : " <--" + p + "-- ";
    out += compact_iri(view.node(hop.to).iri, base);
  }
  return out;
}

nlohmann::json route_json(const GraphView& view, const Route& route) {
  auto hops = nlohmann::json::array();
  for (const auto& hop : route.hops)
    hops.push_back({{"from", view.node(hop.from).iri},
                    {"predicate", hop.predicate},
                    {"label", view.predicate_label(hop.predicate)},
                    {"to", view.node(hop.to).iri},
                    {"direction", hop.forward ? "forward" : "backward"}});
  return hops;
}

std::string key_of(const GraphView& view, Vertex v) {
  const auto& keys = view.attribute(v, std_terms::dcterms_identifier);
  return keys.empty() ? std::string() : keys.front().value;
}

nlohmann::json node_json(const GraphView& view, Vertex v) {
  const Node& n = view.node(v);
  return {{"iri", n.iri}, {"label", n.label}, {"class", n.cls}};
}

}  // namespace policykg::query
