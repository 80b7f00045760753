// algebra::ParsedQuery -> SPARQL 1.1 text that parse_sparql reads back to the same algebra: full
// IRIs (no prefixes, no BASE), typed literals, blank nodes by their labels, operators bracketed
// only where their precedence needs it. The fuzz target and the tests parse, print and parse
// again and require the second print to equal the first.
#pragma once

#include <string>

#include "query/sparql/algebra.hpp"

namespace policykg::query {

/// The query as SPARQL text, on one line.
std::string to_sparql(const algebra::ParsedQuery& parsed);

}  // namespace policykg::query
