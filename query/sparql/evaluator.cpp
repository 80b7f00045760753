#include "query/sparql/internal/evaluator.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <limits>
#include <numeric>
#include <set>
#include <unordered_set>

#include "core/error.hpp"
#include "query/sparql/internal/literal_value.hpp"
#include "query/sparql/internal/planner.hpp"

namespace policykg::query {

using namespace algebra;

namespace {

/// Whether a pattern gives the same answer evaluated on each input row as joined bottom-up.
bool seedable(const Pattern& p) {
  switch (p.kind) {
    case Pattern::Kind::Bgp:
    case Pattern::Kind::Values:
      return true;
    case Pattern::Kind::Group:
    case Pattern::Kind::Union:
      return std::all_of(p.children.begin(), p.children.end(), seedable);
    default:
      return false;
  }
}

std::string now_text() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Evaluator::Evaluator(const Dataset& dataset, const ParsedQuery& query, Deadline deadline, std::string base)
    : dataset_(dataset), parsed_(query), deadline_(deadline), base_(query.base.empty() ? std::move(base) : query.base),
      width_(query.variables.names.size()), now_(now_text()) {
  active_.graph = &dataset_.default_graph();
  const Query& q = parsed_.query;
  auto loaded = [&](const std::string& iri, const char* clause) -> const IndexedGraph* {
    const IndexedGraph* g = dataset_.named_graph(lookup(rdf::Term::iri(iri)));
    if (!g)
      throw Error(Error::Category::Usage, "query",
                  std::string(clause) + " <" + iri +
                      "> is not supported: policykg queries only the loaded data, and this is not a loaded graph");
    return g;
  };
  if (!q.from.empty()) {
    if (q.from.size() == 1) {
      active_.graph = loaded(q.from[0], "FROM");
    } else {
      std::set<IdTriple> all;
      for (const auto& f : q.from) {
        const auto triples = loaded(f, "FROM")->triples();
        all.insert(triples.begin(), triples.end());
      }
      merged_default_ = IndexedGraph(std::vector<IdTriple>(all.begin(), all.end()));
      active_.graph = &merged_default_;
    }
  }
  if (!q.from_named.empty()) {
    for (const auto& f : q.from_named) {
      loaded(f, "FROM NAMED");
      named_.push_back(lookup(rdf::Term::iri(f)));
    }
  } else if (q.from.empty()) {
    for (const auto& [id, g] : dataset_.named()) named_.push_back(id);
  }
}

const rdf::Term& Evaluator::term(TermId id) const {
  const auto& dict = dataset_.dictionary();
  if (id < dict.size()) return dict.term(id);
  // only a damaged index file (not yet verified) holds an id beyond its dictionary
  if (id - dict.size() >= local_terms_.size())
    throw Error(Error::Category::Input, "", "index damaged: term id " + std::to_string(id) + " is out of range");
  return local_terms_[id - dict.size()];
}

TermId Evaluator::lookup(const rdf::Term& t) const {
  if (TermId id = dataset_.dictionary().find(t)) return id;
  auto it = local_ids_.find(t);
  return it == local_ids_.end() ? 0 : it->second;
}

TermId Evaluator::intern(const rdf::Term& t) {
  if (TermId id = lookup(t)) return id;
  // held twice (the list and the map's key) until the query ends
  if (MemoryBudget* budget = MemoryBudget::current()) budget->charge(2 * term_bytes(t) + 64);
  TermId id = static_cast<TermId>(dataset_.dictionary().size() + local_terms_.size());
  local_terms_.push_back(t);
  local_ids_.emplace(t, id);
  return id;
}

// ---- the query --------------------------------------------------------------------------------

rdf::QueryResult Evaluator::run() {
  const Query& q = parsed_.query;
  rdf::QueryResult r;
  switch (q.form) {
    case Query::Form::Select: {
      std::vector<int> projected;
      auto rows = eval_query(q, &projected);
      r.kind = rdf::QueryResult::Kind::Bindings;
      for (int v : projected) r.variables.push_back(parsed_.variables.names[static_cast<std::size_t>(v)]);
      r.rows.reserve(rows.size());
      MemoryBudget::Held held;  // the result rows: given back when they leave the evaluator
      for (const auto& row : rows) {
        deadline_.check();
        std::vector<std::optional<rdf::Term>> out;
        out.reserve(projected.size());
        for (int v : projected) {
          TermId id = row[static_cast<std::size_t>(v)];
          if (id) held.charge(term_bytes(term(id)));
          out.push_back(id ? std::optional<rdf::Term>(term(id)) : std::nullopt);
        }
        r.rows.push_back(std::move(out));
      }
      break;
    }
    case Query::Form::Ask: {
      auto rows = eval_query(q, nullptr);
      r.kind = rdf::QueryResult::Kind::Boolean;
      r.boolean = !rows.empty();
      break;
    }
    case Query::Form::Construct: {
      auto rows = eval_query(q, nullptr);
      r.kind = rdf::QueryResult::Kind::Graph;
      r.triples = construct(q, rows);
      break;
    }
    case Query::Form::Describe: {
      Rows rows = q.where ? eval_query(q, nullptr) : Rows{unit()};
      std::vector<TermId> resources;
      std::vector<int> vars;
      if (q.select_all) {
        vars = select_all_vars(q);
      }
      for (const auto& n : q.describe) {
        if (n.is_var()) vars.push_back(n.var);
        else resources.push_back(intern(n.term));
      }
      for (const auto& row : rows)
        for (int v : vars)
          if (TermId id = row[static_cast<std::size_t>(v)]) resources.push_back(id);
      r.kind = rdf::QueryResult::Kind::Graph;
      r.triples = describe(resources);
      break;
    }
  }
  return r;
}

std::vector<int> Evaluator::select_all_vars(const Query& q) const {
  std::vector<int> out;
  if (!q.where) return out;
  for (int v : scope_variables(*q.where))
    if (!Variables::is_internal(parsed_.variables.names[static_cast<std::size_t>(v)])) out.push_back(v);
  return out;
}

std::size_t Evaluator::solutions_needed(const Query& q) const {
  // only when the solution modifiers keep a prefix of the solutions as they come
  if (q.aggregated || !q.order_by.empty() || q.distinct || q.values) return 0;
  std::size_t n = q.limit ? *q.limit : 0;
  if (&q == &parsed_.query) {
    if (q.form == Query::Form::Ask) n = 1;
    else if (q.form == Query::Form::Select && result_cap_ && (n == 0 || result_cap_ < n)) n = result_cap_;
  }
  if (n == 0) return 0;
  return q.offset > std::numeric_limits<std::size_t>::max() - n ? 0 : q.offset + n;
}

Rows Evaluator::eval_query(const Query& q, std::vector<int>* projected) {
  const bool streamed = q.aggregated && q.where && !q.values && groups_as_rows_come(q);
  Rows rows;
  if (!streamed) {
    rows = q.where ? eval_group(*q.where, {unit()}, false, solutions_needed(q)) : Rows{unit()};
    if (q.values) rows = join(std::move(rows), values_rows(*q.values));
  }

  Solutions sols;
  if (streamed) {
    sols = group_as_rows_come(q);
  } else if (q.aggregated) {
    sols = group(q, std::move(rows));
  } else {
    sols.reserve(rows.size());
    for (auto& row : rows) sols.push_back({std::move(row), {}});
  }
  // row by row, so that BNODE(str) gives one blank node per string within a row
  for (auto& s : sols) {
    deadline_.check();
    for (const auto& p : q.projection) {
      if (!p.expr) continue;
      Value v = eval_expr(*p.expr, s.row, &s.aggregates);
      if (v) s.row[static_cast<std::size_t>(p.var)] = intern(*v);
    }
  }
  if (!q.order_by.empty()) {
    Rows keys(sols.size());
    for (std::size_t i = 0; i < sols.size(); ++i) {
      deadline_.check();
      for (const auto& k : q.order_by) {
        Value v = eval_expr(*k.expr, sols[i].row, &sols[i].aggregates);
        keys[i].push_back(v ? intern(*v) : 0);
      }
    }
    std::vector<std::size_t> idx(sols.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      deadline_.check();
      for (std::size_t k = 0; k < q.order_by.size(); ++k) {
        TermId x = keys[a][k], y = keys[b][k];
        if (x == y) continue;
        int c = order_compare(x ? &term(x) : nullptr, y ? &term(y) : nullptr);
        if (c != 0) return q.order_by[k].descending ? c > 0 : c < 0;
      }
      return false;
    });
    Solutions sorted;
    sorted.reserve(sols.size());
    for (auto i : idx) sorted.push_back(std::move(sols[i]));
    sols = std::move(sorted);
  }

