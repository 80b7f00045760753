// The graph a command reads: --data FILE..., --store SPEC, or (neither) the graph built in
// memory from data/documents/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "rdf/model.hpp"

namespace policykg::cli {

struct GraphSource {
  std::vector<std::string> data;  ///< RDF files, any format build writes
  std::string store;              ///< store spec
  std::string base;               ///< instance base used when building from documents
  bool evidence = false;          ///< when building from documents, with the evidence of each fact
};

/// Adds --data, --store and --base to a subcommand.
void add_graph_options(CLI::App& cmd, GraphSource& source);
/// Opens the store or loads the files or builds the documents; throws Error naming the place.
rdf::Model load_graph(const GraphSource& source);
/// The same graph as triples, sorted and without duplicates, for commands that need no model:
/// --data files are parsed straight into triples (no Redland store).
std::vector<rdf::Triple> load_triples(const GraphSource& source);
/// The instance base the source uses (the default when none was given).
std::string instance_base(const GraphSource& source);
/// The files the source reads (--data files, a sqlite store's file, or the documents), which an
/// output file must not replace.
std::vector<std::filesystem::path> input_files(const GraphSource& source);

}  // namespace policykg::cli
