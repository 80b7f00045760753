// policykg stats [--data FILE...|--store SPEC|--endpoint URL] [--format table|json]
// With --endpoint the endpoint counts, in four aggregate queries (remote/graph_stats.hpp).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "remote/graph_stats.hpp"
#include "validate/graph_stats.hpp"

namespace policykg::cli {

namespace {

struct StatsOptions {
  GraphSource source;
  std::string format = "table";
};

void run_stats(const StatsOptions& o) {
  validate::GraphStats stats;
  if (!o.source.endpoint.empty()) {
    remote::Endpoint endpoint = open_endpoint(o.source);
    stats = remote::graph_stats(endpoint);
  } else {
    stats = validate::graph_stats(load_graph(o.source));
  }
  if (o.format == "json") std::cout << validate::to_json(stats).dump(2) << "\n";
  else std::cout << validate::to_table(stats, instance_base(o.source));
}

}  // namespace

void setup_stats(CLI::App& app) {
  auto options = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", "Counts by class and property");
  add_graph_options(*cmd, options->source);
  add_endpoint_options(*cmd, options->source, false);
  cmd->add_option("--format", options->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([options] { run_stats(*options); });
}

}  // namespace policykg::cli
