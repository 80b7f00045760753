// policykg duties ENTITY [--include-sub] [--data FILE...|--store SPEC] [--format text|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "query/traversal.hpp"

namespace policykg::cli {

namespace {

struct DutiesOptions : TraversalOptions {
  std::string entity;
  bool include_sub = false;
};

void run_duties(const DutiesOptions& o) {
  TraversalInput in(o.source);
  query::Vertex agency = in.resolver.resolve(o.entity);
  auto answers = query::duties(in.view, agency, o.include_sub);
  if (o.format == "json") {
    nlohmann::json j = {{"entity", query::node_json(in.view, agency)},
                        {"include_sub", o.include_sub},
                        {"duties", nlohmann::json::array()}};
    for (const auto& d : answers)
      j["duties"].push_back({{"unit", query::node_json(in.view, d.unit)},
                             {"party", query::node_json(in.view, d.party)},
                             {"roles", query::roles(in.view, d.unit, d.party)},
                             {"route", query::route_json(in.view, d.route)}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Duties of " << in.describe(agency) << (o.include_sub ? " and its sub-organisations" : "")
            << ": " << answers.size() << "\n";
  for (const auto& d : answers) {
    std::cout << "  " << in.describe(d.unit) << query::roles_text(query::roles(in.view, d.unit, d.party)) << "\n";
    if (d.party != agency) std::cout << "    by " << in.describe(d.party) << "\n";
    std::cout << "    " << in.route(d.route) << "\n";
  }
}

}  // namespace

void setup_duties(CLI::App& app) {
  auto options = std::make_shared<DutiesOptions>();
  auto* cmd = app.add_subcommand(
      "duties", "What an agency or district is responsible for (pol:responsibleParty), optionally "
                "with its sub-organisations");
  cmd->add_option("ENTITY", options->entity, "the agency or district")->required();
  cmd->add_flag("--include-sub", options->include_sub,
                "also the duties of its sub-organisations (org:subOrganizationOf, transitively)");
  add_traversal_options(*cmd, *options);
  cmd->callback([options] { run_duties(*options); });
}

}  // namespace policykg::cli
