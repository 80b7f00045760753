// Reach: what a traversal reads of a graph around where it starts, written as data so that a part
// of a graph fetched by it (remote/subgraph.hpp: batched queries to a SPARQL endpoint or to a
// mapped index file) gives the same answers as the whole graph. Each traversal's reach is written beside it here and checked
// against it in tests/remote/subgraph_test.cpp: any edge a traversal reads must be one its reach
// follows.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace policykg::query {

struct Reach {
  /// Edges of one predicate followed one way: out of a vertex (`forward`) or into it. An empty
  /// predicate stands for every predicate whose object is an IRI or blank node, but rdf:type.
  struct Step {
    std::string predicate;
    bool forward = true;
  };
  /// Steps taken from every vertex reached so far: once, or (`transitive`) again from each
  /// vertex they reach until nothing new is reached.
  struct Stage {
    std::vector<Step> steps;
    bool transitive = false;
  };
  std::vector<Stage> stages;
  /// The stages start from every unit of the graph (a provision, section, task, initiative,
  /// measure or statement) rather than from the first entity.
  bool every_unit = false;
  /// The first stage's steps, taken both ways, connect the first entity to the second by a
  /// shortest route: breadth-first from both at once until they meet; only the resources on a
  /// shortest route are kept, on which shortest_path() chooses the route it chooses on the whole.
  bool shortest_route = false;
};

/// What responsible() reads, for one unit or (`every_unit`) for responsible_all().
Reach responsible_reach(bool every_unit = false);
/// What duties() reads from an agency.
Reach duties_reach(bool include_sub, bool inherited);
/// What deps() reads from a unit, one way.
Reach deps_reach(bool reverse);
/// What shortest_path() reads from its first vertex to its second, along `predicates` (empty: all).
Reach path_reach(const std::set<std::string>& predicates);
/// What impact() reads from a document.
Reach impact_reach();

}  // namespace policykg::query
