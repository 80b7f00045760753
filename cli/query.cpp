// policykg query (QUERY_FILE | -e SPARQL | -) [--data FILE...|--store SPEC] [--format F]
//                [--timeout MS] [--limit N] [--max-memory MIB] [--max-depth N] [-o OUT]
// Runs a SPARQL 1.1 query. The project's prefixes (pol:, rdfs:, skos:, dcterms:, org:, ..., and
// id: for the instance base) are predeclared; a query may redeclare them.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "ontology/terms.hpp"
#include "query/dataset.hpp"
#include "query/memory_budget.hpp"
#include "query/sparql.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/error.hpp"

namespace policykg::cli {

namespace {

struct QueryCommand {
  GraphSource source;
  std::string file;
  std::string expression;
  std::string format = "table";
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

// The prefix declarations put before the query, on its first line so that line numbers of
// errors stay those of the user's text.
std::string prologue(const std::string& base) {
  std::string out;
  for (const auto& p : ns::kPrefixes) out += "PREFIX " + std::string(p.prefix) + ": <" + std::string(p.iri) + "> ";
  return out + "PREFIX id: <" + base + "> ";
}

// Rasqal wants BASE before every PREFIX, and the predeclared prefixes come first: a leading
// "BASE <iri>" is blanked out of the text (keeping every position) and passed as the base instead.
std::string take_base(std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i])) != 0) { ++i; continue; }
    if (text[i] == '#') { i = text.find('\n', i); if (i == std::string::npos) return {}; continue; }
    break;
  }
  if (text.size() < i + 4) return {};
  std::string word = text.substr(i, 4);
  for (auto& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (word != "BASE") return {};
  std::size_t open = text.find('<', i + 4), close = text.find('>', open == std::string::npos ? i : open);
  if (open == std::string::npos || close == std::string::npos) return {};
  if (text.find_first_not_of(" \t\r\n", i + 4) != open) return {};
  std::string base = text.substr(open + 1, close - open - 1);
  for (std::size_t k = i; k <= close; ++k)
    if (text[k] != '\n') text[k] = ' ';
  return base;
}

void run_query(const QueryCommand& o) {
  auto format = query::result_format_from_name(o.format);
  if (!format) throw Error(Error::Category::Usage, "--format", "unknown format '" + o.format + "'");
  // The output is checked before any work: never the query file or the data, a folder, a device or a FIFO.
  std::vector<std::filesystem::path> inputs = input_files(o.source);
  if (!o.file.empty() && o.file != "-") inputs.emplace_back(o.file);
  if (!o.output.empty()) rdf::check_output_path(o.output, inputs);
  std::string text = read_query(o);
  query::Dataset dataset;
  dataset.set_default(load_triples(o.source));
  const std::string base = instance_base(o.source);
  const std::string head = prologue(base);
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(o.timeout_ms);
  options.limit = o.limit;
  options.max_memory = o.max_memory_mib << 20;
  options.max_depth = o.max_depth;
  options.base = take_base(text);
  query::Results results;
  try {
    results = query::run(dataset, head + text, options);
  } catch (const Error& e) {
    // Errors on the first line are placed after the prologue: give the user's column back.
    std::string where = e.where();
    const std::string first = "query:1:";
    if (where.starts_with(first)) {
      long column = std::stol(where.substr(first.size())) - static_cast<long>(head.size());
      where = first + std::to_string(std::max(1L, column));
    }
    if (!o.file.empty() && o.file != "-" && where.starts_with("query")) where = o.file + where.substr(5);
    throw Error(e.category(), where, e.what());
  }
  std::string out = query::write_results(results, *format, base);
  if (o.output.empty()) std::cout << out;
  else rdf::write_file_atomically(o.output, out, inputs);
  if (results.truncated)
    std::cerr << "policykg: results truncated to " << o.limit << (results.kind == rdf::QueryResult::Kind::Graph ? " triples" : " rows")
              << " by --limit\n";
}

}  // namespace

void setup_query(CLI::App& app) {
  auto o = std::make_shared<QueryCommand>();
  auto* cmd = app.add_subcommand("query", "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)");
  cmd->add_option("QUERY_FILE", o->file, "file holding the query, or - for standard input");
  cmd->add_option("-e,--expression", o->expression, "the query text");
  add_graph_options(*cmd, o->source);
  cmd->add_option("--format", o->format, "table, json, xml, csv, tsv (bindings); turtle, ntriples, jsonld (graphs)")
      ->check(CLI::IsMember({"table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld"}));
  cmd->add_option("--timeout", o->timeout_ms, "stop the query after this many milliseconds (0: never)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--limit", o->limit, "keep at most this many rows or triples, saying so when it cuts");
  cmd->add_option("--max-memory", o->max_memory_mib,
                  "stop the query when it needs more than this many MiB (0: no limit; default half the machine's memory)")
      ->capture_default_str();
  cmd->add_option("--max-depth", o->max_depth,
                  "refuse queries nested deeper than this (groups, parentheses, paths, blank nodes)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_option("-o,--output", o->output, "write the results to this file (atomically) instead of standard output; a symbolic link's "
                  "target is replaced; never the query file or the data");
  cmd->callback([o] { run_query(*o); });
}

}  // namespace policykg::cli
