// shortest_path: breadth-first search on an undirected companion of the view whose edges remember
// the view's edge, so that each hop says which way the triple points.
#include "query/search_tree.hpp"
#include "query/traversal.hpp"

namespace policykg::query {

namespace {

using Undirected =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeId>;

class HopRecorder : public boost::default_bfs_visitor {
 public:
  HopRecorder(const Graph& g, detail::SearchTree& tree) : g_(&g), tree_(&tree) {}
  void tree_edge(Undirected::edge_descriptor e, const Undirected& u) const {
    Vertex from = boost::source(e, u), to = boost::target(e, u);
    EdgeId original = u[e];
    bool forward = boost::source(original, *g_) == from;
    tree_->parent[to] = Hop{from, to, (*g_)[original].predicate, forward};
    tree_->depth[to] = tree_->depth[from] + 1;
  }

 private:
  const Graph* g_;
  detail::SearchTree* tree_;
};

}  // namespace

std::optional<Route> shortest_path(const GraphView& view, Vertex from, Vertex to,
                                   const std::set<std::string>& predicates) {
  if (from == to) return Route{};
  const Graph& g = view.graph();
  Undirected u(boost::num_vertices(g));
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    if (!predicates.empty() && !predicates.count(g[*e].predicate)) continue;
    if (boost::source(*e, g) == boost::target(*e, g)) continue;
    boost::add_edge(boost::source(*e, g), boost::target(*e, g), *e, u);
  }
  detail::SearchTree tree(boost::num_vertices(g));
  tree.depth[from] = 0;
  boost::breadth_first_search(u, from, boost::visitor(HopRecorder(g, tree)));
  if (!tree.reached(to)) return std::nullopt;
  return tree.route_to(to);
}

}  // namespace policykg::query
