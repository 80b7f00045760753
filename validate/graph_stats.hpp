// A profile of a graph: instances per class and triples per property, the numbers
// `policykg stats` prints next to `policykg validate`'s checks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/model.hpp"

namespace policykg::validate {

struct Count {
  std::string iri;
  std::size_t count = 0;
};

struct GraphStats {
  std::size_t triples = 0;
  std::size_t subjects = 0;   ///< distinct subjects
  std::size_t instances = 0;  ///< distinct subjects with an rdf:type
  std::vector<Count> classes;     ///< instances by (asserted) rdf:type: most first, then by IRI
  std::vector<Count> properties;  ///< triples by predicate: most first, then by IRI
};

/// Counts once over every triple of the model; deterministic for a given graph.
GraphStats graph_stats(const rdf::Model& model);

/// A table for people: totals, then classes and properties with prefixed names ("id:" for `base`).
std::string to_table(const GraphStats& stats, std::string_view base = {});
/// {"triples", "subjects", "instances", "classes": [{"iri","count"}], "properties": [...]}.
nlohmann::ordered_json to_json(const GraphStats& stats);

}  // namespace policykg::validate
