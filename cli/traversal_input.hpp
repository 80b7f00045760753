// What every traversal command reads: the graph (--data/--store, --endpoint or the documents), its
// GraphView, its ENTITY arguments resolved, and the --format option (text or json).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/graph_source.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "query/traversal/reach.hpp"
#include "query/traversal/route.hpp"

namespace policykg::cli {

struct TraversalOptions {
  GraphSource source;
  std::string format = "text";
};

/// Adds --data/--store/--base and --format (one of `formats`, the first the default) to a
/// traversal command; with `remote`, --endpoint and its options too.
void add_traversal_options(CLI::App& cmd, TraversalOptions& options,
                           const std::vector<std::string>& formats = {"text", "json"}, bool remote = false);

/// The graph as a view, with a resolver for ENTITY arguments.
struct TraversalInput {
  /// The whole graph of --data/--store or the documents (no --endpoint).
  explicit TraversalInput(const GraphSource& source);
  /// The graph a traversal starting at `entities` reads, and the entities resolved (`entities`):
  /// from RDF files, --store or the documents the whole graph; from --endpoint or an index file
  /// only the part `reach` says it reads, in batched queries (remote/subgraph.hpp), which gives
  /// the same answers.
  TraversalInput(const GraphSource& source, const std::vector<std::string>& names, const query::Reach& reach);
  TraversalInput(const TraversalInput&) = delete;  // the resolver points into the view
  TraversalInput& operator=(const TraversalInput&) = delete;
  std::string base;
  query::GraphView view;
  query::EntityResolver resolver;
  std::vector<query::Vertex> entities;  ///< the names given, resolved, in order

  /// "label (id:…)" for text output.
  std::string describe(query::Vertex v) const;
  /// The route as text, or "" when empty.
  std::string route(const query::Route& r) const;

 private:
  struct Fetched;
  static Fetched fetch(const GraphSource& source, const std::vector<std::string>& names, const query::Reach& reach);
  TraversalInput(const GraphSource& source, Fetched fetched, const std::vector<std::string>& names);
};

}  // namespace policykg::cli
