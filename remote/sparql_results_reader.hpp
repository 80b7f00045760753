// SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/) read into the
// rdf::QueryResult the result writers take, so that a remote answer prints as a local one.
#pragma once

#include <string_view>

#include "rdf/query_result.hpp"

namespace policykg::remote {

/// Reads bindings or a boolean. Blank nodes are relabelled b0, b1, ... in order of appearance
/// (a server's labels, such as Virtuoso's "nodeID://b1", need not be N-Triples labels), one label
/// for one server label. "typed-literal" (the 2007 note's, still sent by Virtuoso) is a literal;
/// xsd:string is a plain literal; language tags are lower-cased. Throws Error(Input) at `where`
/// for anything that is not this format, naming what is wrong.
rdf::QueryResult read_sparql_json(std::string_view text, std::string_view where);

}  // namespace policykg::remote
