// IRIs written for people: "pol:Measure", "id:agency/state-council", or "<iri>".
#pragma once

#include <string>
#include <string_view>

#include "rdf/term.hpp"

namespace policykg::validate {

/// The IRI as a prefixed name with the project's prefixes (and sh:), or with "id:" when it starts
/// with `base`; "<iri>" when no prefix fits.
std::string prefixed_name(std::string_view iri, std::string_view base = {});
/// A term for people: a prefixed name for IRIs, "_:label" for blank nodes, N-Triples for literals.
std::string prefixed_name(const rdf::Term& term, std::string_view base = {});

}  // namespace policykg::validate
