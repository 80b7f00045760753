// Property paths (SPARQL 1.1 section 9): sequences and alternatives as joins and unions, the
// repetitions *, + and ? as breadth-first searches over the active graph's indexes from whichever
// end is bound (set semantics, as the recommendation specifies), negated property sets as scans.
#include <algorithm>
#include <deque>
#include <functional>
#include <iterator>
#include <unordered_set>

#include "query/sparql/internal/evaluator.hpp"

namespace policykg::query {

using algebra::Path;

namespace {

Pairs eval_sequence(Evaluator& ev, const std::vector<Path>& parts, std::size_t from, TermId s, TermId o,
                    const std::function<Pairs(const Path&, TermId, TermId)>& step) {
  if (from + 1 == parts.size()) return step(parts[from], s, o);
  Pairs out;
  if (s || !o) {
    for (auto [a, m] : step(parts[from], s, 0))
      for (auto [m2, b] : eval_sequence(ev, parts, from + 1, m, o, step)) {
        (void)m2;
        out.emplace_back(a, b);
      }
  } else {
    // bound object: walk the sequence backwards from it
    Pairs tail = eval_sequence(ev, parts, from + 1, 0, o, step);
    for (auto [m, b] : tail)
      for (auto [a, m2] : step(parts[from], 0, m)) {
        (void)m2;
        out.emplace_back(a, b);
      }
  }
  return out;
}

}  // namespace

std::vector<TermId> Evaluator::graph_nodes() {
  // every subject and object: the keys of SPO and of OSP, each sorted
  deadline_.check();
  const auto subjects = active_.graph->spo().keys(), objects = active_.graph->osp().keys();
  std::vector<TermId> out;
  out.reserve(subjects.size() + objects.size());
  std::set_union(subjects.begin(), subjects.end(), objects.begin(), objects.end(), std::back_inserter(out));
  return out;
}

std::vector<TermId> Evaluator::path_closure(const Path& step, TermId start, bool forward, bool include_start) {
  std::vector<TermId> result;
  std::unordered_set<TermId> seen, expanded{start};
  if (include_start) {
    seen.insert(start);
    result.push_back(start);
  }
  std::deque<TermId> queue{start};
  while (!queue.empty()) {
    deadline_.check();
    TermId x = queue.front();
    queue.pop_front();
    Pairs next = forward ? eval_path(step, x, 0) : eval_path(step, 0, x);
    for (auto [a, b] : next) {
      TermId y = forward ? b : a;
      if (seen.insert(y).second) result.push_back(y);
      if (expanded.insert(y).second) queue.push_back(y);
    }
  }
  return result;
}

Pairs Evaluator::eval_path(const Path& path, TermId s, TermId o) {
  deadline_.check();
  const IndexedGraph& g = *active_.graph;
  Pairs out;
  switch (path.kind) {
    case Path::Kind::Link: {
      TermId p = lookup(path.iri);
      if (!p) return out;
      g.scan(s, p, o, [&](TermId a, TermId, TermId c) {
        out.emplace_back(a, c);
        return true;
      });
      return out;
    }
    case Path::Kind::Inverse: {
      for (auto [a, b] : eval_path(path.parts[0], o, s)) out.emplace_back(b, a);
      return out;
    }
    case Path::Kind::Sequence:
      return eval_sequence(*this, path.parts, 0, s, o,
                           [this](const Path& p, TermId a, TermId b) { return eval_path(p, a, b); });
    case Path::Kind::Alternative:
      for (const auto& part : path.parts) {
        auto r = eval_path(part, s, o);
        out.insert(out.end(), r.begin(), r.end());
      }
      return out;
    case Path::Kind::ZeroOrMore:
    case Path::Kind::OneOrMore:
    case Path::Kind::ZeroOrOne: {
      const Path& step = path.parts[0];
      bool zero = path.kind != Path::Kind::OneOrMore;
      bool from_var = path_start_from_var_;
      path_start_from_var_ = false;
      auto reach = [&](TermId start, bool forward) {
        bool with_start = zero && (!from_var || g.count(start, 0, 0) > 0 || g.count(0, 0, start) > 0);
        if (path.kind != Path::Kind::ZeroOrOne) {
          auto r = path_closure(step, start, forward, with_start);
          return r;
        }
        std::vector<TermId> r;
        if (with_start) r.push_back(start);
        std::unordered_set<TermId> seen(r.begin(), r.end());
        for (auto [a, b] : forward ? eval_path(step, start, 0) : eval_path(step, 0, start))
          if (seen.insert(forward ? b : a).second) r.push_back(forward ? b : a);
        return r;
      };
      if (s) {
        for (TermId n : reach(s, true))
          if (!o || n == o) out.emplace_back(s, n);
      } else if (o) {
        for (TermId n : reach(o, false)) out.emplace_back(n, o);
      } else {
        for (TermId x : graph_nodes())
          for (TermId n : reach(x, true)) out.emplace_back(x, n);
      }
      return out;
    }
    case Path::Kind::Negated: {
      auto ids = [&](const std::vector<rdf::Term>& terms) {
        std::vector<TermId> r;
        for (const auto& t : terms) r.push_back(lookup(t));
        return r;
      };
      auto fwd = ids(path.forward), bwd = ids(path.backward);
      auto excluded = [](const std::vector<TermId>& set, TermId p) {
        return std::find(set.begin(), set.end(), p) != set.end();
      };
      if (!path.forward.empty() || path.backward.empty()) {
        g.scan(s, 0, o, [&](TermId a, TermId p, TermId c) {
          if (!excluded(fwd, p)) out.emplace_back(a, c);
          return true;
        });
      }
      if (!path.backward.empty()) {
        g.scan(o, 0, s, [&](TermId a, TermId p, TermId c) {
          if (!excluded(bwd, p)) out.emplace_back(c, a);
          return true;
        });
      }
      return out;
    }
  }
  return out;
}

}  // namespace policykg::query
