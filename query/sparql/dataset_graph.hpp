// DatasetGraph: a dataset's default graph as a Boost.Graph, over its permutations themselves (a
// mapped index file's arrays, or those built in memory) with nothing copied. A vertex is a term
// id. The out-edges of v are the triples whose subject is v (taken forward, from the SPO rows of v)
// and those whose object is v (taken backward, from its OSP rows), when the graph follows their
// predicate and their other end is no literal: the triples followed either way, as `path` takes
// them. It models IncidenceGraph and VertexListGraph, so BGL's breadth-first search and the like
// run on the index directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>

#include "query/sparql/dataset.hpp"

namespace policykg::query {

/// A triple taken from `source` to `target`: forward (source is its subject) or backward.
struct DatasetEdge {
  TermId source = 0, predicate = 0, target = 0;
  bool forward = true;
  friend bool operator==(const DatasetEdge&, const DatasetEdge&) = default;
};

class DatasetGraph {
 public:
  /// Follows `predicates` both ways; none: every predicate but rdf:type. The dataset outlives the
  /// graph.
  DatasetGraph(const Dataset& dataset, std::vector<TermId> predicates);

  /// Whether the graph takes triples of predicate `p`.
  bool follows(TermId p) const;

  /// Where the last lookup of a vertex's rows found them (for rows() and each_edge_or_literal()):
  /// a run of vertices in ascending order finds each a few keys on from the last, rather than by
  /// a binary search over every key.
  struct Lookup {
    ScanHint forward, backward;
  };

  class OutEdgeIterator : public boost::iterator_facade<OutEdgeIterator, DatasetEdge, boost::forward_traversal_tag,
                                                        DatasetEdge> {
   public:
    OutEdgeIterator() = default;
    /// The first out-edge of v.
    OutEdgeIterator(const DatasetGraph* g, TermId v);
    /// The iterator past v's last out-edge.
    OutEdgeIterator end() const;

   private:
    friend class boost::iterator_core_access;
    DatasetEdge dereference() const;
    void increment();
    bool equal(const OutEdgeIterator& other) const { return at_ == other.at_; }
    /// Moves on to the first row at or after `at_` that the graph takes.
    void skip();

    const DatasetGraph* g_ = nullptr;
    TermId v_ = 0;
    std::span<const Permutation::Pair> forward_, backward_;  ///< SPO (p, o) and OSP (s, p) rows of v
    std::size_t at_ = 0;  ///< in forward_, then backward_
  };

  std::pair<OutEdgeIterator, OutEdgeIterator> out_edges(TermId v) const;
  /// Calls fn(edge) for each out-edge of v, in out_edges() order, and besides for each triple
  /// whose object may be a literal that out_edges() leaves out (its predicate's objects are of
  /// both kinds): for a search that tests a target against what it has reached first (a literal
  /// never is) and asks literal_object() only of a new one, so that it reads no literal's bytes
  /// for an edge it would drop anyway. A predicate whose objects are all literals gives none.
  template <class Fn>
  void each_edge_or_literal(TermId v, Lookup& lookup, Fn&& fn) const {
    const auto& graph = dataset_->default_graph();
    TermId last = 0;
    bool take = false;
    for (const auto& [p, o] : graph.spo().pairs(v, &lookup.forward)) {
      if (p != last) last = p, take = follows(p) && objects_kind(p) != kObjectsLiterals;  // v's rows by predicate
      if (take) fn(DatasetEdge{v, p, o, true});
    }
    for (const auto& [s, p] : graph.osp().pairs(v, &lookup.backward))
      if (follows(p)) fn(DatasetEdge{v, p, s, false});
  }
  /// Whether v's term is a literal (from its first byte, when mapped).
  bool is_literal(TermId v) const;
  /// Whether the object o of a triple of predicate p is a literal: from p's statistics when they
  /// say what its objects are, else from o's term.
  bool literal_object(TermId p, TermId o) const;
  /// The rows out_edges(v) reads (its out-edges and the triples it skips): the cost of visiting v.
  std::size_t rows(TermId v, Lookup* lookup = nullptr) const;
  std::size_t vertex_count() const { return dataset_->dictionary().size(); }

