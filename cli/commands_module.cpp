// The commands module's entry: every subcommand, build --store included.
#include "cli/app.hpp"
#include "cli/commands.hpp"
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

}  // namespace

extern "C" __attribute__((visibility("default"))) int policykg_run(int argc, char** argv) {
  using namespace policykg::cli;
  return run_app(argc, argv, [](CLI::App& app) {
    setup_build(app, load_store);
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
  });
}
