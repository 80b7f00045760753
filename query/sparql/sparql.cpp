#include "query/sparql/sparql.hpp"

#include "core/error.hpp"
#include "query/sparql/internal/evaluator.hpp"
#include "query/sparql/memory_budget.hpp"
#include "query/sparql/sparql_parser.hpp"

namespace policykg::query {

namespace {

/// Prepared questions: the bound values become a one-row VALUES block at the head of the WHERE
/// group, so they are terms of the algebra and can never change the query's shape.
void bind_values(algebra::ParsedQuery& parsed, const std::map<std::string, rdf::Term>& bindings) {
  if (bindings.empty()) return;
  algebra::Pattern values;
  values.kind = algebra::Pattern::Kind::Values;
  values.values.rows.emplace_back();
  for (const auto& [name, value] : bindings) {
    std::string n = (!name.empty() && (name[0] == '?' || name[0] == '$')) ? name.substr(1) : name;
    auto slot = parsed.variables.find(n);
    if (!slot) throw Error(Error::Category::Usage, "query", "variable ?" + n + " is not in the query");
    values.values.vars.push_back(*slot);
    values.values.rows[0].push_back(value);
  }
  auto& q = parsed.query;
  if (!q.where) {
    q.where = algebra::Pattern{};
    q.where->kind = algebra::Pattern::Kind::Group;
  }
  q.where->children.insert(q.where->children.begin(), std::move(values));
}

/// The query parsed as `options` say, with their bindings added; `deadline` bounds the parse.
algebra::ParsedQuery parse(std::string_view sparql, const QueryOptions& options, Deadline& deadline) {
  ParseLimits limits;
  limits.max_depth = options.max_depth;
  limits.deadline = &deadline;
  auto parsed = parse_sparql(sparql, options.base, limits, options.prefixes);
  bind_values(parsed, options.bindings);
  return parsed;
}

}  // namespace

Results run(const Dataset& dataset, std::string_view sparql, const QueryOptions& options) {
  Deadline deadline(options.timeout);
  const auto parsed = parse(sparql, options, deadline);
  MemoryBudget budget(options.max_memory);
  MemoryBudget::Scope scope(budget);
  Evaluator evaluator(dataset, parsed, deadline, options.base);
  evaluator.set_planning(options.plan);
  // one row more than the cap, to know whether the cap cut the results
  if (options.limit > 0) evaluator.cap_results(options.limit + 1);
  Results results;
  static_cast<rdf::QueryResult&>(results) = evaluator.run();
  if (options.limit > 0) {
    if (results.kind == rdf::QueryResult::Kind::Bindings && results.rows.size() > options.limit) {
      results.rows.resize(options.limit);
      results.truncated = true;
    } else if (results.kind == rdf::QueryResult::Kind::Graph && results.triples.size() > options.limit) {
      results.triples.resize(options.limit);
      results.truncated = true;
    }
  }
  return results;
}

void check(std::string_view sparql, const QueryOptions& options) {
  Deadline deadline(options.timeout);
  (void)parse(sparql, options, deadline);
}

Results run(const rdf::Model& model, std::string_view sparql, const QueryOptions& options) {
  check(sparql, options);  // a malformed or refused query fails before the snapshot is taken
  Dataset dataset(model);
  return run(dataset, sparql, options);
}

}  // namespace policykg::query
