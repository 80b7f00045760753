// A validation report as text for people, JSON for programs, and sh:ValidationReport triples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/term.hpp"
#include "validate/report.hpp"

namespace policykg::validate {

/// One line per result ("focus  path  message  [value]  (Component)") and a summary line; IRIs
/// under `base` are written as id:….
std::string to_text(const Report& report, std::string_view base = {});

/// {"conforms", "results", "violations": [{"focus", "path", "constraint", "message", "value",
/// "severity", "shape"}]} with full IRIs; values are in N-Triples form; "path" is a SPARQL
/// property path whose simple predicates are bare IRIs.
nlohmann::ordered_json to_json(const Report& report);

/// The report as SHACL's RDF vocabulary: one sh:ValidationReport with sh:conforms and one
/// sh:ValidationResult per violation (blank nodes _:report, _:result1, ...; paths as SHACL paths).
std::vector<rdf::Triple> to_triples(const Report& report);

/// A path as the JSON report writes it: the IRI of a predicate, "^IRI" for its inverse, and
/// SPARQL syntax with <IRI> for the rest.
std::string path_key(const Path& path);

}  // namespace policykg::validate
