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

/// A graph of a dataset; `name` is empty for the default graph.
struct NamedGraph {
  std::string name;
  Graph graph;
};

enum class DatasetSyntax { NQuads, TriG };

/// Writes a dataset to `os` deterministically: graphs in the order given, each sorted, the
/// default graph's triples without a graph name (TriG: outside any block).
void serialize_dataset(const std::vector<NamedGraph>& graphs, DatasetSyntax syntax, std::string_view base,
                       std::ostream& os);

}  // namespace policykg::rdf
