// The graph a command reads: --data FILE..., --store SPEC, --endpoint URL (a SPARQL 1.1 endpoint,
// for the commands that ask it), or (none of them) the graph built in memory from data/documents/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "query/sparql/dataset.hpp"
#include "remote/endpoint.hpp"
#include "rdf/model.hpp"

namespace policykg::cli {

struct GraphSource {
  std::vector<std::string> data;  ///< RDF files, any format build writes
  std::string store;              ///< store spec
  std::string base;               ///< instance base used when building from documents
  bool evidence = false;          ///< when building from documents, with the evidence of each fact
  bool verify_index = false;      ///< an index file's every section checksum is checked on opening
  std::string endpoint;           ///< SPARQL 1.1 Protocol endpoint URL
  std::vector<std::string> endpoint_graphs;  ///< its graphs that make the default graph (IRI, or PREFIX*)
  long long endpoint_timeout = 120;          ///< seconds to wait for each part of its answer
};

/// A named graph read from a file: --named FILE (called by the file's IRI) or IRI=FILE.
struct NamedGraphFile {
  std::string iri;
  std::filesystem::path file;
};
/// Whether `iri` is absolute: a scheme (a letter, then letters, digits, + - .), a colon, and no
/// character an IRI may not hold.
bool absolute_iri(const std::string& iri);
/// The --named specs (FILE or IRI=FILE), checked: absolute IRIs, no IRI twice. Throws Error(Usage).
std::vector<NamedGraphFile> named_graph_files(const std::vector<std::string>& specs);

/// Adds --data, --store and --base to a subcommand.
void add_graph_options(CLI::App& cmd, GraphSource& source);
/// Adds --endpoint, --endpoint-graph and --endpoint-timeout: the commands that can ask an endpoint
/// instead of reading a graph. `fetches_all` says in the help that the command fetches every triple.
void add_endpoint_options(CLI::App& cmd, GraphSource& source, bool fetches_all);
/// The endpoint --endpoint names, with credentials from the environment or a netrc file and the
/// graphs of --endpoint-graph (a PREFIX* resolved to the endpoint's named graphs under PREFIX).
remote::Endpoint open_endpoint(const GraphSource& source);

/// Opens the store or loads the files or builds the documents; throws Error naming the place.
rdf::Model load_graph(const GraphSource& source);
/// The same graph as triples, sorted and without duplicates, for commands that need no model:
/// --data files are parsed straight into triples (no Redland store); an index file's default graph
/// is decoded; an endpoint's default graph is fetched whole, in one CONSTRUCT query.
std::vector<rdf::Triple> load_triples(const GraphSource& source);
/// The --data file that is an index file (docs/index-format.md), recognised by its magic bytes, or
/// an empty path; an index is read alone (Error(Usage) when other --data files come with it).
std::filesystem::path index_file(const GraphSource& source);
/// The graph as a SPARQL dataset (its default graph): an index file memory-mapped, else what
/// load_triples gives, indexed in memory.
query::Dataset load_dataset(const GraphSource& source);
/// The instance base the source uses (the default when none was given).
std::string instance_base(const GraphSource& source);
/// The files the source reads (--data files, a sqlite store's file, or the documents), which an
/// output file must not replace.
std::vector<std::filesystem::path> input_files(const GraphSource& source);

}  // namespace policykg::cli
