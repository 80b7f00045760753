// SearchTree: the breadth-first tree of one traversal over a GraphView, recorded by a Boost.Graph
// visitor, and the edge filter the traversals restrict their graphs with. Internal to
// query/traversal/.
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include "query/traversal/graph_view.hpp"
#include "query/traversal/route.hpp"

namespace policykg::query::detail {

/// Keeps the edges whose predicate is in a set; works on Graph and reverse_graph<Graph>.
template <class G>
struct PredicateFilter {
  const G* g = nullptr;
  const std::set<std::string>* predicates = nullptr;
  template <class E>
  bool operator()(const E& e) const { return predicates->count((*g)[e].predicate) > 0; }
};

using Reversed = boost::reverse_graph<Graph, const Graph&>;
using Forward = boost::filtered_graph<Graph, PredicateFilter<Graph>>;
using Backward = boost::filtered_graph<Reversed, PredicateFilter<Reversed>>;

inline constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

/// For each vertex, the hop that first reached it and its distance from the sources.
struct SearchTree {
  explicit SearchTree(std::size_t n) : parent(n), depth(n, kUnreached) {}
  std::vector<std::optional<Hop>> parent;
  std::vector<std::size_t> depth;

  bool reached(Vertex v) const { return depth[v] != kUnreached; }
  /// The route from the source that reached `v` to `v`.
  Route route_to(Vertex v) const {
    Route r;
    for (auto p = parent[v]; p; p = parent[p->from]) r.hops.push_back(*p);
    std::reverse(r.hops.begin(), r.hops.end());
    return r;
  }
};

/// Records tree edges into a SearchTree; `forward` says whether the graph searched runs in the
/// direction of the view's triples (false for a reversed graph).
template <class G>
class TreeRecorder : public boost::default_bfs_visitor {
 public:
  TreeRecorder(SearchTree& tree, bool forward) : tree_(&tree), forward_(forward) {}
  template <class V>
  void discover_vertex(V v, const G&) const {
    if (tree_->depth[v] == kUnreached) tree_->depth[v] = 0;  // a source
  }
  template <class E>
  void tree_edge(E e, const G& g) const {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    tree_->parent[to] = Hop{from, to, g[e].predicate, forward_};
    tree_->depth[to] = tree_->depth[from] + 1;
  }

 private:
  SearchTree* tree_;
  bool forward_;
};

/// Breadth-first search from `sources` over the edges of `view` whose predicate is in
/// `predicates`, forwards or against the direction of the triples.
inline SearchTree search(const GraphView& view, const std::vector<Vertex>& sources,
                         const std::set<std::string>& predicates, bool forward) {
  const Graph& g = view.graph();
  SearchTree tree(boost::num_vertices(g));
  boost::two_bit_color_map<> colors(boost::num_vertices(g));
  boost::queue<Vertex> queue;
  if (forward) {
    Forward fg(g, PredicateFilter<Graph>{&g, &predicates});
    boost::breadth_first_search(fg, sources.begin(), sources.end(), queue,
                                TreeRecorder<Forward>(tree, true), colors);
  } else {
    Reversed rg(g);
    Backward bg(rg, PredicateFilter<Reversed>{&rg, &predicates});
    boost::breadth_first_search(bg, sources.begin(), sources.end(), queue,
                                TreeRecorder<Backward>(tree, false), colors);
  }
  return tree;
}

}  // namespace policykg::query::detail
