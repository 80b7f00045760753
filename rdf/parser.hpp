// Parsing RDF files and text straight into triples, without a Redland model or store: serd reads
// Turtle, N-Triples and N-Quads, raptor RDF/XML, parse_jsonld JSON-LD. Model::load_file and
// Model::load_string add these triples (in document order, duplicates kept). Every document is
// checked first (input_checks.hpp): UTF-8 without NUL, and for RDF/XML bounded entities.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "rdf/format.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

/// The IRI of a file: "file://" and its absolute path, lexically normal ("./", "../" resolved,
/// symbolic links kept), with the bytes an IRI may not hold (controls, space, <>"{}|\^` and '%'
/// itself) percent-encoded. What a file's relative IRIs resolve against, and the name
/// `policykg query --named FILE` gives its graph.
std::string file_iri(const std::filesystem::path& file);

/// Parses a file; the format comes from `format` or the file's extension, the base IRI from
/// `base` or the file's own IRI (file_iri). Throws Error(Usage) for an unknown extension, Error(Io) when
/// the file cannot be read, Error(Syntax) with "file:line:column" on bad input: bad syntax, text
/// that is not UTF-8 or holds a NUL, a language tag that is not one, a term over kMaxTermBytes,
/// RDF/XML entities expanding past their bound, JSON nested more than kMaxJsonDepth levels.
std::vector<Triple> parse_file(const std::filesystem::path& file, std::optional<Format> format = {},
                               std::string_view base = {});
/// What is given each triple read; the triple's strings are reused once it returns.
using TripleSink = std::function<void(const Triple&)>;

/// Reads a file as parse_file does (the same triples in the same order, the same errors), giving
/// each triple to `sink`, without holding the file's text or its triples: Turtle, N-Triples and
/// N-Quads are read from a memory map, checked and parsed a window at a time, and the pages
/// already read are let go. RDF/XML, JSON-LD and anything that is not a regular file are parsed
/// whole (parse_file), then given. Triples given before an error are not taken back.
void read_file(const std::filesystem::path& file, const TripleSink& sink, std::optional<Format> format = {},
               std::string_view base = {});

/// Parses text; `where` names it in errors. Empty text is an empty graph. N-Quads give their
/// triples without the graph name, and are refused when they are in more than one graph.
std::vector<Triple> parse_string(std::string_view text, Format format, std::string_view base = {},
                                 std::string_view where = "<string>");

}  // namespace policykg::rdf
