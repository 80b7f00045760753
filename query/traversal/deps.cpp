// deps: breadth-first along pol:dependsOn (or against it) for the dependencies and their depth;
// depth-first for the cycles (each back edge closes one).
#include <boost/graph/depth_first_search.hpp>

#include "ontology/terms.hpp"
#include "query/traversal/internal/search_tree.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::query {

namespace {

// Records the depth-first tree and, for each back edge, the cycle it closes, as vertices in the
// order the searched graph's edges run.
template <class G>
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::vector<std::vector<Vertex>>& cycles)
      : parent_(&parent), cycles_(&cycles) {}
  template <class E>
  void tree_edge(E e, const G& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }
  template <class E>
  void back_edge(E e, const G& g) const {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    std::vector<Vertex> cycle{from};
    for (Vertex v = from; v != to;) {
      v = (*parent_)[v];
      cycle.push_back(v);
    }
    std::reverse(cycle.begin(), cycle.end());  // to ... from, then the back edge from -> to
    cycles_->push_back(std::move(cycle));
  }

 private:
  std::vector<Vertex>* parent_;
  std::vector<std::vector<Vertex>>* cycles_;
};

template <class G>
std::vector<std::vector<Vertex>> find_cycles(const G& g, Vertex start) {
  std::vector<Vertex> parent(boost::num_vertices(g));
  std::vector<std::vector<Vertex>> cycles;
  boost::two_bit_color_map<> colors(boost::num_vertices(g));
  boost::depth_first_visit(g, start, CycleRecorder<G>(parent, cycles), colors);
  return cycles;
}

}  // namespace

DependencyReport deps(const GraphView& view, Vertex unit, const DepsOptions& options) {
  const Graph& g = view.graph();
  const std::set<std::string> depends_on{std::string(pol::dependsOn)};
  auto tree = detail::search(view, {unit}, depends_on, !options.reverse);

  DependencyReport report;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (v == unit || !tree.reached(v)) continue;
    if (options.depth != 0 && tree.depth[v] > options.depth) continue;
    report.dependencies.push_back(Dependency{v, tree.depth[v], tree.route_to(v)});
  }
  std::stable_sort(report.dependencies.begin(), report.dependencies.end(),
                   [&](const Dependency& a, const Dependency& b) {
                     if (a.depth != b.depth) return a.depth < b.depth;
                     return natural_less(view.node(a.unit).iri, view.node(b.unit).iri);
                   });

  std::vector<std::vector<Vertex>> cycles;
  if (options.reverse) {
    detail::Reversed rg(g);
    detail::Backward bg(rg, detail::PredicateFilter<detail::Reversed>{&rg, &depends_on});
    cycles = find_cycles(bg, unit);
    for (auto& c : cycles) std::reverse(c.begin(), c.end());  // back to the dependsOn direction
  } else {
    detail::Forward fg(g, detail::PredicateFilter<Graph>{&g, &depends_on});
    cycles = find_cycles(fg, unit);
  }
  std::set<std::vector<Vertex>> seen;
  for (auto& c : cycles) {
    auto smallest = std::min_element(c.begin(), c.end(), [&](Vertex a, Vertex b) {
      return natural_less(view.node(a).iri, view.node(b).iri);
    });
    std::rotate(c.begin(), smallest, c.end());
    if (!seen.insert(c).second) continue;
    Route r;
    for (std::size_t i = 0; i < c.size(); ++i)
      r.hops.push_back(Hop{c[i], c[(i + 1) % c.size()], std::string(pol::dependsOn), true});
    report.cycles.push_back(std::move(r));
  }
  std::sort(report.cycles.begin(), report.cycles.end(), [&](const Route& a, const Route& b) {
    if (a.hops.front().from != b.hops.front().from)
      return natural_less(view.node(a.hops.front().from).iri, view.node(b.hops.front().from).iri);
    return a.size() < b.size();
  });
  return report;
}

}  // namespace policykg::query
