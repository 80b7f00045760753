// DESCRIBE as the concise bounded description of each resource: every triple whose subject is
// the resource, and, recursively, those of the blank nodes they lead to.
#include <set>

#include "query/evaluator.hpp"

namespace policykg::query {

std::vector<rdf::Triple> Evaluator::describe(const std::vector<TermId>& resources) {
  std::set<IdTriple> found;
  std::set<TermId> visited;
  std::vector<TermId> stack(resources.begin(), resources.end());
  const IndexedGraph& g = *active_.graph;
  const auto& dict = dataset_.dictionary();
  while (!stack.empty()) {
    TermId r = stack.back();
    stack.pop_back();
    if (!visited.insert(r).second || r >= dict.size()) continue;
    g.scan(r, 0, 0, [&](TermId s, TermId p, TermId o) {
      deadline_.check();
      found.insert({s, p, o});
      if (term(o).is_blank()) stack.push_back(o);
      return true;
    });
  }
  std::vector<rdf::Triple> out;
  out.reserve(found.size());
  for (const auto& t : found) out.push_back({term(t[0]), term(t[1]), term(t[2])});
  return out;
}

}  // namespace policykg::query
