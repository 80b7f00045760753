// Emitter: facts to triples with the ontology's terms, the first place RDF appears.
#pragma once

#include <string_view>
#include <vector>

#include "builder/facts.hpp"
#include "rdf/term.hpp"

namespace policykg::builder {

/// Appends the triples of `units` (moved from: their strings are taken) to `out`.
void emit_units(std::vector<UnitFacts>& units, std::string_view base, std::vector<rdf::Triple>& out);
/// Appends the triples of the documents and entities of `facts` to `out`.
void emit_documents_and_entities(const Facts& facts, std::string_view base, std::vector<rdf::Triple>& out);

}  // namespace policykg::builder
