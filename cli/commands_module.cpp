// The commands module's entry: every subcommand, build --store and build -o FILE.pkgi included.
#include <algorithm>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "query/sparql/dataset.hpp"
#include "rdf/graph.hpp"
#include "rdf/model.hpp"
#include "rdf/store_spec.hpp"

namespace {

void load_store(const policykg::rdf::Graph& graph, const std::string& spec) {
  auto store = policykg::rdf::parse_store_spec(spec);
  store.create_if_missing = true;
  policykg::rdf::Model model(store);
  model.add(graph.to_triples());
}

void write_index(const policykg::rdf::Graph& graph, const std::filesystem::path& path,
                 const std::vector<std::filesystem::path>& inputs) {
  // as `policykg index` reads a file build wrote: sorted, without duplicates
  auto triples = graph.to_triples();
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  policykg::query::Dataset dataset;
  dataset.set_default(triples);
  dataset.write_index(path, inputs);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int policykg_run(int argc, char** argv) {
  using namespace policykg::cli;
  return run_app(argc, argv, [](CLI::App& app) {
    setup_build(app, load_store, write_index);
    setup_query(app);
    setup_responsible(app);
    setup_duties(app);
    setup_deps(app);
    setup_path(app);
    setup_impact(app);
    setup_export(app);
    setup_serve(app);
    setup_validate(app);
    setup_stats(app);
    setup_explain(app);
    setup_search(app);
    setup_diff(app);
    setup_index(app);
    setup_publish(app);
  });
}
