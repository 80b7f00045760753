// duties: the units whose pol:responsibleParty is the agency, or (with sub-organisations) any
// agency found breadth-first down org:subOrganizationOf.
#include "ontology/terms.hpp"
#include "query/search_tree.hpp"
#include "query/traversal.hpp"

namespace policykg::query {

std::vector<Duty> duties(const GraphView& view, Vertex agency, bool include_sub) {
  const Graph& g = view.graph();
  // Sub-organisations point up to their parent, so they are found against the edges.
  detail::SearchTree tree(boost::num_vertices(g));
  if (include_sub)
    tree = detail::search(view, {agency}, {std::string(std_terms::org_subOrganizationOf)}, false);
  else
    tree.depth[agency] = 0;

  std::vector<Duty> out;
  for (Vertex party = 0; party < boost::num_vertices(g); ++party) {
    if (!tree.reached(party)) continue;
    Route up = tree.route_to(party);
    // route_to runs from the agency down to the party; the answer's route runs from the unit up.
    Route party_to_agency;
    for (auto it = up.hops.rbegin(); it != up.hops.rend(); ++it)
      party_to_agency.hops.push_back(Hop{it->to, it->from, it->predicate, !it->forward});
    for (auto [e, end] = boost::in_edges(party, g); e != end; ++e) {
      if (g[*e].predicate != pol::responsibleParty) continue;
      Duty d{boost::source(*e, g), party, {}};
      d.route.hops.push_back(Hop{d.unit, party, g[*e].predicate, true});
      d.route.hops.insert(d.route.hops.end(), party_to_agency.hops.begin(),
                          party_to_agency.hops.end());
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
