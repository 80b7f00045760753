// policykg path ENTITY ENTITY [--via PREDICATE...] [--data FILE...|--store SPEC|--endpoint URL] [--format text|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "core/error.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::cli {

namespace {

struct PathOptions : TraversalOptions {
  std::string from, to;
  std::vector<std::string> via;
};

void run_path(const PathOptions& o) {
  std::set<std::string> predicates;
  for (const auto& p : o.via) {
    std::string iri = query::expand_entity(p, instance_base(o.source));
    if (iri.empty()) throw Error(Error::Category::Usage, "--via " + p, "give a predicate as an IRI or prefixed name");
    predicates.insert(iri);
  }
  TraversalInput in(o.source, {o.from, o.to}, query::path_reach(predicates));
  query::Vertex from = in.entities[0];
  query::Vertex to = in.entities[1];
  auto route = query::shortest_path(in.view, from, to, predicates);
  if (o.format == "json") {
    nlohmann::json j = {{"from", query::node_json(in.view, from)},
                        {"to", query::node_json(in.view, to)},
                        {"length", route ? nlohmann::json(route->size()) : nlohmann::json()},
                        {"route", route ? query::route_json(in.view, *route) : nlohmann::json()}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  if (!route) {
    std::cout << "No connection between " << in.describe(from) << " and " << in.describe(to) << "\n";
    return;
  }
  std::cout << "Path from " << in.describe(from) << " to " << in.describe(to) << ": " << route->size()
            << (route->size() == 1 ? " edge\n" : " edges\n");
  std::cout << "  " << in.describe(from) << "\n";
  for (const auto& hop : route->hops) {
    std::string p = query::compact_iri(hop.predicate, in.base);
    std::cout << "  " << (hop.forward ? "--" + p + "--> " : "<--" + p + "-- ") << in.describe(hop.to) << "\n";
  }
}

}  // namespace

void setup_path(CLI::App& app) {
  auto options = std::make_shared<PathOptions>();
  auto* cmd = app.add_subcommand(
      "path", "Shortest connection between two resources, following edges in either direction, edge labels shown");
  cmd->add_option("FROM", options->from, "the first resource (ENTITY)")->required();
  cmd->add_option("TO", options->to, "the second resource (ENTITY)")->required();
  cmd->add_option("--via", options->via, "only these predicates (IRIs or prefixed names; default: all)");
  add_traversal_options(*cmd, *options, {"text", "json"}, true);
  cmd->callback([options] { run_path(*options); });
}

}  // namespace policykg::cli
