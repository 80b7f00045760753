// JSON-LD output, compacted with ontology/context.jsonld (raptor writes no JSON-LD).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rdf/term.hpp"

namespace policykg::rdf {

/// Builds a compacted JSON-LD document: {"@context": ..., "@graph": [...]} with one node object
/// per subject, sorted by subject, values sorted. `context` is the parsed context document's
/// "@context" value; `base` the instance base (declared as the "id" prefix).
nlohmann::ordered_json to_jsonld(const std::vector<Triple>& triples, const nlohmann::json& context,
                                 std::string_view base);
/// The project's context (ontology/context.jsonld), read once.
const nlohmann::json& default_context();

}  // namespace policykg::rdf
