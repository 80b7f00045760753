// The RDF behind a view (for the JSON-LD export of a neighbourhood or a filtered graph).
#include <algorithm>
#include <set>
#include <tuple>

#include "export/export.hpp"
#include "ontology/terms.hpp"

namespace policykg::exports {

std::vector<rdf::Triple> view_triples(const std::vector<rdf::Triple>& triples, const query::GraphView& view) {
  const auto& g = view.graph();
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> edges;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    edges.emplace(g[boost::source(*e, g)].iri, g[*e].predicate, g[boost::target(*e, g)].iri);
  auto key = [](const rdf::Term& t) { return t.is_blank() ? "_:" + t.value : t.value; };
  std::vector<rdf::Triple> out;
  for (const auto& t : triples) {
    std::string s = key(t.s);
    if (!view.vertex(s)) continue;
    if (t.o.is_literal() || t.p.value == std_terms::rdf_type) {
      out.push_back(t);
      continue;
    }
    std::string o = key(t.o);
    if (edges.count({s, t.p.value, o})) out.push_back(t);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace policykg::exports