  Rows out;
  out.reserve(sols.size());
  if (q.form == Query::Form::Select) {
    std::vector<int> vars;
    if (q.select_all) vars = select_all_vars(q);
    else
      for (const auto& p : q.projection) vars.push_back(p.var);
    std::vector<bool> keep(width_, false);
    for (int v : vars) keep[static_cast<std::size_t>(v)] = true;
    for (auto& s : sols) {
      deadline_.check();
      for (std::size_t i = 0; i < width_; ++i)
        if (!keep[i]) s.row[i] = 0;
      out.push_back(std::move(s.row));
    }
    if (projected) *projected = vars;
  } else {
    for (auto& s : sols) out.push_back(std::move(s.row));
  }
  if (q.distinct || q.reduced) {
    std::unordered_set<Row, RowHash> seen;
    Rows unique;
    for (auto& r : out) {
      deadline_.check();
      if (seen.insert(r).second) unique.push_back(std::move(r));
    }
    out = std::move(unique);
  }
  if (q.offset > 0) out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(std::min(q.offset, out.size())));
  if (q.limit && out.size() > *q.limit) out.resize(*q.limit);
  return out;
}

Evaluator::Solutions Evaluator::group(const Query& q, Rows rows) {
  Rows keys;
  std::vector<std::vector<const Row*>> members;
  std::unordered_map<Row, std::size_t, RowHash> index;
  if (q.group_by.empty()) {
    keys.emplace_back();
    members.emplace_back();
    for (const auto& r : rows) members[0].push_back(&r);
  } else {
    for (const auto& r : rows) {
      deadline_.check();
      Row key;
      for (const auto& k : q.group_by) {
        if (k.expr->kind == Expr::Kind::Var) {  // the row's own id: no term decoded
          key.push_back(r[static_cast<std::size_t>(k.expr->var)]);
          continue;
        }
        Value v = eval_expr(*k.expr, r);
        key.push_back(v ? intern(*v) : 0);
      }
      auto [it, inserted] = index.try_emplace(key, keys.size());
      if (inserted) {
        keys.push_back(key);
        members.emplace_back();
      }
      members[it->second].push_back(&r);
    }
  }
  Solutions out;
  for (std::size_t g = 0; g < keys.size(); ++g) {
    Solution s{unit(), {}};
    for (std::size_t k = 0; k < q.group_by.size(); ++k)
      if (q.group_by[k].var >= 0) s.row[static_cast<std::size_t>(q.group_by[k].var)] = keys[g][k];
    for (const auto& a : q.aggregates) s.aggregates.push_back(aggregate(*a, members[g]));
    if (passes_having(q, s)) out.push_back(std::move(s));
  }
  return out;
}

