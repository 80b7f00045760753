// Small shapes + data graphs, one or more per SHACL constraint, each with the results it must
// give. validator_test.cpp checks our validator against the expected results;
// shacl_cross_check_test.cpp runs the same cases through an independent engine.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace policykg::test {

/// (focus, path, constraint component local name), IRIs of http://example.org/ by local name,
/// path "" for node shapes and "^p" for an inverse path.
using Expected = std::tuple<std::string, std::string, std::string>;

struct ConstraintCase {
  std::string name;
  std::string shapes;  ///< Turtle, with the prefixes of kPrefixes
  std::string data;    ///< Turtle, with the prefixes of kPrefixes
  std::set<Expected> expected;
};

/// Prefixes the case texts use: ex:, sh:, rdf:, rdfs:, xsd:.
extern const char* const kPrefixes;

const std::vector<ConstraintCase>& constraint_cases();

}  // namespace policykg::test
