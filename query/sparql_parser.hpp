// SPARQL 1.1 query text -> algebra::ParsedQuery, by recursive descent over the grammar of the
// SPARQL 1.1 recommendation. Errors carry "query:LINE:COLUMN"; refused features (SERVICE, SPARQL
// Update) are Error(Usage) naming the feature.
#pragma once

#include <string>
#include <string_view>

#include "query/algebra.hpp"

namespace policykg::query {

/// Parses a query; `base` resolves relative IRIs when the query has no BASE.
algebra::ParsedQuery parse_sparql(std::string_view text, std::string_view base = {});

/// Resolves `reference` against `base` (RFC 3986 section 5.2).
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace policykg::query