bool Evaluator::passes_having(const Query& q, Solution& s) {
  for (const auto& h : q.having) {
    Value v = eval_expr(*h, s.row, &s.aggregates);
    auto b = v ? effective_boolean(*v) : std::nullopt;
    if (!b || !*b) return false;
  }
  return true;
}

bool Evaluator::groups_as_rows_come(const Query& q) {
  for (const auto& k : q.group_by)
    if (k.expr->kind != Expr::Kind::Var) return false;
  for (const auto& a : q.aggregates) {
    if (a->name != "COUNT") return false;
    if (!a->args.empty() && (a->args.size() != 1 || a->args[0]->kind != Expr::Kind::Var)) return false;
    if (a->args.empty() && a->distinct) return false;
  }
  return true;
}

Evaluator::Solutions Evaluator::group_as_rows_come(const Query& q) {
  const std::size_t width = q.aggregates.size();
  Rows keys;  // each group's key, in the order of the groups' first solutions
  std::unordered_map<Row, std::size_t, RowHash, std::equal_to<>, BudgetAllocator<std::pair<const Row, std::size_t>>>
      index;
  std::vector<long long, BudgetAllocator<long long>> counts;  // `width` a group, by aggregate
  // The ids a COUNT(DISTINCT ?x) has counted: (its slot in `counts`, the id).
  using Seen = std::pair<std::size_t, TermId>;
  struct SeenHash {
    std::size_t operator()(const Seen& s) const noexcept { return (s.first * 0x9e3779b97f4a7c15ULL) ^ s.second; }
  };
  std::unordered_set<Seen, SeenHash, std::equal_to<>, BudgetAllocator<Seen>> seen;
  auto add_group = [&](const Row& key) {
    keys.push_back(key);
    counts.resize(counts.size() + width, 0);
  };
  if (q.group_by.empty()) add_group(Row());  // one group, even of no solutions
  Row key(q.group_by.size(), 0);
  const RowSink sink = [&](Row&& r) {
    std::size_t g = 0;
    if (!q.group_by.empty()) {
      for (std::size_t k = 0; k < q.group_by.size(); ++k) key[k] = r[static_cast<std::size_t>(q.group_by[k].expr->var)];
      auto [it, inserted] = index.try_emplace(key, keys.size());
      if (inserted) add_group(key);
      g = it->second;
    }
    for (std::size_t a = 0; a < width; ++a) {
      const Expr& e = *q.aggregates[a];
      const std::size_t slot = g * width + a;
      if (e.args.empty()) {  // COUNT(*)
        ++counts[slot];
        continue;
      }
      const TermId id = r[static_cast<std::size_t>(e.args[0]->var)];
      if (id != 0 && (!e.distinct || seen.insert({slot, id}).second)) ++counts[slot];
    }
    return true;
  };
  eval_group(*q.where, {unit()}, false, 0, &sink);
  Solutions out;
  for (std::size_t g = 0; g < keys.size(); ++g) {
    deadline_.check();
    Solution s{unit(), {}};
    for (std::size_t k = 0; k < q.group_by.size(); ++k)
      if (q.group_by[k].var >= 0) s.row[static_cast<std::size_t>(q.group_by[k].var)] = keys[g][k];
    for (std::size_t a = 0; a < width; ++a) s.aggregates.push_back(rdf::Term::integer(counts[g * width + a]));
    if (passes_having(q, s)) out.push_back(std::move(s));
  }
  return out;
}

