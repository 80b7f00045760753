// duties: the units whose pol:responsibleParty is the agency, or (with sub-organisations) any
// agency found breadth-first down org:subOrganizationOf; with `inherited`, every unit whose
// answer to `responsible` names one of them.
#include "ontology/terms.hpp"
#include "query/traversal/internal/search_tree.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::query {

std::vector<Duty> duties(const GraphView& view, Vertex agency, bool include_sub, bool inherited) {
  const Graph& g = view.graph();
  // Sub-organisations point up to their parent, so they are found against the edges.
  detail::SearchTree tree(boost::num_vertices(g));
  if (include_sub)
    tree = detail::search(view, {agency}, {std::string(std_terms::org_subOrganizationOf)}, false);
  else
    tree.depth[agency] = 0;
  // From a party up to the agency asked about (route_to runs from the agency down).
  auto party_to_agency = [&](Vertex party) {
    Route up = tree.route_to(party), out;
    for (auto it = up.hops.rbegin(); it != up.hops.rend(); ++it)
      out.hops.push_back(Hop{it->to, it->from, it->predicate, !it->forward});
    return out;
  };

  std::vector<Duty> out;
  // Stated: the parties' pol:responsibleParty edges (on units, and on documents, which are not
  // units and inherit nothing).
  for (Vertex party = 0; party < boost::num_vertices(g); ++party) {
    if (!tree.reached(party)) continue;
    const Route tail = party_to_agency(party);
    for (auto [e, end] = boost::in_edges(party, g); e != end; ++e) {
      if (g[*e].predicate != pol::responsibleParty) continue;
      const Vertex unit = boost::source(*e, g);
      if (inherited && is_unit(view, unit)) continue;  // answered below, as responsible() answers it
      Duty d{unit, party, {}, "stated", unit};
      d.route.hops.push_back(Hop{unit, party, g[*e].predicate, true});
      d.route.hops.insert(d.route.hops.end(), tail.hops.begin(), tail.hops.end());
      out.push_back(std::move(d));
    }
  }
  if (inherited) {
    for (const auto& [unit, answers] : responsible_all(view))
      for (const auto& a : answers) {
        if (!tree.reached(a.party)) continue;
        Duty d{unit, a.party, a.route, a.how, stated_on(a.route, unit)};
        auto tail = party_to_agency(a.party);
        d.route.hops.insert(d.route.hops.end(), tail.hops.begin(), tail.hops.end());
        out.push_back(std::move(d));
      }
  }
  std::stable_sort(out.begin(), out.end(), [&](const Duty& a, const Duty& b) {
    if (tree.depth[a.party] != tree.depth[b.party]) return tree.depth[a.party] < tree.depth[b.party];
    if (a.party != b.party) return natural_less(view.node(a.party).iri, view.node(b.party).iri);
    return natural_less(view.node(a.unit).iri, view.node(b.unit).iri);
  });
  return out;
}

}  // namespace policykg::query
