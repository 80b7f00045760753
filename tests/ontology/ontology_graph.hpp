// The ontology files loaded once for the tests, and small queries over them.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::test {

/// ontology/policykg.ttl, parsed once.
const rdf::Model& ontology();
/// ontology/shapes.ttl, parsed once.
const rdf::Model& shapes();

/// Objects of (s, p, ?o).
std::vector<rdf::Term> objects(const rdf::Model& m, std::string_view s, std::string_view p);
std::vector<rdf::Term> objects(const rdf::Model& m, const rdf::Term& s, std::string_view p);
/// Whether (s, p, o) with IRIs only is in the model.
bool has(const rdf::Model& m, std::string_view s, std::string_view p, std::string_view o);
/// Members of an RDF list.
std::vector<rdf::Term> list(const rdf::Model& m, const rdf::Term& head);
/// pol: IRIs the ontology defines: subjects typed owl:Class, owl:ObjectProperty,
/// owl:DatatypeProperty, skos:ConceptScheme or skos:Concept.
std::set<std::string> defined_pol_terms();
/// pol: IRIs typed owl:ObjectProperty or owl:DatatypeProperty.
std::set<std::string> pol_properties(bool object_properties, bool datatype_properties);

/// The whole text of a file.
std::string read_text(const std::string& path);

}  // namespace policykg::test
