// policykg impact DOCUMENT [--data FILE...|--store SPEC|--endpoint URL] [--format text|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::cli {

namespace {

struct ImpactOptions : TraversalOptions {
  std::string document;
};

void run_impact(const ImpactOptions& o) {
  TraversalInput in(o.source, {o.document}, query::impact_reach());
  query::Vertex document = in.entities.front();
  auto answers = query::impact(in.view, document);
  if (o.format == "json") {
    nlohmann::json j = {{"document", query::node_json(in.view, document)}, {"impact", nlohmann::json::array()}};
    for (const auto& i : answers)
      j["impact"].push_back({{"unit", query::node_json(in.view, i.unit)},
                             {"how", i.how},
                             {"route", query::route_json(in.view, i.route)}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Impact of " << in.describe(document) << ": " << answers.size() << "\n";
  for (const auto& i : answers)
    std::cout << "  " << in.describe(i.unit) << ", " << i.how << "\n    " << in.route(i.route) << "\n";
}

}  // namespace

void setup_impact(CLI::App& app) {
  auto options = std::make_shared<ImpactOptions>();
  auto* cmd = app.add_subcommand(
      "impact", "Every unit that depends on, references or is overridden through a document, "
                "and transitively what depends on those");
  cmd->add_option("DOCUMENT", options->document, "the document (or unit) (ENTITY)")->required();
  add_traversal_options(*cmd, *options, {"text", "json"}, true);
  cmd->callback([options] { run_impact(*options); });
}

}  // namespace policykg::cli
