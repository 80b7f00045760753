// SPARQL 1.1 query text -> algebra::ParsedQuery, by recursive descent over the grammar of the
// SPARQL 1.1 recommendation. Errors carry "query:LINE:COLUMN"; refused features (SERVICE, SPARQL
// Update) are Error(Usage) naming the feature.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "query/sparql/algebra.hpp"
#include "query/sparql/deadline.hpp"

namespace policykg::query {

/// What a query may cost the parser.
struct ParseLimits {
  /// Nesting of groups, parenthesised expressions and paths, unary operators, blank node
  /// property lists and collections, plus one per link of an arithmetic chain: deeper queries
  /// are Error(Syntax) "nested too deeply" at the place they pass the limit.
  std::size_t max_depth = 256;
  /// Checked once a token, so that a huge query stops at the timeout like its evaluation.
  Deadline* deadline = nullptr;
};

/// Prefixes a query may use undeclared (prefix without the colon -> namespace IRI).
using PrefixMap = std::map<std::string, std::string, std::less<>>;

/// Parses a query; `base` resolves relative IRIs when the query has no BASE, and with neither a
/// relative IRI is Error(Syntax) at its line and column (it would match nothing). `prefixes` are
/// declared before the query's own PREFIX lines, which override them. Text that is not UTF-8, or
/// holds a NUL, is Error(Syntax) at its line and column.
algebra::ParsedQuery parse_sparql(std::string_view text, std::string_view base = {}, const ParseLimits& limits = {},
                                  const PrefixMap& prefixes = {});


}  // namespace policykg::query
