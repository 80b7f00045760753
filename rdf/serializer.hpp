// Writing triples in every RDF format, deterministically and without Redland.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/format.hpp"
#include "rdf/graph.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

/// Serialises triples deterministically (sorted, with the project's prefixes); `base` is the
/// instance base, declared as the `id:` prefix. N-Quads puts every triple in the graph `graph`
/// (the default graph when empty).
std::string serialize(const std::vector<Triple>& triples, Format format, std::string_view base,
                      std::string_view graph = {});
/// Serialises a graph (sorted first when it is not).
std::string serialize(const Graph& graph, Format format, std::string_view base, std::string_view graph_name = {});
/// The same, written to `os` as it is made (a megabyte at a time but for JSON-LD).
void serialize(const Graph& graph, Format format, std::string_view base, std::ostream& os,
               std::string_view graph_name = {});

}  // namespace policykg::rdf
