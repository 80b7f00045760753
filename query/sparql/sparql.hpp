// query::Sparql: the one entry point for SPARQL 1.1 queries. Parses the whole query into an
// algebra (query/sparql/sparql_parser.hpp), refuses what is unsafe (SERVICE, FROM to anything but the
// loaded data, updates), and evaluates it with policykg's own engine over an indexed snapshot of
// the graph (query/sparql/dataset.hpp, query/sparql/internal/evaluator.hpp), with a real timeout and a row limit.
// See query/README.md for what is native and why Rasqal is not on this path.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/sparql/dataset.hpp"
#include "rdf/model.hpp"
#include "rdf/query_result.hpp"
#include "rdf/term.hpp"

namespace policykg::query {

struct QueryOptions {
  std::chrono::milliseconds timeout{0};  ///< 0: none
  std::size_t limit = 0;                 ///< maximum result rows (or triples); 0: none
  /// Bytes the query may hold while it runs (query/sparql/memory_budget.hpp); 0: none.
  std::size_t max_memory = 0;
  /// Nesting the parser accepts (query/sparql/sparql_parser.hpp, ParseLimits::max_depth).
  std::size_t max_depth = 256;
  /// Base IRI for relative IRIs in a query without BASE; with neither, a relative IRI is
  /// Error(Syntax) at its place.
  std::string base;
  /// Prefixes the query may use undeclared (prefix without the colon -> namespace), e.g. from
  /// query::predefined_prefixes (query/prefixes.hpp); the query's own PREFIX lines override them.
  std::map<std::string, std::string, std::less<>> prefixes;
  /// Prepared questions: values for variables of the query (name without '?'), bound by a
  /// VALUES block added to the parsed query's WHERE clause, never pasted into the text. A name
  /// the query does not use is Error(Usage).
  std::map<std::string, rdf::Term> bindings;
  /// false: evaluate without the planner (query/sparql/internal/planner.hpp): triple patterns joined in the order
  /// written, each group's filters checked after it. Same results, usually slower: for testing.
  bool plan = true;
};

/// Query results: rdf::QueryResult and whether the row limit cut them.
struct Results : rdf::QueryResult {
  bool truncated = false;               ///< the row limit cut the results
};

/// Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). Throws policykg::Error:
/// Syntax ("query:LINE:COLUMN") for malformed queries, Usage for refused features (naming the
/// feature), Query with "timed out after N ms" for a timeout or "needs more than N MiB of memory"
/// past max_memory.
Results run(const rdf::Model& model, std::string_view sparql, const QueryOptions& options = {});
/// The same on a Dataset built once (a server answering many queries on one graph should keep
/// one Dataset: building it costs about as much as loading the graph). Named graphs of the
/// dataset are what GRAPH, FROM and FROM NAMED may select.
Results run(const Dataset& dataset, std::string_view sparql, const QueryOptions& options = {});

/// Parses the query as run does, without data: throws what run throws for a malformed query
/// (Error Syntax at its line and column) or a refused one (SERVICE, an update: Error Usage).
void check(std::string_view sparql, const QueryOptions& options = {});

/// Result formats for bindings/boolean results and for graph results.
enum class ResultFormat { Table, Json, Xml, Csv, Tsv, Turtle, NTriples, JsonLd };
std::optional<ResultFormat> result_format_from_name(std::string_view name);
/// The media type of a result format ("application/sparql-results+json", ...).
std::string_view media_type(ResultFormat f);
/// Writes results; throws Error(Usage) when the format does not fit the result kind (e.g. csv for
/// a graph). `base` is the instance base for graph serialisations and the table's `id:`. The
/// table is for people: IRIs shortened with the predefined prefixes (query/prefixes.hpp) and
/// literals as their text; `raw` shows the exact terms instead (<iri>, "text"@lang). Every other
/// format is the W3C's and ignores `raw`.
std::string write_results(const Results& results, ResultFormat format, std::string_view base = {}, bool raw = false);

}  // namespace policykg::query
