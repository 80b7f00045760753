// What every route handler shares: the options, the query dataset, the snapshots (for pages),
// the IRI map, the source texts and the caches. Built once when the server starts.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "query/sparql/dataset.hpp"
#include "query/traversal/graph_view.hpp"
#include "query/traversal/text_search.hpp"
#include "rdf/format.hpp"
#include "server/graph_snapshot.hpp"
#include "server/html_writer.hpp"
#include "server/iri_map.hpp"
#include "server/query_queue.hpp"
#include "server/server.hpp"
#include "server/source_texts.hpp"

namespace policykg::server {

/// Whole-graph dumps, serialised on first request and kept.
class DumpCache {
 public:
  const std::string& get(rdf::Format format, const GraphSnapshot& data, const std::string& base);

 private:
  std::mutex mutex_;
  std::map<rdf::Format, std::string> dumps_;
};

struct Context {
  /// Resolves the options' defaults, takes the dataset (its default graph is served) and reads the
  /// ontology.
  Context(query::Dataset dataset, Options options);

  Options options;
  /// The graph indexed for SPARQL (in memory, or a mapped index file), so that queries neither
  /// rebuild it nor wait for librdf; the pages read it through `data`.
  query::Dataset dataset;
  IriMap iris;
  GraphSnapshot data;
  GraphSnapshot ontology;
  std::string ontology_turtle;  ///< the ontology file as written, served as is
  SourceTexts sources;
  Linker linker;
  DumpCache dumps;
  /// Queries evaluated at once and waiting, so that heavy queries never hold every worker.
  QueryQueue queries;

  /// The graph as a GraphView (for the graph page, the responsibility of units, search) and its
  /// full-text index, built on first use and shared by every thread.
  const query::GraphView& view();
  const query::TextIndex& text_index();

 private:
  std::once_flag views_built_;
  std::unique_ptr<query::GraphView> view_;
  std::unique_ptr<query::TextIndex> text_index_;
  void build_views();
};

/// The IRI that names the dataset in VoID and DCAT: `{base}dataset`, served at /id/dataset.
inline std::string dataset_iri(const IriMap& iris) { return iris.base() + "dataset"; }

}  // namespace policykg::server
