// Evaluator: runs an algebra::ParsedQuery over a Dataset. Solutions are rows of term ids, one
// slot per query variable. Query forms and graph patterns are in evaluator.cpp: basic graph
// patterns joined by index lookups in the order, and with the filters, the planner gives
// (internal/planner.hpp); join, left join, minus and filters in solutions.cpp; property paths by
// breadth-first search over the indexes in path_evaluator.cpp; expressions and builtin functions
// in expression_evaluator.cpp; CONSTRUCT and DESCRIBE in graph_forms.cpp. Internal to
// query/sparql/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/sparql/algebra.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/deadline.hpp"
#include "query/sparql/internal/row.hpp"
#include "query/sparql/memory_budget.hpp"
#include "rdf/query_result.hpp"

namespace policykg::query {

/// Solutions (internal/row.hpp), charged to the query's MemoryBudget as they are made.
using Rows = std::vector<Row, BudgetAllocator<Row>>;
/// Pairs (subject, object) a property path connects.
using Pairs = std::vector<std::pair<TermId, TermId>, BudgetAllocator<std::pair<TermId, TermId>>>;
using Value = std::optional<rdf::Term>;  ///< nullopt: an expression error (or unbound)
/// Takes the solutions of a pattern one at a time, in order, instead of a vector; returns false
/// to stop the search.
using RowSink = std::function<bool(Row&&)>;

/// The row of no bindings, alone: the identity of join.
inline bool is_unit(const Rows& rows) {
  return rows.size() == 1 && std::all_of(rows[0].begin(), rows[0].end(), [](TermId v) { return v == 0; });
}

/// Whether two rows agree on every variable both bind.
inline bool compatible(const Row& a, const Row& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] && b[i] && a[i] != b[i]) return false;
  return true;
}

/// The bindings of `a`, and those of `b` for the variables `a` leaves unbound.
inline Row merge(const Row& a, const Row& b) {
  Row r = a;
  for (std::size_t i = 0; i < r.size(); ++i)
    if (!r[i]) r[i] = b[i];
  return r;
}

struct RowHash {
  std::size_t operator()(const Row& r) const noexcept {
    std::size_t h = 1469598103934665603ULL;
    for (TermId v : r) h = (h ^ v) * 1099511628211ULL;
    return h;
  }
};

/// What a term costs in memory, roughly: for charging a MemoryBudget.
inline std::size_t term_bytes(const rdf::Term& t) {
  return sizeof(rdf::Term) + t.value.size() + t.datatype.size() + t.lang.size();
}

/// The graphs a pattern is matched against.
struct ActiveGraph {
  const IndexedGraph* graph = nullptr;
};

struct PreparedRegexes;  // expression_evaluator.cpp
struct PreparedRegexesDeleter {
  void operator()(PreparedRegexes* r) const;
};

class Evaluator {
 public:
  Evaluator(const Dataset& dataset, const algebra::ParsedQuery& query, Deadline deadline, std::string base);
  /// Runs the query: bindings, boolean or graph.
  rdf::QueryResult run();
  /// A SELECT needs at most `rows` results (the caller's row cap): evaluation stops there where
  /// the query's shape allows.
  void cap_results(std::size_t rows) { result_cap_ = rows; }
  /// false: no planning (query/sparql/internal/planner.hpp, written_order): patterns joined as written, filters
  /// after their group. For comparing plans with the algebra's own order.
  void set_planning(bool on) { plan_ = on; }

  const rdf::Term& term(TermId id) const;
  TermId intern(const rdf::Term& t);
  /// The id of a term already known, or 0.
  TermId lookup(const rdf::Term& t) const;

 private:
  struct Solution {
    Row row;
    std::vector<Value> aggregates;
  };
  using Solutions = std::vector<Solution, BudgetAllocator<Solution>>;

  // queries (evaluator.cpp)
  Rows eval_query(const algebra::Query& q, std::vector<int>* projected);
  Rows eval_where(const algebra::Query& q);
  Solutions group(const algebra::Query& q, Rows rows);
  /// Whether group_as_rows_come() can evaluate `q`'s grouping.
  static bool groups_as_rows_come(const algebra::Query& q);
  /// group() for keys that are variables and aggregates that are COUNTs of rows or of a
  /// variable's values: each of the WHERE clause's solutions is counted as it is found, and none
  /// is held.
  Solutions group_as_rows_come(const algebra::Query& q);
  /// Whether a group's solution passes `q`'s HAVING conditions.
  bool passes_having(const algebra::Query& q, Solution& s);
  std::vector<rdf::Triple> construct(const algebra::Query& q, const Rows& rows);  // graph_forms.cpp
  std::vector<int> select_all_vars(const algebra::Query& q) const;

