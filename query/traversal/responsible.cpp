// responsible: stated on the unit, else inherited from the nearest unit or document above it
// (breadth-first up dcterms:isPartOf), else from the reply that approves the document at the top.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "ontology/terms.hpp"
#include "query/traversal/internal/search_tree.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::query {

namespace {

// The parties of `v` by `predicate` (out-edges), each with the route extended by that edge.
void collect(const GraphView& view, Vertex v, std::string_view predicate, const Route& to_v,
             const std::string& how, std::vector<Responsibility>& out) {
  const Graph& g = view.graph();
  for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
    if (g[*e].predicate != predicate) continue;
    Responsibility r{boost::target(*e, g), how, to_v};
    r.route.hops.push_back(Hop{v, r.party, g[*e].predicate, true});
    out.push_back(std::move(r));
  }
}

// Sorted by party IRI, then route length; one answer per party.
void sort_level(const GraphView& view, std::vector<Responsibility>& level) {
  std::stable_sort(level.begin(), level.end(), [&](const auto& a, const auto& b) {
    const auto& ia = view.node(a.party).iri;
    const auto& ib = view.node(b.party).iri;
    return ia != ib ? natural_less(ia, ib) : a.route.size() < b.route.size();
  });
  level.erase(std::unique(level.begin(), level.end(),
                          [](const auto& a, const auto& b) { return a.party == b.party; }),
              level.end());
}

}  // namespace

std::vector<Responsibility> responsible(const GraphView& view, Vertex unit, bool all_levels) {
  const Graph& g = view.graph();
  const std::string is_part_of(std_terms::dcterms_isPartOf);
  auto tree = detail::search(view, {unit}, {is_part_of}, true);

  // The units above `unit`, level by level (vertex numbers follow IRI order).
  std::map<std::size_t, std::vector<Vertex>> levels;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v)
    if (tree.reached(v)) levels[tree.depth[v]].push_back(v);

  std::vector<Responsibility> answers;
  std::vector<Vertex> tops;
  for (const auto& [depth, vertices] : levels) {
    std::vector<Responsibility> level;
    for (Vertex v : vertices) {
      collect(view, v, pol::responsibleParty, tree.route_to(v), depth == 0 ? "stated" : "inherited",
              level);
      bool has_parent = false;
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
        has_parent = has_parent || g[*e].predicate == is_part_of;
      if (!has_parent) tops.push_back(v);
    }
    sort_level(view, level);
    answers.insert(answers.end(), level.begin(), level.end());
    if (!answers.empty() && !all_levels) return answers;
  }

  // The top of the tree is a document: the reply approving (or annexing) it answers for it,
  // through its own responsible party or else the agencies it is addressed to.
  std::vector<Responsibility> approval;
  for (Vertex top : tops) {
    for (auto [e, end] = boost::in_edges(top, g); e != end; ++e) {
      const auto& p = g[*e].predicate;
      if (p != pol::approves && p != pol::hasAnnex) continue;
      Vertex reply = boost::source(*e, g);
      Route to_reply = tree.route_to(top);
      to_reply.hops.push_back(Hop{top, reply, p, false});
      std::vector<Responsibility> found;
      collect(view, reply, pol::responsibleParty, to_reply, "approval", found);
      if (found.empty()) collect(view, reply, pol::addressedTo, to_reply, "approval", found);
      approval.insert(approval.end(), found.begin(), found.end());
    }
  }
  sort_level(view, approval);
  answers.insert(answers.end(), approval.begin(), approval.end());
  return answers;
}

std::span<const std::string_view> unit_classes() {
  static constexpr std::string_view classes[] = {pol::Measure, pol::Initiative, pol::Task,
                                                 pol::Section, pol::Provision, pol::Statement};
  return classes;
}

bool is_unit(const GraphView& view, Vertex v) {
  for (auto cls : unit_classes())
    if (view.has_type(v, cls)) return true;
  return false;
}

std::vector<std::pair<Vertex, std::vector<Responsibility>>> responsible_all(const GraphView& view) {
  const Graph& g = view.graph();
  const std::string is_part_of(std_terms::dcterms_isPartOf);
  std::vector<std::optional<std::vector<Responsibility>>> memo(boost::num_vertices(g));
  auto parents = [&](Vertex v) {
    std::vector<Vertex> out;
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      if (g[*e].predicate == is_part_of) out.push_back(boost::target(*e, g));
    return out;
  };
  // Up the chain of single parents until a unit that states its parties or whose answer is known;
  // a unit with several parents, or none, or on a cycle is answered by the general search. Then
  // back down: each unit inherits its parent's answers, one hop longer.
  auto answer = [&](Vertex unit) {
    std::vector<std::pair<Vertex, Vertex>> chain;  // (unit, its parent), bottom up
    std::set<Vertex> on_chain;
    Vertex v = unit;
    while (!memo[v]) {
      std::vector<Responsibility> stated;
      collect(view, v, pol::responsibleParty, {}, "stated", stated);
      if (!stated.empty()) {
        sort_level(view, stated);
        memo[v] = std::move(stated);
        break;
      }
      auto up = parents(v);
      if (up.size() != 1 || !on_chain.insert(v).second || on_chain.count(up.front())) {
        memo[v] = responsible(view, v);
        break;
      }
      chain.emplace_back(v, up.front());
      v = up.front();
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      std::vector<Responsibility> inherited = *memo[it->second];
      for (auto& r : inherited) {
        if (r.how == "stated") r.how = "inherited";
        r.route.hops.insert(r.route.hops.begin(), Hop{it->first, it->second, is_part_of, true});
      }
      memo[it->first] = std::move(inherited);
    }
  };
  std::vector<std::pair<Vertex, std::vector<Responsibility>>> out;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!is_unit(view, v)) continue;
    answer(v);
    out.emplace_back(v, *memo[v]);
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return natural_less(view.node(a.first).iri, view.node(b.first).iri);
  });
  return out;
}

std::vector<std::string> roles(const GraphView& view, Vertex unit, Vertex party) {
  const Graph& g = view.graph();
  std::vector<std::string> out;
  for (auto [e, end] = boost::out_edges(unit, g); e != end; ++e) {
    if (g[*e].predicate != pol::qualifiedResponsibility) continue;
    const Vertex r = boost::target(*e, g);
    bool agent = false;
    std::string role;
    for (auto [f, fend] = boost::out_edges(r, g); f != fend; ++f) {
      if (g[*f].predicate == pol::agent) agent = agent || boost::target(*f, g) == party;
      if (g[*f].predicate == pol::role) role = view.node(boost::target(*f, g)).iri;
    }
    if (!agent || role.empty()) continue;
    // pol:CoordinateRole -> "coordinate"
    std::string name = role.substr(role.find('#') + 1);
    if (name.size() > 4 && name.ends_with("Role")) name.resize(name.size() - 4);
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

std::string roles_text(const std::vector<std::string>& roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i) out += (i ? ", " : ", as ") + roles[i];
  return out;
}

Vertex stated_on(const Route& route, Vertex fallback) { return route.empty() ? fallback : route.hops.back().from; }

}  // namespace policykg::query
