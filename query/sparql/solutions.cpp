// The operators on solution sequences (SPARQL 1.1 section 18.5): join, left join, minus and
// VALUES; and the filters a solution must pass, EXISTS included.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "query/sparql/internal/evaluator.hpp"
#include "query/sparql/internal/literal_value.hpp"

namespace policykg::query {

using namespace algebra;

Rows Evaluator::join(Rows left, const Rows& right) {
  if (left.empty() || right.empty()) return {};
  if (is_unit(left)) return right;
  if (is_unit(right)) return left;
  std::vector<std::size_t> keys;
  for (std::size_t v = 0; v < width_; ++v) {
    bool l = std::all_of(left.begin(), left.end(), [v](const Row& r) { return r[v] != 0; });
    bool r = l && std::all_of(right.begin(), right.end(), [v](const Row& x) { return x[v] != 0; });
    if (r) keys.push_back(v);
  }
  Rows out;
  if (keys.empty()) {
    for (const auto& a : left)
      for (const auto& b : right) {
        deadline_.check();
        if (compatible(a, b)) out.push_back(merge(a, b));
      }
    return out;
  }
  auto key_of = [&](const Row& r) {
    std::size_t h = 1469598103934665603ULL;
    for (auto k : keys) h = (h ^ r[k]) * 1099511628211ULL;
    return h;
  };
  std::unordered_map<std::size_t, std::vector<std::size_t>> table;
  for (std::size_t i = 0; i < right.size(); ++i) table[key_of(right[i])].push_back(i);
  for (const auto& a : left) {
    deadline_.check();
    auto it = table.find(key_of(a));
    if (it == table.end()) continue;
    for (auto i : it->second)
      if (compatible(a, right[i])) out.push_back(merge(a, right[i]));
  }
  return out;
}

Rows Evaluator::left_join(Rows left, const Rows& right,
                                      const std::vector<ExprPtr>& filters) {
  Rows out;
  for (auto& a : left) {
    deadline_.check();
    bool any = false;
    for (const auto& b : right) {
      if (!compatible(a, b)) continue;
      Row m = merge(a, b);
      if (passes(filters, m)) {
        out.push_back(std::move(m));
        any = true;
      }
    }
    if (!any) out.push_back(std::move(a));
  }
  return out;
}

Rows Evaluator::minus(Rows left, const Rows& right) {
  Rows out;
  for (auto& a : left) {
    deadline_.check();
    bool removed = false;
    for (const auto& b : right) {
      bool shared = false;
      for (std::size_t i = 0; i < width_; ++i)
        if (a[i] && b[i]) shared = true;
      if (shared && compatible(a, b)) {
        removed = true;
        break;
      }
    }
    if (!removed) out.push_back(std::move(a));
  }
  return out;
}

Rows Evaluator::values_rows(const ValuesTable& values) {
  Rows out;
  for (const auto& vr : values.rows) {
    Row r = unit();
    for (std::size_t i = 0; i < values.vars.size(); ++i)
      if (vr[i]) r[static_cast<std::size_t>(values.vars[i])] = intern(*vr[i]);
    out.push_back(std::move(r));
  }
  return out;
}

bool Evaluator::passes_one(const Expr& filter, const Row& row) {
  Value v = eval_expr(filter, row);
  if (!v) return false;
  auto b = effective_boolean(*v);
  return b && *b;
}

bool Evaluator::passes(const std::vector<ExprPtr>& filters, const Row& row) {
  return std::all_of(filters.begin(), filters.end(), [&](const ExprPtr& f) { return passes_one(*f, row); });
}

bool Evaluator::passes(const std::vector<const Expr*>& filters, const Row& row) {
  return std::all_of(filters.begin(), filters.end(), [&](const Expr* f) { return passes_one(*f, row); });
}

bool Evaluator::exists(const Pattern& p, const Row& row) {
  auto saved = active_;
  auto r = eval_group(p, {row}, true);
  active_ = saved;
  return !r.empty();
}

}  // namespace policykg::query
