// The forms that answer with a graph: CONSTRUCT, its template filled in by each solution (a
// fresh blank node a template blank node and solution), and DESCRIBE, the concise bounded
// description of each resource: every triple whose subject is the resource and, recursively,
// those of the blank nodes they lead to.
#include <map>
#include <optional>
#include <set>
#include <string>

#include "query/sparql/internal/evaluator.hpp"

namespace policykg::query {

using namespace algebra;

std::vector<rdf::Triple> Evaluator::construct(const Query& q, const Rows& rows) {
  std::set<rdf::Triple> out;
  MemoryBudget::Held held;
  for (const auto& row : rows) {
    deadline_.check();
    std::map<std::string, rdf::Term> blanks;
    auto resolve = [&](const Node& n) -> std::optional<rdf::Term> {
      if (n.is_var()) {
        TermId id = row[static_cast<std::size_t>(n.var)];
        if (!id) return std::nullopt;
        return term(id);
      }
      if (n.template_blank) {
        auto it = blanks.find(n.term.value);
        if (it == blanks.end())
          it = blanks.emplace(n.term.value, rdf::Term::blank("c" + std::to_string(blank_counter_++))).first;
        return it->second;
      }
      return n.term;
    };
    for (const auto& t : q.construct_template) {
      auto s = resolve(t.s), p = resolve(t.p), o = resolve(t.o);
      if (!s || !p || !o || s->is_literal() || !p->is_iri()) continue;
      if (out.insert({*s, *p, *o}).second) held.charge(term_bytes(*s) + term_bytes(*p) + term_bytes(*o) + 64);
    }
  }
  return {out.begin(), out.end()};
}

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
