#include "query/sparql/internal/planner.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

namespace policykg::query {

using algebra::Expr;
using algebra::Node;
using algebra::TriplePattern;

namespace {

bool gathers(const Expr& e, std::vector<int>& vars) {
  switch (e.kind) {
    case Expr::Kind::Var:
      vars.push_back(e.var);
      return true;
    case Expr::Kind::Exists:
    case Expr::Kind::NotExists:
    case Expr::Kind::Aggregate:
      return false;
    case Expr::Kind::Call:
      if (function_info(e.function).fresh) return false;
      break;
    default:
      break;
  }
  for (const auto& a : e.args)
    if (a && !gathers(*a, vars)) return false;
  return true;
}

}  // namespace

std::optional<std::vector<int>> movable_filter_variables(const Expr& e) {
  std::vector<int> vars;
  if (!gathers(e, vars)) return std::nullopt;
  std::sort(vars.begin(), vars.end());
  vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
  return vars;
}

BgpPlan written_order(std::size_t patterns, std::size_t filters, bool take_all) {
  BgpPlan plan;
  for (std::size_t i = 0; i < patterns; ++i) plan.order.push_back(i);
  plan.filters_at.resize(patterns);
  plan.taken.assign(filters, take_all && patterns > 0);
  if (take_all && patterns > 0)
    for (std::size_t f = 0; f < filters; ++f) plan.filters_at.back().push_back(f);
  return plan;
}

Planner::Planner(const IndexedGraph& graph, std::function<TermId(const rdf::Term&)> lookup)
    : graph_(graph), lookup_(std::move(lookup)) {}

double Planner::estimate(const TriplePattern& t, const std::vector<bool>& bound) const {
  auto known = [&](const Node& n) { return !n.is_var() || bound[static_cast<std::size_t>(n.var)]; };
  auto id = [&](const Node& n) -> TermId { return n.is_var() ? 0 : lookup_(n.term); };
  const bool S = known(t.s), O = known(t.o);
  if (t.path) {
    if (S && O) return CostModel::kPathBothEnds;
    if (S || O) return CostModel::kPathOneEnd;
    return CostModel::kPathNoEnd;
  }
  const bool P = known(t.p);
  const TermId s = id(t.s), p = id(t.p), o = id(t.o);
  if ((!t.s.is_var() && !s) || (!t.p.is_var() && !p) || (!t.o.is_var() && !o)) return 0;
  auto n = static_cast<double>(graph_.count(s, p, o));
  if (n == 0) return 0;
  // A variable bound by an earlier pattern (known, but no id here): the count over its values,
  // divided by how many distinct values that position has.
  auto spread = [](std::size_t distinct) {
    return std::max<double>(1, static_cast<double>(distinct));
  };
  if (p) {
    const auto st = graph_.stats(p);
    if (S && !s) n /= spread(st.subjects);
    if (O && !o) n /= spread(st.objects);
  } else {
    if (S && !s) n /= spread(graph_.distinct_subjects());
    if (O && !o) n /= spread(graph_.distinct_objects());
    if (P) n /= CostModel::kPredicateFanOut;
  }
  return n;
}

BgpPlan Planner::plan(const std::vector<TriplePattern>& triples, std::vector<bool> bound,
                      const std::vector<const Expr*>& filters, bool take_all,
                      Deadline& deadline) const {
  const std::size_t n = triples.size();
  BgpPlan plan;
  plan.filters_at.resize(n);
  plan.taken.assign(filters.size(), false);
  if (n == 0) return plan;
  if (n == 1) {
    // Nothing to order (EXISTS and OPTIONAL evaluate one-pattern groups once a row).
    plan.order.push_back(0);
    place_filters(plan, triples, std::move(bound), filters, take_all);
    return plan;
  }
  const std::vector<bool> bound_before = filters.empty() ? std::vector<bool>() : bound;
  bool any_bound = std::any_of(bound.begin(), bound.end(), [](bool b) { return b; });
  auto vars_of = [](const TriplePattern& t) {
    return std::array<const Node*, 3>{&t.s, &t.p, &t.o};
  };

  std::vector<double> cost(n);
  std::vector<bool> connected(n, false), used(n, false);
  std::unordered_map<int, std::vector<std::size_t>> patterns_of;  // variable -> patterns naming it
  auto assess = [&](std::size_t i) {
    cost[i] = estimate(triples[i], bound);
    connected[i] = false;
    for (const Node* v : vars_of(triples[i]))
      if (v->is_var() && bound[static_cast<std::size_t>(v->var)]) connected[i] = true;
  };
  for (std::size_t i = 0; i < n; ++i) {
    deadline.check();
    assess(i);
    for (const Node* v : vars_of(triples[i]))
      if (v->is_var()) patterns_of[v->var].push_back(i);
  }
  while (plan.order.size() < n) {
    std::size_t best = n;
    double best_cost = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (used[i]) continue;
      double c = cost[i];
      if (!connected[i] && any_bound && c > 1) c *= CostModel::kCrossProductPenalty;
      if (best == n || c < best_cost) {
        best = i;
        best_cost = c;
      }
    }
    deadline.check();
    used[best] = true;
    plan.order.push_back(best);
    any_bound = true;
    for (const Node* v : vars_of(triples[best])) {
      if (!v->is_var() || bound[static_cast<std::size_t>(v->var)]) continue;
      bound[static_cast<std::size_t>(v->var)] = true;
      for (std::size_t i : patterns_of[v->var])
        if (!used[i]) assess(i);
    }
  }

  place_filters(plan, triples, bound_before, filters, take_all);
  return plan;
}

void Planner::place_filters(BgpPlan& plan, const std::vector<TriplePattern>& triples,
                            std::vector<bool> bound, const std::vector<const Expr*>& filters,
                            bool take_all) {
  if (filters.empty()) return;
  std::vector<std::optional<std::vector<int>>> reads;
  reads.reserve(filters.size());
  for (const Expr* f : filters) reads.push_back(movable_filter_variables(*f));
  for (std::size_t level = 0; level < plan.order.size(); ++level) {
    const TriplePattern& t = triples[plan.order[level]];
    for (const Node* v : {&t.s, &t.p, &t.o})
      if (v->is_var()) bound[static_cast<std::size_t>(v->var)] = true;
    for (std::size_t f = 0; f < filters.size(); ++f) {
      if (plan.taken[f] || !reads[f]) continue;
      if (std::all_of(reads[f]->begin(), reads[f]->end(),
                      [&](int v) { return bound[static_cast<std::size_t>(v)]; })) {
        plan.filters_at[level].push_back(f);
        plan.taken[f] = true;
      }
    }
  }
  if (take_all)
    for (std::size_t f = 0; f < filters.size(); ++f)
      if (!plan.taken[f]) {
        plan.filters_at.back().push_back(f);
        plan.taken[f] = true;
      }
}

}  // namespace policykg::query