 private:
  /// What p's objects are, by the default graph's statistics.
  ObjectsKind objects_kind(TermId p) const;

  const Dataset* dataset_;
  std::vector<TermId> predicates_;  ///< sorted; empty: all but type_
  TermId type_ = 0;
};

// The BGL concepts' free functions, found by argument-dependent lookup.
inline std::pair<DatasetGraph::OutEdgeIterator, DatasetGraph::OutEdgeIterator> out_edges(TermId v,
                                                                                           const DatasetGraph& g) {
  return g.out_edges(v);
}
inline std::size_t out_degree(TermId v, const DatasetGraph& g) {
  auto [first, last] = g.out_edges(v);
  return static_cast<std::size_t>(std::distance(first, last));
}
inline TermId source(const DatasetEdge& e, const DatasetGraph&) { return e.source; }
inline TermId target(const DatasetEdge& e, const DatasetGraph&) { return e.target; }
/// Every id (1 .. one below the dictionary's size), terms that are in no triple included.
inline std::pair<boost::counting_iterator<TermId>, boost::counting_iterator<TermId>> vertices(const DatasetGraph& g) {
  return {boost::counting_iterator<TermId>(1), boost::counting_iterator<TermId>(static_cast<TermId>(g.vertex_count()))};
}
inline std::size_t num_vertices(const DatasetGraph& g) { return g.vertex_count(); }

/// The vertices on the shortest routes between `from` and `to` (both included; none when they
/// are not connected), by a breadth-first search from both ends over the graph's out-edges: a
/// whole level at a time, the side with fewer rows to read first, until the two meet, so that a
/// vertex with many edges (a district, a sector) is read only when a route must cross it; then back
/// from where they met towards each end. Sorted.
std::vector<TermId> shortest_route_vertices(const DatasetGraph& g, TermId from, TermId to);
/// The vertices on the shortest routes between two ends, each with its distance from the first.
struct ShortestRoutes {
  std::vector<TermId> vertices;          ///< as shortest_route_vertices() gives them
  std::vector<std::uint32_t> distances;  ///< from the first end, one a vertex
};
ShortestRoutes shortest_routes(const DatasetGraph& g, TermId from, TermId to);

/// Whether edge `a` is tried before edge `b`, two out-edges of one vertex.
using EdgeOrder = std::function<bool(const DatasetEdge& a, const DatasetEdge& b)>;
/// The shortest route a breadth-first search from `from` takes when it tries each vertex's
/// out-edges in `order` (a vertex's parent is the first one to reach it): its edges from `from`
/// to `to`, none when they are one vertex, nullopt when they are not connected. The search runs
/// over shortest_route_vertices alone: every vertex a level before one of them is one of them, so
/// it takes the route a search of the whole graph takes.
std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, TermId from, TermId to,
                                                             const EdgeOrder& order);
/// The same over the shortest_routes(g, from, to) a caller has already found (to choose its order
/// by how many they are).
std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, const ShortestRoutes& routes,
                                                             TermId from, TermId to, const EdgeOrder& order);

}  // namespace policykg::query

namespace boost {

template <>
struct graph_traits<policykg::query::DatasetGraph> {
  using vertex_descriptor = policykg::query::TermId;
  using edge_descriptor = policykg::query::DatasetEdge;
  using out_edge_iterator = policykg::query::DatasetGraph::OutEdgeIterator;
  using vertex_iterator = boost::counting_iterator<policykg::query::TermId>;
  using in_edge_iterator = void;
  using adjacency_iterator = void;
  using edge_iterator = void;
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : incidence_graph_tag, vertex_list_graph_tag {};
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() { return 0; }
};

}  // namespace boost
