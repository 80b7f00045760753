// Evaluator: runs an algebra::ParsedQuery over a Dataset. Solutions are rows of term ids, one
// slot per query variable. Basic graph patterns are joined by index lookups in an order chosen by
// estimated selectivity (evaluator.cpp), property paths by breadth-first search over the indexes
// (path_evaluator.cpp), expressions and builtin functions in expression_evaluator.cpp, DESCRIBE's
// concise bounded description in describe.cpp. Internal to query/.
#pragma once

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/algebra.hpp"
#include "query/dataset.hpp"
#include "query/deadline.hpp"
#include "rdf/query_runner.hpp"

namespace policykg::query {

using Row = std::vector<TermId>;
using Value = std::optional<rdf::Term>;  ///< nullopt: an expression error (or unbound)

/// The graphs a pattern is matched against.
struct ActiveGraph {
  const IndexedGraph* graph = nullptr;
};

class Evaluator {
 public:
  Evaluator(const Dataset& dataset, const algebra::ParsedQuery& query, Deadline deadline, std::string base);
  /// Runs the query: bindings, boolean or graph.
  rdf::QueryResult run();

  const rdf::Term& term(TermId id) const;
  TermId intern(const rdf::Term& t);
  /// The id of a term already known, or 0.
  TermId lookup(const rdf::Term& t) const;

 private:
  struct Solution {
    Row row;
    std::vector<Value> aggregates;
  };

  // queries (evaluator.cpp)
  std::vector<Row> eval_query(const algebra::Query& q, std::vector<int>* projected);
  std::vector<Row> eval_where(const algebra::Query& q);
  std::vector<Solution> group(const algebra::Query& q, std::vector<Row> rows);
  std::vector<rdf::Triple> construct(const algebra::Query& q, const std::vector<Row>& rows);
  std::vector<int> select_all_vars(const algebra::Query& q) const;

  // graph patterns (evaluator.cpp)
  std::vector<Row> eval(const algebra::Pattern& p, std::vector<Row> input, bool substitute);
  std::vector<Row> eval_group(const algebra::Pattern& g, std::vector<Row> input, bool substitute);
  std::vector<Row> eval_bgp(const std::vector<algebra::TriplePattern>& triples, std::vector<Row> input);
  std::vector<Row> eval_graph(const algebra::Pattern& p, std::vector<Row> input, bool substitute);
  std::vector<Row> join(std::vector<Row> left, const std::vector<Row>& right);
  std::vector<Row> left_join(std::vector<Row> left, const std::vector<Row>& right,
                             const std::vector<algebra::ExprPtr>& filters);
  std::vector<Row> minus(std::vector<Row> left, const std::vector<Row>& right);
  std::vector<Row> values_rows(const algebra::ValuesTable& values);
  bool passes(const std::vector<algebra::ExprPtr>& filters, const Row& row);
  Row unit() const { return Row(width_, 0); }
  TermId node_id(const algebra::Node& n, const Row& row);
  double estimate(const algebra::TriplePattern& t, const std::vector<bool>& bound);

  // property paths (path_evaluator.cpp)
  /// Pairs (subject, object) connected by `path`; 0 for an unbound end.
  std::vector<std::pair<TermId, TermId>> eval_path(const algebra::Path& path, TermId s, TermId o);
  std::vector<TermId> path_closure(const algebra::Path& step, TermId start, bool forward, bool include_start);
  std::vector<TermId> graph_nodes();

  // expressions (expression_evaluator.cpp)
  Value eval_expr(const algebra::Expr& e, const Row& row, const std::vector<Value>* aggregates = nullptr);
  Value call(const algebra::Expr& e, const Row& row, const std::vector<Value>* aggregates);
  Value cast(const std::string& datatype, const Value& v);
  Value aggregate(const algebra::Expr& e, const std::vector<const Row*>& rows);
  bool exists(const algebra::Pattern& p, const Row& row);

  // DESCRIBE (describe.cpp)
  std::vector<rdf::Triple> describe(const std::vector<TermId>& resources);

  const Dataset& dataset_;
  const algebra::ParsedQuery& parsed_;
  Deadline deadline_;
  std::string base_;
  std::size_t width_;
  ActiveGraph active_;
  std::vector<TermId> named_;         ///< the named graphs visible to GRAPH
  IndexedGraph merged_default_;       ///< FROM with several graphs
  std::vector<rdf::Term> local_terms_;
  std::unordered_map<rdf::Term, TermId, TermHash> local_ids_;
  std::mt19937_64 random_{0x5eed};
  std::size_t blank_counter_ = 0;
  std::string now_;
  std::unordered_map<std::string, TermId> bnode_per_row_;  ///< BNODE(str) within one row
  const Row* bnode_row_ = nullptr;
  /// The bound end a path search starts from came from a variable: a zero-length path then
  /// matches it only when it is a node of the graph (as for a pattern with two variables).
  bool path_start_from_var_ = false;
};

}  // namespace policykg::query
