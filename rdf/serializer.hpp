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
/// The same, written to `os` as it is made (a megabyte at a time but for JSON-LD). N-Triples,
/// N-Quads and Turtle are made on `threads` threads, in pieces written in order: the same bytes
/// whatever the number.
void serialize(const Graph& graph, Format format, std::string_view base, std::ostream& os,
               std::string_view graph_name = {}, unsigned threads = 1);

/// A graph of a dataset; `name` is empty for the default graph.
struct NamedGraph {
  std::string name;
  Graph graph;
};

enum class DatasetSyntax { NQuads, TriG };

/// Writes a dataset to `os` deterministically: graphs in the order given, each sorted, the
/// default graph's triples without a graph name (TriG: outside any block); the graphs are made
/// on `threads` threads, a graph each, and written in order.
void serialize_dataset(const std::vector<NamedGraph>& graphs, DatasetSyntax syntax, std::string_view base,
                       std::ostream& os, unsigned threads = 1);

}  // namespace policykg::rdf
