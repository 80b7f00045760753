// What a SPARQL query returns, as the engine (query/) gives it and the writers and the endpoint
// read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"

namespace policykg::rdf {

/// What a query returned: variable bindings, a boolean, or a graph.
struct QueryResult {
  enum class Kind { Bindings, Boolean, Graph };
  Kind kind = Kind::Bindings;
  std::vector<std::string> variables;                  ///< for Bindings, in projection order
  std::vector<std::vector<std::optional<Term>>> rows;  ///< unbound values are nullopt
  bool boolean = false;                                ///< for Boolean
  std::vector<Triple> triples;                         ///< for Graph
};

}  // namespace policykg::rdf
