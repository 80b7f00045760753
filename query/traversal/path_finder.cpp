// shortest_path: breadth-first search on an undirected companion of the view: a compressed
// sparse row graph holding every edge in both directions, each copy remembering the view's edge
// and which way it was walked, so that each hop says which way the triple points.
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "query/traversal/internal/search_tree.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::query {

namespace {

struct Walk {
  const std::string* predicate = nullptr;
  bool forward = true;
};

using Both = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Walk>;

struct Reached {};  // thrown to stop the search once the target is reached

class HopRecorder : public boost::default_bfs_visitor {
 public:
  HopRecorder(detail::SearchTree& tree, Vertex target) : tree_(&tree), target_(target) {}
  void tree_edge(Both::edge_descriptor e, const Both& g) const {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    tree_->parent[to] = Hop{from, to, *g[e].predicate, g[e].forward};
    tree_->depth[to] = tree_->depth[from] + 1;
    if (to == target_) throw Reached{};
  }

 private:
  detail::SearchTree* tree_;
  Vertex target_;
};

}  // namespace

std::optional<Route> shortest_path(const GraphView& view, Vertex from, Vertex to,
                                   const std::set<std::string>& predicates) {
  if (from == to) return Route{};
  const Graph& g = view.graph();
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<Walk> walks;
  ends.reserve(2 * boost::num_edges(g));
  walks.reserve(2 * boost::num_edges(g));
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const auto& p = g[*e].predicate;
    if (!predicates.empty() && !predicates.count(p)) continue;
    Vertex s = boost::source(*e, g), o = boost::target(*e, g);
    if (s == o) continue;
    ends.emplace_back(s, o);
    walks.push_back(Walk{&p, true});
    ends.emplace_back(o, s);
    walks.push_back(Walk{&p, false});
  }
  // The sort inside the constructor is stable per source, so ties keep the view's edge order.
  Both both(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), walks.begin(),
            boost::num_vertices(g));
  detail::SearchTree tree(boost::num_vertices(g));
  tree.depth[from] = 0;
  try {
    boost::breadth_first_search(both, from, boost::visitor(HopRecorder(tree, to)));
  } catch (const Reached&) {
  }
  if (!tree.reached(to)) return std::nullopt;
  return tree.route_to(to);
}

}  // namespace policykg::query