// ---- graph patterns ---------------------------------------------------------------------------

Rows Evaluator::eval(const Pattern& p, Rows input, bool substitute) {
  if (input.empty()) return input;
  switch (p.kind) {
    case Pattern::Kind::Bgp:
      return eval_bgp(p.triples, std::move(input));
    case Pattern::Kind::Group:
      return eval_group(p, std::move(input), substitute);
    case Pattern::Kind::Union:
      return eval_union(p, std::move(input), substitute);
    case Pattern::Kind::Graph:
      return eval_graph(p, std::move(input), substitute);
    case Pattern::Kind::Values:
      return join(std::move(input), values_rows(p.values));
    case Pattern::Kind::SubSelect: {
      std::vector<int> projected;
      // a subquery sees nothing of the outer query: evaluated on its own, then joined
      auto saved_graph = active_;
      auto r = eval_query(*p.sub, &projected);
      active_ = saved_graph;
      return join(std::move(input), r);
    }
    default: {
      Pattern g;
      g.kind = Pattern::Kind::Group;
      g.children.push_back(p);
      return eval_group(g, std::move(input), substitute);
    }
  }
}

Rows Evaluator::eval_union(const Pattern& p, Rows input, bool substitute, std::size_t cap) {
  const bool seed = substitute || seedable(p) || is_unit(input);
  if (!seed) cap = 0;  // the branches' rows are joined with the input after: any may be dropped
  Rows out;
  for (const auto& c : p.children) {
    const std::size_t left = cap ? cap - out.size() : 0;
    auto r = c.kind == Pattern::Kind::Group ? eval_group(c, seed ? input : Rows{unit()}, substitute, left)
                                            : eval(c, seed ? input : Rows{unit()}, substitute);
    out.insert(out.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
    if (cap && out.size() >= cap) {
      out.resize(cap);
      break;
    }
  }
  return seed ? out : join(std::move(input), out);
}

Rows Evaluator::eval_group(const Pattern& g, Rows input, bool substitute, std::size_t cap, const RowSink* sink) {
  if (sink) {  // the last pattern gives its rows to the sink where it can, else they go to it here
    Rows rows = eval_group_rows(g, std::move(input), substitute, cap, sink);
    for (auto& row : rows)
      if (!(*sink)(std::move(row))) break;
    return {};
  }
  return eval_group_rows(g, std::move(input), substitute, cap, nullptr);
}

Rows Evaluator::eval_group_rows(const Pattern& g, Rows input, bool substitute, std::size_t cap, const RowSink* sink) {
  if (input.empty()) return input;
  if (!substitute && !seedable(g) && !is_unit(input)) {
    auto r = eval_group(g, {unit()}, false);
    return join(std::move(input), r);
  }
  Rows acc = std::move(input);
  // A group's filters apply to all of it, wherever they are written: after its last element, or
  // inside a basic graph pattern as soon as the variables they read are bound (query/sparql/internal/planner.hpp).
  std::vector<PendingFilter> filters;
  const Pattern* last = nullptr;  // the last element that is not a filter
  for (const auto& c : g.children) {
    if (c.kind == Pattern::Kind::Filter) filters.push_back({c.expr.get()});
    else last = &c;
  }
  for (const auto& c : g.children) {
    if (acc.empty()) break;
    // the last element gives the group's rows: a cap stops it once enough have passed the filters
    const bool capped = cap && &c == last;
    switch (c.kind) {
      case Pattern::Kind::Bgp:
        if (plan_ || capped)
          // the last pattern checks every filter left (the planner's `last`): its rows are final
          acc = eval_bgp(c.triples, std::move(acc), &filters, &c == last, capped ? cap : 0,
                         &c == last && plan_ ? sink : nullptr);
        else
          acc = eval_bgp(c.triples, std::move(acc));
        break;
      case Pattern::Kind::Group:
        acc = eval_group(c, std::move(acc), substitute, capped && filters.empty() ? cap : 0);
        break;
      case Pattern::Kind::Filter:
        break;
      case Pattern::Kind::Bind:
        for (auto& row : acc) {
          deadline_.check();
          Value v = eval_expr(*c.expr, row);
          if (v) row[static_cast<std::size_t>(c.var)] = intern(*v);
        }
        break;
      case Pattern::Kind::Optional: {
        const Pattern& inner = c.children[0];
        Pattern body;
        body.kind = Pattern::Kind::Group;
        std::vector<ExprPtr> conditions;
        for (const auto& e : inner.children) {
          if (e.kind == Pattern::Kind::Filter) conditions.push_back(e.expr);
          else body.children.push_back(e);
        }
        if (substitute || seedable(body)) {
          Rows out;
          out.reserve(acc.size());
          for (auto& row : acc) {
            deadline_.check();
            auto ext = eval_group(body, {row}, substitute);
            bool any = false;
            for (auto& e : ext) {
              if (passes(conditions, e)) {
                out.push_back(std::move(e));
                any = true;
              }
            }
            if (!any) out.push_back(std::move(row));
          }
          acc = std::move(out);
        } else {
          auto right = eval_group(body, {unit()}, false);
          acc = left_join(std::move(acc), right, conditions);
        }
        break;
      }
      case Pattern::Kind::Minus: {
        auto right = eval_group(c.children[0], {unit()}, false);
        acc = minus(std::move(acc), right);
        break;
      }
      case Pattern::Kind::Union:
        // the last element, capped when no filter of the group is left to drop its rows
        acc = eval_union(c, std::move(acc), substitute, capped && filters.empty() ? cap : 0);
        break;
      default:
        acc = eval(c, std::move(acc), substitute);
        break;
    }
  }
  std::vector<const Expr*> unchecked;
  for (const auto& f : filters)
    if (!f.checked) unchecked.push_back(f.expr);
  if (!unchecked.empty()) {
    Rows kept;
    for (auto& row : acc) {
      deadline_.check();
      if (passes(unchecked, row)) kept.push_back(std::move(row));
    }
    acc = std::move(kept);
  }
  return acc;
}

Rows Evaluator::eval_graph(const Pattern& p, Rows input, bool substitute) {
  const Pattern& inner = p.children[0];
  auto saved = active_;
  auto visible = [&](TermId id) { return std::find(named_.begin(), named_.end(), id) != named_.end(); };
  if (!p.graph.is_var()) {
    TermId id = lookup(p.graph.term);
    if (!id || !visible(id)) return {};
    active_.graph = dataset_.named_graph(id);
    auto r = eval(inner, std::move(input), substitute);
    active_ = saved;
    return r;
  }
  const auto v = static_cast<std::size_t>(p.graph.var);
  Rows out;
  for (TermId id : named_) {
    active_.graph = dataset_.named_graph(id);
    if (substitute) {
      Rows seed;
      for (const auto& row : input)
        if (!row[v] || row[v] == id) {
          seed.push_back(row);
          seed.back()[v] = id;
        }
      auto r = eval(inner, std::move(seed), true);
      out.insert(out.end(), r.begin(), r.end());
    } else {
      auto r = eval(inner, {unit()}, false);
      for (auto& row : r) {
        if (row[v] && row[v] != id) continue;
        row[v] = id;
        out.push_back(std::move(row));
      }
    }
  }
  active_ = saved;
  return substitute ? out : join(std::move(input), out);
}

IdTriple Evaluator::pattern_ids(const TriplePattern& t) {
  auto id = [&](const rdf::Term& term) {
    auto [it, fresh] = constant_ids_.try_emplace(term, 0);
    if (fresh) it->second = intern(term);
    return it->second;
  };
  IdTriple ids{};
  if (!t.s.is_var()) ids[0] = id(t.s.term);
  if (!t.path && !t.p.is_var()) ids[1] = id(t.p.term);
  if (!t.o.is_var()) ids[2] = id(t.o.term);
  return ids;
}

Rows Evaluator::eval_bgp(const std::vector<TriplePattern>& triples, Rows input, std::vector<PendingFilter>* filters,
                         bool last, std::size_t cap, const RowSink* sink) {
  if (input.empty()) return input;
  // The filters this pattern may check (the group's not yet checked), by index into `given`.
  std::vector<const Expr*> given;
  std::vector<PendingFilter*> pending;
  if (filters)
    for (auto& f : *filters)
      if (!f.checked) {
        given.push_back(f.expr);
        pending.push_back(&f);
      }
  Rows out;
  std::size_t found = 0;
  // A solution, appended to `out` or given to `sink`; false once `cap` has enough or the sink
  // wants no more.
  auto deliver = [&](Row&& r) {
    ++found;
    if (!sink) out.push_back(std::move(r));
    else if (!(*sink)(std::move(r))) return false;
    return !(cap && found >= cap);
  };
  if (triples.empty()) {
    if (!last && !cap) return input;
    for (auto* f : pending) f->checked = true;
    for (auto& r : input) {
      deadline_.check();
      if (passes(given, r) && !deliver(std::move(r))) break;
    }
    return out;
  }
  BgpPlan plan;
  if (plan_) {
    std::vector<bool> bound(width_, false);
    for (std::size_t v = 0; v < width_; ++v)
      bound[v] = std::all_of(input.begin(), input.end(), [v](const Row& r) { return r[v] != 0; });
    const Planner planner(*active_.graph, [this](const rdf::Term& t) { return lookup(t); });
    plan = planner.plan(triples, std::move(bound), given, last, deadline_);
  } else {
    plan = written_order(triples.size(), given.size(), last);
  }
  for (std::size_t f = 0; f < pending.size(); ++f)
    if (plan.taken[f]) pending[f]->checked = true;
  auto passes_level = [&](std::size_t level, const Row& r) {
    for (std::size_t f : plan.filters_at[level])
      if (!passes_one(*given[f], r)) return false;
    return true;
  };
  const auto& order = plan.order;

  // Depth first: the solutions come in the order a level-by-level join would give, but each is
  // finished before the next is started, so only the rows on the way down are held and `cap`
  // stops the search as soon as enough solutions passed the filters.
  struct Pending {
    std::size_t level;
    Row row;
  };
  std::vector<Pending, BudgetAllocator<Pending>> stack;
  stack.reserve(input.size());
  for (auto it = input.rbegin(); it != input.rend(); ++it) stack.push_back({0, std::move(*it)});
  input = Rows();
  std::vector<IdTriple> ids(order.size());  // each level's pattern's terms as ids, looked up once
  for (std::size_t level = 0; level < order.size(); ++level) ids[level] = pattern_ids(triples[order[level]]);
  std::vector<ScanHint> hints(order.size());  // one run of lookups a level
  const std::size_t deepest = order.size() - 1;
  // The last level's solutions for `row`, delivered; false once no more are wanted.
  auto finish = [&](const Row& row) {
    bool more = true;
    extend(triples[order[deepest]], ids[deepest], row, hints[deepest], [&](Row&& r) {
      if (passes_level(deepest, r)) more = deliver(std::move(r));
      return more;
    });
    return more;
  };
  while (!stack.empty()) {
    Pending top = std::move(stack.back());
    stack.pop_back();
    if (top.level == deepest) {
      if (!finish(top.row)) break;
      continue;
    }
    const std::size_t level = top.level;
    const TriplePattern& t = triples[order[level]];
    if (level + 1 == deepest) {  // each extension finished at once, in order: none waits on the stack
      bool more = true;
      extend(t, ids[level], top.row, hints[level], [&](Row&& r) {
        if (passes_level(level, r)) more = finish(r);
        return more;
      });
      if (!more) break;
      continue;
    }
    const std::size_t mark = stack.size();
    extend(t, ids[level], top.row, hints[level], [&](Row&& r) {
      if (passes_level(level, r)) stack.push_back({level + 1, std::move(r)});
      return true;
    });
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());  // the first on top
  }
  return out;
}

