// Runs SPARQL text on a model with Rasqal, as Rasqal understands it; query/ decides what reaches
// this point (rewrites, refusals, planning).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/model.hpp"
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

/// Parses and runs `sparql` (language "sparql11" by default, or "sparql10" / "laqrs").
/// Throws Error(Syntax) with "line:column" for bad queries and Error(Query) when execution fails.
QueryResult run_rasqal(const Model& model, std::string_view sparql, std::string_view base = {});

}  // namespace policykg::rdf
