// Reads JSON-LD documents of the shape policykg writes (compacted with a context, "@graph" of node
// objects), so that every file `build` writes can be read back with --data.
#pragma once

#include <string_view>
#include <vector>

#include "rdf/term.hpp"

namespace policykg::rdf {

/// Expands a JSON-LD document into triples. Supports @context (prefixes, term definitions with
/// @id, @type (@id or a datatype), @language, @container @set/@list-free), @graph, @id, @type,
/// value objects and nested node objects. Throws Error(Syntax) naming `where` and the JSON
/// pointer of anything it cannot read.
std::vector<Triple> parse_jsonld(std::string_view text, std::string_view where);

}  // namespace policykg::rdf
