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
#include "rdf/serializer.hpp"
#include "rdf/term.hpp"

namespace policykg::builder {

struct Options {
  std::string base = std::string(ns::kDefaultBase);  ///< instance base IRI
  std::filesystem::path gazetteer_dir;               ///< empty: paths::gazetteer_dir()
  std::filesystem::path rules_dir;                   ///< empty: paths::data_dir() / "rules"
  /// One evidence node per derived fact of a unit (rdf:Statement with the cue's offsets, words
  /// and rule): about twice the triples, so off unless asked for.
  bool evidence = false;
  /// Threads that read, parse and relate the documents (0: one per core, see thread_count). The
  /// graph is the same whatever the number: documents join the corpus in order.
  std::size_t jobs = 1;
  /// A document that cannot be read or parsed is skipped (and listed in Corpus::skipped) instead
  /// of ending the build.
  bool keep_going = false;
};

/// The threads `jobs` asks for: as many, or one per core for 0.
std::size_t thread_count(std::size_t jobs);

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

/// One text of a corpus: the document it is (the work) and the text itself (an expression of it).
struct BuiltText {
  std::filesystem::path file;
  std::string document;    ///< IRI path of the document the text realises
  std::string expression;  ///< IRI path of the text: document + "/" + language, "/2", "/3"… for more of one language
  bool principal = true;   ///< the document's first text: its units are the document's
};

/// A document left out with Options::keep_going, and why ("FILE:byte N: …").
struct Skipped {
  std::filesystem::path file;
  std::string error;
};

/// A corpus's graph and, in build order, the texts it was built from.
struct Corpus {
  rdf::Graph graph;
  std::vector<BuiltText> texts;
  std::vector<Skipped> skipped;  ///< with Options::keep_going, in the order given
};

/// build_graph, also saying which document and expression each file became.
Corpus build_corpus(const std::vector<std::filesystem::path>& files, const Options& options = {},
                    const Progress& progress = {});

/// The corpus as named graphs: first the default graph (unnamed: entities and documents only
/// cited, which no one text owns), then one graph per text, named by its expression's IRI and
/// holding the triples about its document, annexes and units (a further translation's graph only
/// its own expression and units). Empty graphs are left out.
std::vector<rdf::NamedGraph> named_graphs(const Corpus& corpus, std::string_view base);

/// build_text_graph and build_graph as triple values, for callers that want them.
std::vector<rdf::Triple> build_text(std::string_view text, std::string_view name, const Options& options = {});
std::vector<rdf::Triple> build_files(const std::vector<std::filesystem::path>& files,
                                     const Options& options = {}, const Progress& progress = {});

/// Every *.txt file of a folder, sorted by name (its catalogue, catalog.json, is read by the build).
std::vector<std::filesystem::path> list_documents(const std::filesystem::path& dir);

/// The IRI path of a document read from `file` whose own number is unknown ("doc/" + slug of the
/// file stem); its annexes are that path + "/annex/N". A text whose number its head or its
/// catalogue title prints is the numbered document instead (builder/README.md, "Identity").
std::string document_path(const std::filesystem::path& file);

}  // namespace policykg::builder
