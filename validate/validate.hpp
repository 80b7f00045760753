// SHACL Core validation of a graph, and the report in the forms the CLI prints.
//
//   rdf::Model data, shapes;  // shapes: ontology/shapes.ttl plus ontology/policykg.ttl
//   validate::Report report = validate::validate(data, shapes);
//
// Supported: targets (sh:targetClass with rdfs:subClassOf, implicit class targets, sh:targetNode,
// sh:targetSubjectsOf, sh:targetObjectsOf), every SHACL property path, and the constraints
// sh:class, sh:datatype, sh:nodeKind, sh:minCount, sh:maxCount, sh:minLength, sh:maxLength,
// sh:pattern (+ sh:flags "i", "m"), sh:in, sh:hasValue, sh:languageIn, sh:uniqueLang, sh:node,
// sh:not, sh:and, sh:or, sh:xone; sh:severity, sh:message, sh:deactivated. Shapes using anything
// else are refused with an Error rather than half-checked.
#pragma once

#include "rdf/model.hpp"
#include "validate/report.hpp"

namespace policykg::validate {

/// Validates `data` against every shape of `shapes`. Classes of sh:targetClass and sh:class are
/// closed under rdfs:subClassOf found in either graph, so loading the ontology into the shapes
/// graph makes a pol:Zone count as a pol:Place. Throws Error(Input) for malformed or
/// unsupported shapes.
Report validate(const rdf::Model& data, const rdf::Model& shapes);

}  // namespace policykg::validate
