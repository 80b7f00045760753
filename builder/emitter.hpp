// Emitter: facts to triples with the ontology's terms, the first place RDF appears.
#pragma once

#include <string_view>
#include <vector>

#include "builder/facts.hpp"
#include "rdf/graph.hpp"

namespace policykg::builder {

/// Adds the triples of `units` to `out`.
void emit_units(const std::vector<UnitFacts>& units, std::string_view base, rdf::Graph& out);
/// Adds the triples of the documents and entities of `facts` to `out`.
void emit_documents_and_entities(const Facts& facts, std::string_view base, rdf::Graph& out);

}  // namespace policykg::builder
