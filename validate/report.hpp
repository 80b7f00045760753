// The outcome of validating a graph against SHACL shapes, as SHACL reports it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "validate/path.hpp"

namespace policykg::validate {

/// sh:Violation, sh:Warning or sh:Info: the sh:severity of the shape that produced a result.
enum class Severity { Violation, Warning, Info };

/// One sh:ValidationResult.
struct Violation {
  rdf::Term focus;                 ///< sh:focusNode
  std::optional<Path> path;        ///< sh:resultPath; empty for constraints of node shapes
  std::string constraint;          ///< sh:sourceConstraintComponent (IRI)
  std::string message;             ///< sh:resultMessage: the shape's sh:message or our own
  std::optional<rdf::Term> value;  ///< sh:value, when one value node caused the result
  Severity severity = Severity::Violation;
  rdf::Term shape;                 ///< sh:sourceShape (a blank node of the shapes graph or an IRI)
};

/// One sh:ValidationReport. `conforms` is true exactly when there are no results, whatever
/// their severity, as SHACL defines it.
struct Report {
  bool conforms = true;
  std::vector<Violation> violations;  ///< sorted by focus, path, constraint, value
  std::size_t shapes = 0;             ///< shapes that had at least one focus node
  std::size_t focus_nodes = 0;        ///< (shape, focus node) pairs checked
};

/// "Violation", "Warning" or "Info".
std::string_view severity_name(Severity s);

}  // namespace policykg::validate