template <class Emit>
void Evaluator::extend(const TriplePattern& t, const IdTriple& ids, const Row& row, ScanHint& hint, Emit&& emit) {
  deadline_.check();
  auto id = [&](const Node& n, TermId fixed) { return n.is_var() ? row[static_cast<std::size_t>(n.var)] : fixed; };
  const TermId s = id(t.s, ids[0]), o = id(t.o, ids[2]);
  auto bind = [&](Row& r, const Node& n, TermId value) {
    if (!n.is_var()) return true;
    TermId& slot = r[static_cast<std::size_t>(n.var)];
    if (!slot) {
      slot = value;
      return true;
    }
    return slot == value;
  };
  if (t.path) {
    path_start_from_var_ = s ? t.s.is_var() : t.o.is_var();
    for (auto [a, b] : eval_path(*t.path, s, o)) {
      Row r = row;
      if (bind(r, t.s, a) && bind(r, t.o, b) && !emit(std::move(r))) return;
    }
    return;
  }
  const TermId p = id(t.p, ids[1]);
  active_.graph->scan(s, p, o, [&](TermId a, TermId b, TermId c) {
    deadline_.check();
    Row r = row;
    return !(bind(r, t.s, a) && bind(r, t.p, b) && bind(r, t.o, c)) || emit(std::move(r));
  }, &hint);
}

}  // namespace policykg::query
