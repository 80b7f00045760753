// policykg responsible ENTITY [--all] [--data FILE...|--store SPEC] [--format text|json]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "query/route.hpp"
#include "query/traversal.hpp"

namespace policykg::cli {

namespace {

struct ResponsibleOptions : TraversalOptions {
  std::string entity;
  bool all = false;
};

void run_responsible(const ResponsibleOptions& o) {
  TraversalInput in(o.source);
  query::Vertex unit = in.resolver.resolve(o.entity);
  auto answers = query::responsible(in.view, unit, o.all);
  if (o.format == "json") {
    nlohmann::json j = {{"entity", query::node_json(in.view, unit)}, {"responsible", nlohmann::json::array()}};
    for (const auto& a : answers)
      j["responsible"].push_back({{"party", query::node_json(in.view, a.party)},
                                  {"how", a.how},
                                  {"roles", query::roles(in.view, query::stated_on(a.route, unit), a.party)},
                                  {"stated_on", query::node_json(in.view, query::stated_on(a.route, unit))},
                                  {"route", query::route_json(in.view, a.route)}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Responsible for " << in.describe(unit) << ": " << answers.size() << "\n";
  if (answers.empty())
    std::cout << "  no responsible party is stated for it, for the units above it or by an approving reply\n";
  for (const auto& a : answers) {
    const query::Vertex stated = query::stated_on(a.route, unit);
    std::cout << "  " << in.describe(a.party) << ", " << a.how;
    if (stated != unit && a.how != "stated") std::cout << " from " << query::compact_iri(in.view.node(stated).iri, in.base);
    std::cout << query::roles_text(query::roles(in.view, stated, a.party)) << "\n    " << in.route(a.route) << "\n";
  }
}

}  // namespace

void setup_responsible(CLI::App& app) {
  auto options = std::make_shared<ResponsibleOptions>();
  auto* cmd = app.add_subcommand(
      "responsible",
      "Who is responsible for a measure or unit: stated on it, inherited from the nearest unit "
      "above it (dcterms:isPartOf), or from the reply approving its document");
  cmd->add_option("ENTITY", options->entity, "the measure, unit or document")->required();
  cmd->add_flag("--all", options->all, "list the parties of every level up to the top, nearest first");
  add_traversal_options(*cmd, *options);
  cmd->callback([options] { run_responsible(*options); });
}

}  // namespace policykg::cli
