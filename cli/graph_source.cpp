#include "cli/graph_source.hpp"

#include "builder/builder.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "rdf/error.hpp"

namespace policykg::cli {

void add_graph_options(CLI::App& cmd, GraphSource& source) {
  cmd.add_option("--data", source.data, "RDF files to read (Turtle, N-Triples, N-Quads, RDF/XML)")
      ->check(CLI::ExistingFile);
  cmd.add_option("--store", source.store, "store spec: memory, sqlite:PATH, postgresql:..., virtuoso:...");
  cmd.add_option("--base", source.base, "instance base IRI when building from data/documents/");
}

std::string instance_base(const GraphSource& source) {
  return source.base.empty() ? std::string(ns::kDefaultBase) : source.base;
}

rdf::Model load_graph(const GraphSource& source) {
  if (!source.data.empty() && !source.store.empty())
    throw Error(Error::Category::Usage, "--data/--store", "give either --data or --store, not both");
  if (!source.store.empty()) {
    auto spec = rdf::parse_store_spec(source.store);
    return rdf::Model(spec);
  }
  rdf::Model model;
  if (!source.data.empty()) {
    for (const auto& file : source.data) model.load_file(file);
    return model;
  }
  builder::Options options;
  options.base = instance_base(source);
  auto files = builder::list_documents(paths::documents_dir());
  model.add(builder::build_files(files, options));
  return model;
}

}  // namespace policykg::cli
