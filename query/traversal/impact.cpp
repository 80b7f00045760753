// impact: the document and its parts (breadth-first down dcterms:isPartOf), the units and
// documents tied to them directly, then breadth-first against pol:dependsOn from all of those.
#include <map>

#include "ontology/terms.hpp"
#include "query/traversal/internal/search_tree.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::query {

namespace {

// What an edge into a part of the document says about its subject.
const std::map<std::string, std::string, std::less<>>& incoming_kinds() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {std::string(pol::dependsOn), "depends on"},
      {std::string(pol::references), "references"},
      {std::string(pol::keepsInForce), "keeps in force"},
      {std::string(pol::prevailsOver), "prevails over it"},
  };
  return m;
}

}  // namespace

std::vector<Impact> impact(const GraphView& view, Vertex document) {
  const Graph& g = view.graph();
  const std::size_t n = boost::num_vertices(g);
  auto parts = detail::search(view, {document}, {std::string(std_terms::dcterms_isPartOf)}, false);

  // Direct effects, one per (unit, kind), through the nearest part.
  std::map<std::pair<Vertex, std::string>, Impact> direct;
  auto add = [&](Vertex unit, std::string how, Route route) {
    if (parts.reached(unit)) return;  // the document's own parts are not effects of it
    auto key = std::make_pair(unit, how);
    auto it = direct.find(key);
    if (it == direct.end() || route.size() < it->second.route.size())
      direct[key] = Impact{unit, std::move(how), std::move(route)};
  };
  for (Vertex p = 0; p < n; ++p) {
    if (!parts.reached(p)) continue;
    Route to_p = parts.route_to(p);
    for (auto [e, end] = boost::in_edges(p, g); e != end; ++e) {
      auto kind = incoming_kinds().find(g[*e].predicate);
      if (kind == incoming_kinds().end()) continue;
      Route r = to_p;
      r.hops.push_back(Hop{p, boost::source(*e, g), g[*e].predicate, false});
      add(boost::source(*e, g), kind->second, std::move(r));
    }
    for (auto [e, end] = boost::out_edges(p, g); e != end; ++e) {
      if (g[*e].predicate != pol::prevailsOver) continue;
      Route r = to_p;
      r.hops.push_back(Hop{p, boost::target(*e, g), g[*e].predicate, true});
      add(boost::target(*e, g), "overridden", std::move(r));
    }
  }

  std::vector<Impact> out;
  for (auto& [key, i] : direct) out.push_back(std::move(i));
  std::stable_sort(out.begin(), out.end(), [&](const Impact& a, const Impact& b) {
    if (a.unit != b.unit) return natural_less(view.node(a.unit).iri, view.node(b.unit).iri);
    return a.how < b.how;
  });

  // Transitive effects: whatever depends on an affected unit, breadth-first from all of them.
  std::map<Vertex, const Impact*> first_route;
  std::vector<Vertex> sources;
  for (const auto& i : out)
    if (first_route.emplace(i.unit, &i).second) sources.push_back(i.unit);
  auto dependants = detail::search(view, sources, {std::string(pol::dependsOn)}, false);
  std::vector<Impact> transitive;
  for (Vertex v = 0; v < n; ++v) {
    if (!dependants.reached(v) || first_route.count(v) || parts.reached(v)) continue;
    Route tail = dependants.route_to(v);
    Impact i{v, "depends on an affected unit", first_route.at(tail.hops.front().from)->route};
    i.route.hops.insert(i.route.hops.end(), tail.hops.begin(), tail.hops.end());
    transitive.push_back(std::move(i));
  }
  std::stable_sort(transitive.begin(), transitive.end(), [&](const Impact& a, const Impact& b) {
    if (dependants.depth[a.unit] != dependants.depth[b.unit])
      return dependants.depth[a.unit] < dependants.depth[b.unit];
    return natural_less(view.node(a.unit).iri, view.node(b.unit).iri);
  });
  out.insert(out.end(), transitive.begin(), transitive.end());
  return out;
}

}  // namespace policykg::query
