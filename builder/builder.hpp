// The builder's entry points: plain text in, triples out (no Redland involved).
// Pipeline, one file per step: reader (source_text) -> structure_parser (with numbering and
// measure_splitter) -> recogniser and citation_recogniser (gazetteer + patterns) ->
// relation_rules (with classifier) -> emitter.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ontology/terms.hpp"
#include "rdf/graph.hpp"
#include "rdf/term.hpp"

namespace policykg::builder {

struct Options {
  std::string base = std::string(ns::kDefaultBase);  ///< instance base IRI
  std::filesystem::path gazetteer_dir;               ///< empty: paths::gazetteer_dir()
  std::filesystem::path rules_dir;                   ///< empty: paths::data_dir() / "rules"
  /// One evidence node per derived fact of a unit (rdf:Statement with the cue's offsets, words
  /// and rule): about twice the triples, so off unless asked for.
  bool evidence = false;
};

/// Progress after each document: documents done, of total, triples so far.
using Progress = std::function<void(std::size_t done, std::size_t total, std::size_t triples)>;

/// Builds the graph of one document whose text is `text`; `name` is the file name, used for the
/// document's IRI slug and in error messages. Throws policykg::Error(Input) for empty, binary or
/// non-UTF-8 text, naming the file and byte offset. The graph is sorted.
rdf::Graph build_text_graph(std::string_view text, std::string_view name, const Options& options = {});

/// Builds a corpus: every file in order, entities shared across documents (one IRI per entity).
/// The graph is sorted (free of duplicates).
rdf::Graph build_graph(const std::vector<std::filesystem::path>& files, const Options& options = {},
                       const Progress& progress = {});

/// build_text_graph and build_graph as triple values, for callers that want them.
std::vector<rdf::Triple> build_text(std::string_view text, std::string_view name, const Options& options = {});
std::vector<rdf::Triple> build_files(const std::vector<std::filesystem::path>& files,
                                     const Options& options = {}, const Progress& progress = {});

/// Every *.txt file of a folder, sorted by name.
std::vector<std::filesystem::path> list_documents(const std::filesystem::path& dir);

/// The IRI path of the document read from `file` ("doc/" + slug of the file stem); its annexes
/// are that path + "/annex/N".
std::string document_path(const std::filesystem::path& file);

}  // namespace policykg::builder