  // graph patterns (evaluator.cpp)
  Rows eval(const algebra::Pattern& p, Rows input, bool substitute);
  /// A UNION's rows: each branch's in turn. With a `cap`, at most that many, the first ones: a
  /// branch that gives enough ends it (an ASK over two branches answers from the first).
  Rows eval_union(const algebra::Pattern& p, Rows input, bool substitute, std::size_t cap = 0);
  /// With a `cap`, at most that many rows: the first ones the group would give. With a `sink`,
  /// the rows go to it, as the group's last pattern finds them where it can, and none is returned.
  Rows eval_group(const algebra::Pattern& g, Rows input, bool substitute, std::size_t cap = 0,
                  const RowSink* sink = nullptr);
  /// eval_group() but for the sink: the rows its last pattern gave to `sink` are not returned.
  Rows eval_group_rows(const algebra::Pattern& g, Rows input, bool substitute, std::size_t cap, const RowSink* sink);
  /// How many solutions of `q`'s WHERE clause its modifiers and the result cap can use (the
  /// first ones), or 0 for all.
  std::size_t solutions_needed(const algebra::Query& q) const;
  /// A filter of a group and whether it has been checked yet.
  struct PendingFilter {
    const algebra::Expr* expr = nullptr;
    bool checked = false;
  };
  /// Joins `triples` to `input` in the planner's order (internal/planner.hpp). It checks those
  /// of `filters` the plan takes (with `last`, the group's last element: all) and marks them
  /// checked; with a `cap`, at most that many rows (the first ones), searching no further. With a
  /// `sink`, each solution goes to it as it is found, and none is returned.
  Rows eval_bgp(const std::vector<algebra::TriplePattern>& triples, Rows input,
                std::vector<PendingFilter>* filters = nullptr, bool last = false, std::size_t cap = 0,
                const RowSink* sink = nullptr);
  /// The ids of a pattern's terms (0 for a variable or a path), each term looked up once a query.
  IdTriple pattern_ids(const algebra::TriplePattern& t);
  /// Gives `emit` each extension of `row` that matches one triple pattern, whose terms have the
  /// ids `ids` (0 for a variable), in the index's order, until it returns false. `hint` is the
  /// pattern's, kept over the evaluation of its group.
  template <class Emit>
  void extend(const algebra::TriplePattern& t, const IdTriple& ids, const Row& row, ScanHint& hint, Emit&& emit);
  Rows eval_graph(const algebra::Pattern& p, Rows input, bool substitute);
  // solution sequences (solutions.cpp)
  Rows join(Rows left, const Rows& right);
  Rows left_join(Rows left, const Rows& right,
                             const std::vector<algebra::ExprPtr>& filters);
  Rows minus(Rows left, const Rows& right);
  Rows values_rows(const algebra::ValuesTable& values);
  bool passes_one(const algebra::Expr& filter, const Row& row);
  bool passes(const std::vector<algebra::ExprPtr>& filters, const Row& row);
  bool passes(const std::vector<const algebra::Expr*>& filters, const Row& row);
  Row unit() const { return Row(width_, 0); }

  // property paths (path_evaluator.cpp)
  /// Pairs (subject, object) connected by `path`; 0 for an unbound end.
  Pairs eval_path(const algebra::Path& path, TermId s, TermId o);
  std::vector<TermId> path_closure(const algebra::Path& step, TermId start, bool forward, bool include_start);
  std::vector<TermId> graph_nodes();

  // expressions (expression_evaluator.cpp)
  Value eval_expr(const algebra::Expr& e, const Row& row, const std::vector<Value>* aggregates = nullptr);
  Value call(const algebra::Expr& e, const Row& row, const std::vector<Value>* aggregates);
  Value cast(const std::string& datatype, const Value& v);
  Value aggregate(const algebra::Expr& e, const std::vector<const Row*>& rows);
  bool exists(const algebra::Pattern& p, const Row& row);

  // CONSTRUCT and DESCRIBE (graph_forms.cpp)
  std::vector<rdf::Triple> describe(const std::vector<TermId>& resources);

  const Dataset& dataset_;
  const algebra::ParsedQuery& parsed_;
  Deadline deadline_;
  std::string base_;
  std::size_t width_;
  ActiveGraph active_;
  std::vector<TermId> named_;         ///< the named graphs visible to GRAPH
  IndexedGraph merged_default_;       ///< FROM with several graphs
  std::unordered_map<rdf::Term, TermId, TermHash> constant_ids_;  ///< the patterns' terms (pattern_ids())
  std::vector<rdf::Term> local_terms_;
  std::unordered_map<rdf::Term, TermId, TermHash> local_ids_;
  std::mt19937_64 random_{0x5eed};
  std::size_t blank_counter_ = 0;
  std::size_t result_cap_ = 0;
  std::string now_;
  std::unordered_map<std::string, TermId> bnode_per_row_;  ///< BNODE(str) within one row
  const Row* bnode_row_ = nullptr;
  /// The bound end a path search starts from came from a variable: a zero-length path then
  /// matches it only when it is a node of the graph (as for a pattern with two variables).
  bool path_start_from_var_ = false;
  bool plan_ = true;
  std::unique_ptr<PreparedRegexes, PreparedRegexesDeleter> regexes_;  ///< REGEX and REPLACE patterns, compiled once a query
};

}  // namespace policykg::query
