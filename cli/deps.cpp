// policykg deps ENTITY [--reverse] [--depth N] [--data FILE...|--store SPEC|--endpoint URL] [--format text|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::cli {

namespace {

struct DepsCommandOptions : TraversalOptions {
  std::string entity;
  query::DepsOptions deps;
};

void run_deps(const DepsCommandOptions& o) {
  TraversalInput in(o.source, {o.entity}, query::deps_reach(o.deps.reverse));
  query::Vertex unit = in.entities.front();
  auto report = query::deps(in.view, unit, o.deps);
  if (o.format == "json") {
    nlohmann::json j = {{"entity", query::node_json(in.view, unit)},
                        {"reverse", o.deps.reverse},
                        {"depth", o.deps.depth},
                        {"dependencies", nlohmann::json::array()},
                        {"cycles", nlohmann::json::array()}};
    for (const auto& d : report.dependencies)
      j["dependencies"].push_back({{"unit", query::node_json(in.view, d.unit)},
                                   {"depth", d.depth},
                                   {"route", query::route_json(in.view, d.route)}});
    for (const auto& c : report.cycles) j["cycles"].push_back(query::route_json(in.view, c));
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << (o.deps.reverse ? "What depends on " : "Dependencies of ") << in.describe(unit);
  if (o.deps.depth) std::cout << " (depth " << o.deps.depth << ")";
  std::cout << ": " << report.dependencies.size() << "\n";
  for (const auto& d : report.dependencies)
    std::cout << "  " << d.depth << "  " << in.describe(d.unit) << "\n     " << in.route(d.route) << "\n";
  if (!report.cycles.empty()) {
    std::cout << "Cycles: " << report.cycles.size() << "\n";
    for (const auto& c : report.cycles) std::cout << "  " << in.route(c) << "\n";
  }
}

}  // namespace

void setup_deps(CLI::App& app) {
  auto options = std::make_shared<DepsCommandOptions>();
  auto* cmd = app.add_subcommand(
      "deps", "Transitive dependencies of a unit (pol:dependsOn), or what depends on it; cycles are reported");
  cmd->add_option("ENTITY", options->entity, "the measure, unit or document")->required();
  cmd->add_flag("--reverse", options->deps.reverse, "what depends on ENTITY instead");
  cmd->add_option("--depth", options->deps.depth, "follow at most N pol:dependsOn edges (default: no limit)")
      ->check(CLI::PositiveNumber);
  add_traversal_options(*cmd, *options, {"text", "json"}, true);
  cmd->callback([options] { run_deps(*options); });
}

}  // namespace policykg::cli
