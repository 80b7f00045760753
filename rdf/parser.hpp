// Parsing RDF files and text straight into triples, without a Redland model or store: raptor's
// parsers feed a vector (JSON-LD goes through parse_jsonld). The triples are those
// Model::load_file followed by Model::sorted_triples gives, in document order, duplicates kept.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "rdf/format.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

/// Parses a file; the format comes from `format` or the file's extension, the base IRI from
/// `base` or the file's own URI. Throws Error(Usage) for an unknown extension, Error(Io) when
/// the file cannot be read, Error(Syntax) with "file:line:column" on bad input.
std::vector<Triple> parse_file(const std::filesystem::path& file, std::optional<Format> format = {},
                               std::string_view base = {});
/// Parses text; `where` names it in errors. Empty text is an empty graph. N-Quads give their
/// triples without the graph names.
std::vector<Triple> parse_string(std::string_view text, Format format, std::string_view base = {},
                                 std::string_view where = "<string>");

}  // namespace policykg::rdf
