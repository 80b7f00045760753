// Route: the chain of edges that justifies a traversal's answer, in the order it was travelled,
// and its readable and JSON forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/traversal/graph_view.hpp"
#include "query/prefixes.hpp"

namespace policykg::query {

/// One edge as travelled: from `from` to `to`. `forward` is true when the graph's triple is
/// (from predicate to), false when it is (to predicate from), i.e. the edge was walked backwards.
struct Hop {
  Vertex from{};
  Vertex to{};
  std::string predicate;
  bool forward = true;
  friend bool operator==(const Hop&, const Hop&) = default;
};

struct Route {
  std::vector<Hop> hops;
  bool empty() const { return hops.empty(); }
  std::size_t size() const { return hops.size(); }
  friend bool operator==(const Route&, const Route&) = default;
};

/// "id:a --dcterms:isPartOf--> id:b <--pol:approves-- id:c"; an empty route gives "".
std::string route_text(const GraphView& view, const Route& route, std::string_view base);

/// [{"from": IRI, "predicate": IRI, "label": edge label, "to": IRI,
///   "direction": "forward"|"backward"}, ...]
nlohmann::json route_json(const GraphView& view, const Route& route);

/// A unit's citation key (its dcterms:identifier, "T9.5.2"), or "" when it has none.
std::string key_of(const GraphView& view, Vertex v);

/// {"iri": ..., "label": ..., "class": ...} for one vertex.
nlohmann::json node_json(const GraphView& view, Vertex v);

}  // namespace policykg::query
