// policykg duties ENTITY [--include-sub] [--inherited] [--data FILE...|--store SPEC|--endpoint URL]
//                 [--format text|json|csv|tsv]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "cli/traversal_input.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::cli {

namespace {

struct DutiesOptions : TraversalOptions {
  std::string entity;
  bool include_sub = false;
  bool inherited = false;
  bool brief = false;
};

void run_duties(const DutiesOptions& o) {
  // the text says how many more units inherit the duties: it reads what --inherited reads
  TraversalInput in(o.source, {o.entity}, query::duties_reach(o.include_sub, o.inherited || o.format == "text"));
  query::Vertex agency = in.entities.front();
  auto answers = query::duties(in.view, agency, o.include_sub, o.inherited);
  if (o.format == "csv" || o.format == "tsv") {
    Table t{{"unit", "key", "type", "label", "party", "party_label", "how", "stated_on", "roles"}, {}};
    for (const auto& d : answers) {
      t.rows.push_back({in.view.node(d.unit).iri, query::key_of(in.view, d.unit),
                        query::compact_iri(in.view.node(d.unit).cls, in.base), in.view.node(d.unit).label,
                        in.view.node(d.party).iri, in.view.node(d.party).label, d.how, in.view.node(d.stated_on).iri,
                        join(query::roles(in.view, d.stated_on, d.party), "; ")});
    }
    return write_table(std::cout, t, o.format);
  }
  if (o.format == "json") {
    nlohmann::json j = {{"entity", query::node_json(in.view, agency)},
                        {"include_sub", o.include_sub},
                        {"inherited", o.inherited},
                        {"duties", nlohmann::json::array()}};
    for (const auto& d : answers)
      j["duties"].push_back({{"unit", query::node_json(in.view, d.unit)},
                             {"party", query::node_json(in.view, d.party)},
                             {"how", d.how},
                             {"stated_on", query::node_json(in.view, d.stated_on)},
                             {"roles", query::roles(in.view, d.stated_on, d.party)},
                             {"route", query::route_json(in.view, d.route)}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Duties of " << in.describe(agency) << (o.include_sub ? " and its sub-organisations" : "")
            << (o.inherited ? ", stated or inherited" : "") << ": " << answers.size() << "\n";
  for (const auto& d : answers) {
    std::cout << "  " << in.describe(d.unit) << query::roles_text(query::roles(in.view, d.stated_on, d.party));
    if (d.how != "stated") std::cout << ", " << d.how << " from " << query::compact_iri(in.view.node(d.stated_on).iri, in.base);
    std::cout << "\n";
    if (d.party != agency) std::cout << "    by " << in.describe(d.party) << "\n";
    if (!o.brief) std::cout << "    " << in.route(d.route) << "\n";
  }
  if (!o.inherited) {
    // Say what the stated list leaves out, so that nobody takes it for the whole answer.
    const std::size_t all = query::duties(in.view, agency, o.include_sub, true).size();
    if (all > answers.size())
      std::cout << "  and " << all - answers.size()
                << " more units inherit this responsibility from a unit above them or from an approving reply: "
                   "--inherited lists them\n";
  }
}

}  // namespace

void setup_duties(CLI::App& app) {
  auto options = std::make_shared<DutiesOptions>();
  auto* cmd = app.add_subcommand(
      "duties", "What an agency or district is responsible for (pol:responsibleParty), optionally "
                "with its sub-organisations and with the units that inherit its responsibility");
  cmd->add_option("ENTITY", options->entity, "the agency or district")->required();
  cmd->add_flag("--include-sub", options->include_sub,
                "also the duties of its sub-organisations (org:subOrganizationOf, transitively)");
  cmd->add_flag("--inherited", options->inherited,
                "every unit it is responsible for, as `responsible` answers: stated on the unit, inherited from a "
                "unit above it, or from the reply approving the document");
  cmd->add_flag("--brief", options->brief, "one line per unit, without the route (--format json has it)");
  add_traversal_options(*cmd, *options, {"text", "json", "csv", "tsv"}, true);
  cmd->callback([options] { run_duties(*options); });
}

}  // namespace policykg::cli
