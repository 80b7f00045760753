// RDF serialisation formats and their names on the command line.
#pragma once

#include <optional>
#include <string_view>

namespace policykg::rdf {

enum class Format { Turtle, NTriples, NQuads, RdfXml, JsonLd };

/// "turtle", "ntriples", "nquads", "rdfxml", "jsonld" (and the usual aliases: ttl, nt, nq, xml,
/// rdf, json-ld); nullopt when unknown.
std::optional<Format> format_from_name(std::string_view name);
/// Guesses the format of a file from its extension (.ttl, .nt, .nq, .rdf/.owl/.xml, .jsonld).
std::optional<Format> format_from_path(std::string_view path);
/// The canonical command-line name.
std::string_view format_name(Format f);
/// The media type served for the format.
std::string_view media_type(Format f);
/// The usual file extension, without the dot.
std::string_view file_extension(Format f);

}  // namespace policykg::rdf
