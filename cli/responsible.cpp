// policykg responsible ENTITY [--all] [--data FILE...|--store SPEC|--endpoint URL] [--format text|json|csv|tsv]
// policykg responsible --all-units [--data FILE...|--store SPEC|--endpoint URL] [--format text|json|csv|tsv|ntriples|turtle]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "cli/traversal_input.hpp"
#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"
#include "query/traversal/traversal.hpp"
#include "rdf/serializer.hpp"

namespace policykg::cli {

namespace {

struct ResponsibleOptions : TraversalOptions {
  std::string entity;
  bool all = false;
  bool all_units = false;
  bool brief = false;
};

// One row per unit: its parties, how they were found and on which unit they are stated.
Table units_table(const TraversalInput& in, const query::ResponsibilityTable& all) {
  Table t{{"unit", "key", "type", "label", "parties", "party_iris", "how", "stated_on", "roles"}, {}};
  for (const auto& [unit, answers] : all) {
    std::vector<std::string> labels, iris, stated, roles;
    std::string how;
    for (const auto& a : answers) {
      labels.push_back(in.view.node(a.party).label);
      iris.push_back(in.view.node(a.party).iri);
      const query::Vertex on = query::stated_on(a.route, unit);
      if (std::find(stated.begin(), stated.end(), in.view.node(on).iri) == stated.end())
        stated.push_back(in.view.node(on).iri);
      if (how.find(a.how) == std::string::npos) how += (how.empty() ? "" : "; ") + a.how;
      for (auto& r : query::roles(in.view, on, a.party))
        if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
    }
    t.rows.push_back({in.view.node(unit).iri, query::key_of(in.view, unit), query::compact_iri(in.view.node(unit).cls, in.base),
                      in.view.node(unit).label, join(labels, "; "), join(iris, " "), how, join(stated, " "),
                      join(roles, "; ")});
  }
  return t;
}

// The effective parties as triples: pol:effectiveParty, and a pol:EffectiveResponsibility node
// saying how each was found and on which unit it is stated.
std::vector<rdf::Triple> units_triples(const TraversalInput& in, const query::ResponsibilityTable& all) {
  using rdf::Term;
  std::vector<rdf::Triple> out;
  const Term type = Term::iri(std::string(std_terms::rdf_type)), party = Term::iri(std::string(pol::effectiveParty)),
             qualified = Term::iri(std::string(pol::qualifiedEffectiveParty)),
             cls = Term::iri(std::string(pol::EffectiveResponsibility)), agent = Term::iri(std::string(std_terms::prov_agent)),
             derivation = Term::iri(std::string(pol::derivation)), stated = Term::iri(std::string(pol::statedOn)),
             route = Term::iri(std::string(pol::route));
  for (const auto& [unit, answers] : all) {
    const Term u = Term::iri(in.view.node(unit).iri);
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const auto& a = answers[i];
      const Term p = Term::iri(in.view.node(a.party).iri);
      // One IRI per unit and party, under the unit's: deterministic and dereferenceable.
      const Term node = Term::iri(in.view.node(unit).iri + "/effective/" + std::to_string(i + 1));
      out.push_back({u, party, p});
      out.push_back({u, qualified, node});
      out.push_back({node, type, cls});
      out.push_back({node, agent, p});
      out.push_back({node, derivation, Term::literal(a.how)});
      out.push_back({node, stated, Term::iri(in.view.node(query::stated_on(a.route, unit)).iri)});
      out.push_back({node, route, Term::literal(query::route_text(in.view, a.route, in.base))});
    }
  }
  return out;
}

void run_all_units(const ResponsibleOptions& o) {
  TraversalInput in(o.source, {}, query::responsible_reach(true));
  const auto all = query::responsible_all(in.view);
  if (o.format == "ntriples" || o.format == "turtle") {
    std::cout << rdf::serialize(units_triples(in, all), o.format == "turtle" ? rdf::Format::Turtle : rdf::Format::NTriples,
                                in.base);
    return;
  }
  if (o.format != "text") return write_table(std::cout, units_table(in, all), o.format);
  std::size_t with = 0;
  for (const auto& [unit, answers] : all) with += answers.empty() ? 0 : 1;
  std::cout << "Responsible parties of " << all.size() << " units (" << with << " with a party)\n";
  for (const auto& [unit, answers] : all) {
    const std::string key = query::key_of(in.view, unit);
    std::cout << "  " << (key.empty() ? query::compact_iri(in.view.node(unit).iri, in.base) : key) << "  "
              << in.view.node(unit).label << "\n";
    if (answers.empty()) std::cout << "    none stated, above it or by an approving reply\n";
    for (const auto& a : answers) {
      const query::Vertex on = query::stated_on(a.route, unit);
      std::cout << "    " << in.view.node(a.party).label << ", " << a.how;
      if (on != unit) {
        const std::string from = query::key_of(in.view, on);
        std::cout << " from " << (from.empty() ? query::compact_iri(in.view.node(on).iri, in.base) : from);
      }
      std::cout << query::roles_text(query::roles(in.view, on, a.party)) << "\n";
    }
  }
}

void run_responsible(const ResponsibleOptions& o) {
  if (o.all_units) return run_all_units(o);
  if (o.entity.empty())
    throw Error(Error::Category::Usage, "responsible", "name an ENTITY, or give --all-units for every unit");
  if (o.format == "ntriples" || o.format == "turtle")
    throw Error(Error::Category::Usage, "--format " + o.format, "RDF output is for --all-units");
  TraversalInput in(o.source, {o.entity}, query::responsible_reach());
  query::Vertex unit = in.entities.front();
  auto answers = query::responsible(in.view, unit, o.all);
  if (o.format == "csv" || o.format == "tsv") {
    Table t{{"party", "party_label", "how", "stated_on", "roles", "route"}, {}};
    for (const auto& a : answers) {
      const query::Vertex on = query::stated_on(a.route, unit);
      t.rows.push_back({in.view.node(a.party).iri, in.view.node(a.party).label, a.how, in.view.node(on).iri,
                        join(query::roles(in.view, on, a.party), "; "), in.route(a.route)});
    }
    return write_table(std::cout, t, o.format);
  }
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
  const std::string key = query::key_of(in.view, unit);
  std::cout << "Responsible for " << (key.empty() ? "" : key + ", ") << in.describe(unit) << ": " << answers.size()
            << "\n";
  if (answers.empty())
    std::cout << "  no responsible party is stated for it, for the units above it or by an approving reply\n";
  for (const auto& a : answers) {
    const query::Vertex stated = query::stated_on(a.route, unit);
    std::cout << "  " << in.describe(a.party) << ", " << a.how;
    if (stated != unit && a.how != "stated") {
      const std::string from = query::key_of(in.view, stated);
      std::cout << " from " << (from.empty() ? query::compact_iri(in.view.node(stated).iri, in.base) : from);
    }
    std::cout << query::roles_text(query::roles(in.view, stated, a.party)) << "\n";
    if (!o.brief) std::cout << "    " << in.route(a.route) << "\n";
  }
}

}  // namespace

void setup_responsible(CLI::App& app) {
  auto options = std::make_shared<ResponsibleOptions>();
  auto* cmd = app.add_subcommand(
      "responsible",
      "Who is responsible for a measure or unit: stated on it, inherited from the nearest unit "
      "above it (dcterms:isPartOf), or from the reply approving its document");
  auto* entity = cmd->add_option("ENTITY", options->entity, "the measure, unit or document");
  cmd->add_flag("--all", options->all, "list the parties of every level up to the top, nearest first");
  cmd->add_flag("--brief", options->brief, "one line per party, without the route (--format json has it)");
  cmd->add_flag("--all-units", options->all_units,
                "every unit at once, one row each (with --format csv, tsv or json a table; with ntriples or "
                "turtle the effective parties as triples, pol:effectiveParty with how and where each is stated)")
      ->excludes(entity);
  add_traversal_options(*cmd, *options, {"text", "json", "csv", "tsv", "ntriples", "turtle"}, true);
  cmd->callback([options] { run_responsible(*options); });
}

}  // namespace policykg::cli
