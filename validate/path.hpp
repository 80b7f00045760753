// SHACL property paths: parsed from the shapes graph, evaluated on the data graph.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::validate {

/// A property path: a predicate, or sh:inversePath / sequence / sh:alternativePath /
/// sh:zeroOrMorePath / sh:oneOrMorePath / sh:zeroOrOnePath over other paths.
struct Path {
  enum class Kind { Predicate, Inverse, Sequence, Alternative, ZeroOrMore, OneOrMore, ZeroOrOne };
  Kind kind = Kind::Predicate;
  std::string iri;          ///< for Predicate
  std::vector<Path> steps;  ///< the operand (one) or the members of a sequence or alternative

  friend bool operator==(const Path&, const Path&) = default;
};

/// Reads the path whose node is `node` in `shapes`; throws Error(Input) naming the node when it
/// is not a well-formed SHACL path.
Path read_path(const rdf::Model& shapes, const rdf::Term& node);

/// The value nodes reached from `focus` along `path` in `data`, ordered and without duplicates.
std::set<rdf::Term> evaluate(const rdf::Model& data, const rdf::Term& focus, const Path& path);

/// SPARQL property-path syntax with each IRI written by `name`: "pol:text", "^dcterms:isPartOf",
/// "(a/b)", "(a|b)", "a*".
std::string to_string(const Path& path, const std::function<std::string(std::string_view)>& name);

}  // namespace policykg::validate
