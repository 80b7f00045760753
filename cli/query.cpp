// policykg query (QUERY_FILE | -e SPARQL | -) [--data FILE...|--store SPEC|--endpoint URL] [--named [IRI=]FILE...]
//                [--query-base IRI] [--check] [--format F] [--raw] [--timeout MS] [--limit N]
//                [--max-memory MIB] [--max-depth N] [-o OUT]
// Runs a SPARQL 1.1 query. --data (or --store, or the documents) is the default graph; each
// --named FILE is a named graph called by the file's IRI (rdf::file_iri: file:// and its absolute
// path, as the W3C manifests name their qt:graphData), --named IRI=FILE by the IRI given. With
// --named alone the default graph is empty. The predefined prefixes (query/prefixes.hpp: pol:,
// rdfs:, skos:, dcterms:, org:, ..., and id: for the instance base) need no PREFIX line; a query
// may redeclare them. A relative IRI needs the query's own BASE or --query-base. With --endpoint
// the query goes to that SPARQL endpoint, with PREFIX lines for the predefined prefixes it uses,
// and its answer is written as a local one is.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "query/prefixes.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/memory_budget.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/parser.hpp"
#include "remote/endpoint.hpp"

namespace policykg::cli {

namespace {

struct QueryCommand {
  GraphSource source;
  std::vector<std::string> named;  ///< FILE or IRI=FILE
  std::string query_base;          ///< base IRI of a query without BASE
  bool check = false;              ///< only parse the query
  std::string file;
  std::string expression;
  std::string format = "table";
  bool raw = false;
  bool no_plan = false;            ///< join patterns as written (query/sparql/internal/planner.hpp)
  std::string output;
  long long timeout_ms = 0;
  std::size_t limit = 0;
  std::size_t max_memory_mib = query::physical_memory_fraction(0.5) >> 20;
  std::size_t max_depth = query::QueryOptions{}.max_depth;
};

std::string read_query(const QueryCommand& o) {
  if (!o.expression.empty() && !o.file.empty())
    throw Error(Error::Category::Usage, "query", "give a query file or -e SPARQL, not both");
  if (!o.expression.empty()) return o.expression;
  if (o.file.empty()) throw Error(Error::Category::Usage, "query", "give a query file, - for standard input, or -e SPARQL");
  std::stringstream ss;
  if (o.file == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw Error(Error::Category::Io, o.file, "cannot read the query file");
    ss << in.rdbuf();
  }
  std::string text = ss.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(Error::Category::Input, o.file == "-" ? "<stdin>" : o.file, "the query is empty");
  return text;
}

void write_output(const QueryCommand& o, const query::Results& results, const std::vector<std::filesystem::path>& inputs) {
  std::string out = query::write_results(results, *query::result_format_from_name(o.format), instance_base(o.source), o.raw);
  if (o.output.empty()) std::cout << out;
  else rdf::write_file_atomically(o.output, out, inputs);
  if (results.truncated)
    std::cerr << "policykg: results truncated to " << o.limit << (results.kind == rdf::QueryResult::Kind::Graph ? " triples" : " rows")
              << " by --limit\n";
}

// --endpoint: the query goes to the endpoint with the prologue it relies on, and its answer is
// written as a local one is; --limit cuts it here.
void run_remote_query(const QueryCommand& o, const std::string& text, const query::QueryOptions& options,
                      const std::vector<std::filesystem::path>& inputs) {
  GraphSource source = o.source;
  if (o.timeout_ms > 0) source.endpoint_timeout = std::max(1LL, (o.timeout_ms + 999) / 1000);
  remote::Endpoint endpoint = open_endpoint(source);
  remote::Answer answer = endpoint.run(remote::prepare_query(text, options));
  query::Results results;
  static_cast<rdf::QueryResult&>(results) = std::move(answer.result);
  if (o.limit > 0 && results.rows.size() > o.limit) results.rows.resize(o.limit), results.truncated = true;
  if (o.limit > 0 && results.triples.size() > o.limit) results.triples.resize(o.limit), results.truncated = true;
  write_output(o, results, inputs);
  if (answer.server_limit)
    std::cerr << "policykg: the endpoint cut its answer at " << *answer.server_limit
              << (results.kind == rdf::QueryResult::Kind::Graph ? " triples" : " rows") << " (its own limit)\n";
}

void run_query(const QueryCommand& o) {
  auto format = query::result_format_from_name(o.format);
  if (!format) throw Error(Error::Category::Usage, "--format", "unknown format '" + o.format + "'");
  if (!o.query_base.empty() && !absolute_iri(o.query_base))
    throw Error(Error::Category::Usage, "--query-base", "'" + o.query_base + "' is not an absolute IRI");
  const auto named = named_graph_files(o.named);
  if (!o.source.endpoint.empty() && !named.empty())
    throw Error(Error::Category::Usage, "--named", "reads local files: not with --endpoint (use GRAPH or FROM NAMED in the query)");
  // --named alone: the default graph is empty, not the documents built
  const bool default_graph = named.empty() || !o.source.data.empty() || !o.source.store.empty();
  // The output is checked before any work: never the query file or the data, a folder, a device or a FIFO.
  std::vector<std::filesystem::path> inputs;
  if (!o.check && default_graph) inputs = input_files(o.source);
  for (const auto& g : named) inputs.push_back(g.file);
  if (!o.file.empty() && o.file != "-") inputs.emplace_back(o.file);
  if (!o.output.empty()) rdf::check_output_path(o.output, inputs);
  std::string text = read_query(o);
  const std::string base = instance_base(o.source);
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(o.timeout_ms);
  options.limit = o.limit;
  options.max_memory = o.max_memory_mib << 20;
  options.max_depth = o.max_depth;
  options.plan = !o.no_plan;
  options.prefixes = query::predefined_prefix_map(base);
  options.base = o.query_base;
  // errors at "query:LINE:COLUMN" name the query file
  auto in_query_file = [&](const Error& e) {
    std::string where = e.where();
    if (!o.file.empty() && o.file != "-" && where.starts_with("query")) where = o.file + where.substr(5);
    return Error(e.category(), where, e.what());
  };
  // a malformed query fails before any data is read
  try {
    query::check(text, options);
  } catch (const Error& e) {
    throw in_query_file(e);
  }
  if (o.check) return;
  if (!o.source.endpoint.empty()) return run_remote_query(o, text, options, inputs);
  query::Dataset dataset;
  if (default_graph) dataset = load_dataset(o.source);
  for (const auto& g : named) dataset.add_named(g.iri, rdf::parse_file(g.file));
  query::Results results;
  try {
    results = query::run(dataset, text, options);
  } catch (const Error& e) {
    throw in_query_file(e);
  }
  write_output(o, results, inputs);
}

}  // namespace

void setup_query(CLI::App& app) {
  auto o = std::make_shared<QueryCommand>();
  auto* cmd = app.add_subcommand("query", "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)");
  cmd->add_option("QUERY_FILE", o->file, "file holding the query, or - for standard input");
  cmd->add_option("-e,--expression", o->expression, "the query text");
  add_graph_options(*cmd, o->source);
  add_endpoint_options(*cmd, o->source, false);
  cmd->add_option("--named", o->named,
                  "named graph from an RDF file, called by the file's IRI (file:// and its absolute path); "
                  "IRI=FILE calls it by the IRI given. Repeatable; with --named alone the default graph is empty");
  cmd->add_option("--query-base", o->query_base,
                  "base IRI for the query's relative IRIs when it has no BASE (without either, a relative IRI is an "
                  "error); its file's IRI, file:///.../q.rq, makes <g.ttl> the graph --named g.ttl beside it");
  cmd->add_flag("--check", o->check,
                "only check the query: exit 0 when it is well formed, else 1 with the line and column of the "
                "error (2 for what policykg refuses: SERVICE, updates); reads no data and writes nothing");
  cmd->add_option("--format", o->format, "table, json, xml, csv, tsv (bindings); turtle, ntriples, jsonld (graphs)")
      ->check(CLI::IsMember({"table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"}));
  cmd->add_flag("--raw", o->raw, "table: show exact terms (<iri>, \"text\"@lang) instead of prefixed names and plain text");
  cmd->add_option("--timeout", o->timeout_ms, "stop the query after this many milliseconds (0: never)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--limit", o->limit, "keep at most this many rows or triples, saying so when it cuts");
  cmd->add_option("--max-memory", o->max_memory_mib,
                  "stop the query when it needs more than this many MiB (0: no limit; default half the machine's memory)")
      ->capture_default_str();
  cmd->add_option("--max-depth", o->max_depth,
                  "refuse queries nested deeper than this (groups, parentheses, paths, blank nodes)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_flag("--no-plan", o->no_plan,
                "evaluate without the planner: triple patterns joined in the order written and each group's "
                "filters checked after it (the same results, usually slower: to compare or to check the planner)");
  cmd->add_option("-o,--output", o->output, "write the results to this file (atomically) instead of standard output; a symbolic link's "
                  "target is replaced; never the query file or the data");
  cmd->callback([o] { run_query(*o); });
}

}  // namespace policykg::cli
