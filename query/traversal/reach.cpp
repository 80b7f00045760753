#include "query/traversal/reach.hpp"

#include "ontology/terms.hpp"

namespace policykg::query {

namespace {

using Step = Reach::Step;
using Stage = Reach::Stage;

Step out(std::string_view p) { return Step{std::string(p), true}; }
Step in(std::string_view p) { return Step{std::string(p), false}; }

// Who answers for a unit once its ancestors are known: the parties stated on each (with their
// roles), and the reply approving or annexing a document at the top, with its parties and the
// agencies it is addressed to.
Stage parties_and_approval() {
  return Stage{{out(pol::responsibleParty), out(pol::addressedTo), out(pol::qualifiedResponsibility), out(pol::agent),
                out(pol::role), in(pol::approves), in(pol::hasAnnex)},
               true};
}

}  // namespace

Reach responsible_reach(bool every_unit) {
  Reach r;
  r.every_unit = every_unit;
  r.stages = {Stage{{out(std_terms::dcterms_isPartOf)}, true}, parties_and_approval()};
  return r;
}

Reach duties_reach(bool include_sub, bool inherited) {
  Reach r;
  if (include_sub) r.stages.push_back(Stage{{in(std_terms::org_subOrganizationOf)}, true});
  if (!inherited) {
    // The units stating them, and the roles those units give them.
    r.stages.push_back(Stage{{in(pol::responsibleParty)}, false});
    r.stages.push_back(Stage{{out(pol::qualifiedResponsibility)}, false});
    r.stages.push_back(Stage{{out(pol::agent), out(pol::role)}, false});
    return r;
  }
  // Every unit whose answer could name one of the agencies: those stating it, the units below them,
  // the documents a reply stating or addressed to it approves or annexes, and the units below
  // those; then what responsible() reads for each of them.
  r.stages.push_back(Stage{{in(pol::responsibleParty), in(pol::addressedTo)}, false});
  r.stages.push_back(Stage{{out(pol::approves), out(pol::hasAnnex)}, false});
  r.stages.push_back(Stage{{in(std_terms::dcterms_isPartOf)}, true});
  r.stages.push_back(Stage{{out(std_terms::dcterms_isPartOf)}, true});
  r.stages.push_back(parties_and_approval());
  return r;
}

Reach deps_reach(bool reverse) {
  Reach r;
  r.stages = {Stage{{Step{std::string(pol::dependsOn), !reverse}}, true}};
  return r;
}

Reach path_reach(const std::set<std::string>& predicates) {
  Reach r;
  r.shortest_route = true;
  Stage both{{}, true};
  if (predicates.empty()) both.steps = {Step{"", true}, Step{"", false}};
  for (const auto& p : predicates) both.steps.insert(both.steps.end(), {Step{p, true}, Step{p, false}});
  r.stages = {both};
  return r;
}

Reach impact_reach() {
  Reach r;
  r.stages = {Stage{{in(std_terms::dcterms_isPartOf)}, true},
              Stage{{in(pol::dependsOn), in(pol::references), in(pol::keepsInForce), in(pol::prevailsOver),
                     out(pol::prevailsOver)},
                    false},
              Stage{{in(pol::dependsOn)}, true}};
  return r;
}

}  // namespace policykg::query
