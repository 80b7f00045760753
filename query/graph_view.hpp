// GraphView: the graph as a Boost.Graph adjacency list for traversals and exports. Built once per
// graph from the chosen predicates; nodes are IRIs and blank nodes (literals become attributes).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
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
  /// Literal attributes: predicate IRI -> values (lexical form, datatype, lang kept).
  std::map<std::string, std::vector<rdf::Term>> attributes;
};

struct Edge {
  std::string predicate;  ///< full predicate IRI
  std::string label;      ///< readable label (rdfs:label of the predicate or its local name)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = Graph::vertex_descriptor;

struct ViewOptions {
  /// Predicates to keep as edges; empty: every predicate whose object is an IRI or blank node
  /// (except rdf:type, which becomes the node class).
  std::set<std::string> predicates;
  /// Classes to keep; empty: all.
  std::set<std::string> classes;
};

class GraphView {
 public:
  explicit GraphView(const rdf::Model& model, const ViewOptions& options = {});
  explicit GraphView(const std::vector<rdf::Triple>& triples, const ViewOptions& options = {});

  const Graph& graph() const { return graph_; }
  std::optional<Vertex> vertex(const std::string& iri) const;
  const Node& node(Vertex v) const { return graph_[v]; }
  std::size_t node_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }

 private:
  void build(const std::vector<rdf::Triple>& triples, const ViewOptions& options);
  Graph graph_;
  std::map<std::string, Vertex> index_;
};

/// The neighbourhood of `centre` within `hops` edges in either direction, as a new view.
GraphView neighbourhood(const GraphView& view, Vertex centre, std::size_t hops);

}  // namespace policykg::query
