#include "cli/graph_source.hpp"

#include <algorithm>
#include <iterator>

#include "builder/builder.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "rdf/error.hpp"
#include "rdf/parser.hpp"
#include "rdf/store_spec.hpp"

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

std::vector<std::filesystem::path> input_files(const GraphSource& source) {
  if (!source.store.empty()) {
    rdf::StoreSpec spec = rdf::parse_store_spec(source.store);
    if (spec.kind == rdf::StoreSpec::Kind::Sqlite) return {spec.location};
    return {};
  }
  if (source.data.empty()) return builder::list_documents(paths::documents_dir());
  return {source.data.begin(), source.data.end()};
}

namespace {

void check_one_source(const GraphSource& source) {
  if (!source.data.empty() && !source.store.empty())
    throw Error(Error::Category::Usage, "--data/--store", "give either --data or --store, not both");
}

std::vector<rdf::Triple> build_documents(const GraphSource& source) {
  builder::Options options;
  options.base = instance_base(source);
  options.evidence = source.evidence;
  return builder::build_files(builder::list_documents(paths::documents_dir()), options);
}

}  // namespace

rdf::Model load_graph(const GraphSource& source) {
  check_one_source(source);
  if (!source.store.empty()) return rdf::Model(rdf::parse_store_spec(source.store));
  rdf::Model model;
  if (!source.data.empty()) {
    for (const auto& file : source.data) model.load_file(file);
    return model;
  }
  model.add(build_documents(source));
  return model;
}

std::vector<rdf::Triple> load_triples(const GraphSource& source) {
  check_one_source(source);
  if (!source.store.empty()) return rdf::Model(rdf::parse_store_spec(source.store)).sorted_triples();
  if (source.data.empty()) return build_documents(source);  // sorted and free of duplicates
  std::vector<rdf::Triple> triples;
  for (const auto& file : source.data) {
    auto more = rdf::parse_file(file);
    if (triples.empty()) triples = std::move(more);
    else triples.insert(triples.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  if (!std::is_sorted(triples.begin(), triples.end())) std::sort(triples.begin(), triples.end());  // build writes sorted files
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  return triples;
}

}  // namespace policykg::cli
