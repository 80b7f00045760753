// policykg index [DATA...] -o FILE [--named [IRI=]FILE...] [--base IRI]
// policykg index --verify FILE
// Writes the graph (DATA files, any RDF policykg reads; without them, the documents built) as one
// immutable index file (docs/index-format.md) that every command's --data opens by
// memory-mapping; --named adds named graphs as `query --named` does. The file is written
// atomically, and the same input gives the same bytes. --verify checks an index's header, section
// table and every section's checksum.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/index_builder.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/index_file.hpp"
#include "rdf/parser.hpp"

namespace policykg::cli {

namespace {

struct IndexCommand {
  GraphSource source;
  std::vector<std::string> named;
  std::string output;
  std::string verify;
};

void verify_index(const std::string& file) {
  auto dataset = query::Dataset::open_index(file, query::IndexCheck::Verify);
  std::size_t triples = dataset.default_graph().size();
  for (const auto& [iri, g] : dataset.named()) triples += g.size();
  std::cout << file << ": index format version " << rdf::kIndexVersion << ", every section's checksum matches; "
            << dataset.dictionary().size() - 1 << " terms, " << dataset.default_graph().size()
            << " triples in the default graph, " << dataset.named().size() << " named graph"
            << (dataset.named().size() == 1 ? "" : "s") << ", " << triples << " triples in all\n";
}

void run_index(const IndexCommand& o) {
  if (!o.verify.empty()) {
    if (!o.output.empty() || !o.source.data.empty() || !o.named.empty())
      throw Error(Error::Category::Usage, "index --verify", "--verify takes one index file and nothing else");
    verify_index(o.verify);
    return;
  }
  if (o.output.empty()) throw Error(Error::Category::Usage, "index", "give the index file to write with -o FILE");
  const auto named = named_graph_files(o.named);
  std::vector<std::filesystem::path> inputs = input_files(o.source);
  for (const auto& g : named) inputs.push_back(g.file);
  rdf::check_output_path(o.output, inputs);
  query::IndexBuilder::Written written;
  if (!o.source.data.empty() && index_file(o.source).empty()) {
    // RDF files: streamed into the builder, never held as triples of terms
    query::IndexBuilder builder;
    for (const auto& file : o.source.data) builder.add_file(file);
    for (const auto& g : named) {
      builder.start_named(g.iri);
      builder.add_file(g.file);
    }
    written = builder.write(o.output, inputs);
  } else {
    query::Dataset dataset = load_dataset(o.source);
    for (const auto& g : named) dataset.add_named(g.iri, rdf::parse_file(g.file));
    dataset.write_index(o.output, inputs);
    written = {dataset.default_graph().size(), dataset.named().size(), dataset.dictionary().size() - 1};
  }
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(o.output, ec);
  std::cerr << "indexed " << written.default_triples << " triples";
  if (written.named_graphs != 0)
    std::cerr << " and " << written.named_graphs << " named graph" << (written.named_graphs == 1 ? "" : "s");
  std::cerr << " (" << written.terms << " terms) into " << o.output << ", " << bytes << " bytes\n";
}

}  // namespace

void setup_index(CLI::App& app) {
  auto o = std::make_shared<IndexCommand>();
  auto* cmd = app.add_subcommand("index", "Write the graph as an index file that --data opens by memory-mapping");
  cmd->add_option("DATA", o->source.data,
                  "RDF files (Turtle, N-Triples, N-Quads, RDF/XML, or an index); without any, the documents built")
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->output,
                  "the index file to write (atomically; e.g. graph" + std::string(rdf::kIndexExtension) +
                      "); never one of the files read");
  cmd->add_option("--named", o->named,
                  "a named graph from an RDF file, called by the file's IRI, or IRI=FILE (repeatable)");
  cmd->add_option("--base", o->source.base, "instance base IRI when building from data/documents/");
  cmd->add_option("--verify", o->verify, "check an index file: its header, section table and every section's checksum")
      ->check(CLI::ExistingFile);
  cmd->footer("Exit status: 0 on success, 1 on bad input or a damaged index (one line naming the file and the "
              "problem), 2 on a usage error.");
  cmd->callback([o] { run_index(*o); });
}

}  // namespace policykg::cli
