// The shapes of a SHACL shapes graph, read into plain values the validator walks.
#pragma once

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"
#include "validate/path.hpp"
#include "validate/report.hpp"

namespace policykg::validate {

/// One constraint of a shape, named by its SHACL constraint component.
struct Constraint {
  enum class Kind {
    Class, Datatype, NodeKind, MinCount, MaxCount, MinLength, MaxLength, Pattern, In, HasValue,
    LanguageIn, UniqueLang, Node, Not, And, Or, Xone
  };
  Kind kind = Kind::Class;
  std::string iri;                  ///< class, datatype or node kind IRI
  std::size_t count = 0;            ///< counts and lengths
  std::string pattern, flags;       ///< sh:pattern and sh:flags as written
  std::regex regex;                 ///< the compiled pattern
  std::vector<rdf::Term> terms;     ///< sh:in members, sh:hasValue, sh:languageIn tags
  std::vector<std::size_t> shapes;  ///< indices of sh:node / sh:not / sh:and / sh:or / sh:xone shapes
};

/// A node shape (no path) or a property shape (with a path).
struct Shape {
  rdf::Term id;
  std::optional<Path> path;
  std::vector<std::string> target_classes;  ///< sh:targetClass, and the shape itself when it is a class
  std::vector<rdf::Term> target_nodes;
  std::vector<std::string> target_subjects_of, target_objects_of;
  std::vector<Constraint> constraints;
  std::vector<std::size_t> properties;  ///< indices of sh:property shapes
  Severity severity = Severity::Violation;
  std::string message;  ///< sh:message (English or untagged), empty when none
  bool deactivated = false;
};

struct ShapesGraph {
  std::vector<Shape> shapes;            ///< every shape reached, in a deterministic order
  std::vector<std::size_t> with_targets;  ///< shapes that declare targets
};

/// Reads every shape of `shapes`: those with targets, typed sh:NodeShape or sh:PropertyShape,
/// and those they reach. Throws Error(Input) naming the shape for malformed or unsupported
/// constraints (SPARQL-based constraints, sh:closed, sh:equals, value ranges, qualified shapes).
ShapesGraph read_shapes(const rdf::Model& shapes);

/// The constraint component IRI of a kind, e.g. sh:ClassConstraintComponent.
std::string component_iri(Constraint::Kind kind);

}  // namespace policykg::validate
