// GraphView: the graph as a Boost.Graph adjacency list for traversals and exports. Built once per
// graph from the chosen predicates; nodes are IRIs and blank nodes (literals become attributes).
// Vertices and edges are inserted in sorted triple order, so every traversal over a view is
// deterministic.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::query {

struct Node {
  std::string iri;    ///< IRI, or "_:label" for a blank node
  std::string label;  ///< rdfs:label (first, sorted), or the IRI's last segment
  std::string cls;    ///< most specific rdf:type, as a full IRI ("" when untyped)
  std::vector<std::string> types;  ///< every rdf:type, sorted
  /// Literal attributes: predicate IRI -> values (lexical form, datatype, lang kept), sorted.
  std::map<std::string, std::vector<rdf::Term>> attributes;
};

struct Edge {
  std::string predicate;  ///< full predicate IRI
  std::string label;      ///< readable label (rdfs:label of the predicate or its local name)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = Graph::vertex_descriptor;
using EdgeId = Graph::edge_descriptor;

struct ViewOptions {
  /// Predicates to keep as edges; empty: every predicate whose object is an IRI or blank node
  /// (except rdf:type, which becomes the node class).
  std::set<std::string> predicates;
  /// Classes to keep; empty: all. A node is kept when one of its types is listed.
  std::set<std::string> classes;
};

class GraphView {
 public:
  explicit GraphView(const rdf::Model& model, const ViewOptions& options = {});
  explicit GraphView(const std::vector<rdf::Triple>& triples, const ViewOptions& options = {});

  const Graph& graph() const { return graph_; }
  /// The vertex of an IRI ("_:label" for a blank node), if the view holds it.
  std::optional<Vertex> vertex(const std::string& iri) const;
  const Node& node(Vertex v) const { return graph_[v]; }
  std::size_t node_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }
  /// The values of a literal attribute of `v` (empty when it has none).
  const std::vector<rdf::Term>& attribute(Vertex v, std::string_view predicate) const;
  /// Whether `v` has `type` among its rdf:types.
  bool has_type(Vertex v, std::string_view type) const;
  /// The readable label of an edge predicate (as in Edge::label; its local name when unused).
  std::string predicate_label(const std::string& predicate) const;

 private:
  GraphView() = default;
  void build(const std::vector<rdf::Triple>& triples, const ViewOptions& options);
  Vertex add_vertex(Node node);
  friend GraphView subgraph(const GraphView& view, const std::set<Vertex>& keep);

  Graph graph_;
  std::unordered_map<std::string, Vertex> index_;
  std::map<std::string, std::string> predicate_labels_;
};

/// The view restricted to `keep` and the edges between them, as a new view (vertex numbers change;
/// look vertices up again by IRI).
GraphView subgraph(const GraphView& view, const std::set<Vertex>& keep);

/// The neighbourhood of `centre` within `hops` edges in either direction, as a new view.
GraphView neighbourhood(const GraphView& view, Vertex centre, std::size_t hops);

}  // namespace policykg::query
