// Graph questions answered on a GraphView with Boost.Graph algorithms: who is responsible, what
// an agency must do, what a unit depends on, how two resources connect, what a document affects.
// Every answer carries the Route that justifies it. Results are sorted deterministically.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <utility>
#include <string>
#include <vector>

#include "query/traversal/graph_view.hpp"
#include "query/traversal/route.hpp"

namespace policykg::query {

/// A responsible party and how it was found: "stated" (pol:responsibleParty on the unit),
/// "inherited" (on a unit or document above it, through dcterms:isPartOf), or "approval" (stated
/// by or addressed to the reply that approves or annexes the document at the top).
struct Responsibility {
  Vertex party{};
  std::string how;
  Route route;  ///< from the unit to the party
};

/// Who is responsible for `unit`: the parties stated on the unit itself, otherwise those of the
/// nearest unit or document above it, otherwise the approving reply's. With `all_levels`, the
/// parties of every level up to the top, nearest first.
std::vector<Responsibility> responsible(const GraphView& view, Vertex unit, bool all_levels = false);

/// The classes of a document's units: measure, initiative, task, section, provision, statement.
std::span<const std::string_view> unit_classes();

/// Whether `v` is a unit of a document: a provision, section, task, initiative, measure or
/// statement.
bool is_unit(const GraphView& view, Vertex v);

/// Every unit with its answer to responsible(view, unit), by unit IRI in natural order.
using ResponsibilityTable = std::vector<std::pair<Vertex, std::vector<Responsibility>>>;
/// The same answers as responsible() unit by unit, found in one pass: a unit that states no party
/// takes its parent's answers, one hop longer (linear in the units and the answers' routes).
ResponsibilityTable responsible_all(const GraphView& view);

/// The roles `party` has for `unit` as the unit's text states them (pol:qualifiedResponsibility):
/// "lead", "implement", "coordinate", "supervise", "approve", "addressee", in the graph's order;
/// empty when the graph states none.
std::vector<std::string> roles(const GraphView& view, Vertex unit, Vertex party);

/// ", as coordinate, supervise": the roles for text output, or "" when there are none.
std::string roles_text(const std::vector<std::string>& roles);

/// The unit whose statement a route to a party ends with (the source of its last hop), or
/// `fallback` for an empty route.
Vertex stated_on(const Route& route, Vertex fallback);

/// A unit a party is responsible for; `party` is the agency asked about or one of its
/// sub-organisations.
struct Duty {
  Vertex unit{};
  Vertex party{};
  Route route;               ///< from the unit to the agency asked about
  std::string how = "stated";  ///< as Responsibility::how
  Vertex stated_on{};        ///< the unit (or reply) whose statement names the party
};

/// The units `agency` is stated responsible for (pol:responsibleParty); with `include_sub`, those
/// of its sub-organisations too (org:subOrganizationOf followed down, transitively); with
/// `inherited`, every unit whose answer to responsible() names one of them (stated, inherited or
/// by approval). Sorted by the party's distance from `agency`, then by party and unit IRI.
std::vector<Duty> duties(const GraphView& view, Vertex agency, bool include_sub = false, bool inherited = false);

struct Dependency {
  Vertex unit{};
  std::size_t depth = 0;  ///< number of pol:dependsOn edges from the start
  Route route;            ///< a shortest route from the start
};

struct DependencyReport {
  std::vector<Dependency> dependencies;  ///< sorted by depth, then IRI; the start excluded
  /// Each cycle of pol:dependsOn among the reachable units (whatever the depth limit), as the
  /// route around it in the pol:dependsOn direction, starting at its smallest IRI.
  std::vector<Route> cycles;
};

struct DepsOptions {
  bool reverse = false;   ///< what depends on the unit instead of what it depends on
  std::size_t depth = 0;  ///< 0: no limit
};

/// Transitive pol:dependsOn from `unit` (or towards it with `reverse`).
DependencyReport deps(const GraphView& view, Vertex unit, const DepsOptions& options = {});

/// A shortest connection between two vertices, following edges in either direction (fewest
/// edges; ties broken by the view's deterministic edge order). std::nullopt when unconnected;
/// an empty route when `from == to`. `predicates` restricts the edges used (empty: all).
std::optional<Route> shortest_path(const GraphView& view, Vertex from, Vertex to,
                                   const std::set<std::string>& predicates = {});

/// A unit or document affected by a document, and how: "depends on", "references",
/// "keeps in force", "prevails over it" (the subject of the edge is affected), "overridden"
/// (the document or one of its parts prevails over it), or "depends on an affected unit".
struct Impact {
  Vertex unit{};
  std::string how;
  Route route;  ///< from the document to the affected unit
};

/// Everything `document` (or any unit inside it) affects: units and documents that depend on it,
/// reference it, keep it in force or prevail over it; documents it prevails over; then,
/// transitively, every unit that depends on an affected one. Direct effects first (by IRI and
/// kind), then transitive ones by distance and IRI.
std::vector<Impact> impact(const GraphView& view, Vertex document);

}  // namespace policykg::query
