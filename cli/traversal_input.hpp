// What every traversal command reads: the graph (--data/--store or the documents), its GraphView,
// the entity resolver, and the --format option (text or json).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/graph_source.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "query/traversal/route.hpp"

namespace policykg::cli {

struct TraversalOptions {
  GraphSource source;
  std::string format = "text";
};

/// Adds --data/--store/--base and --format (one of `formats`, the first the default) to a
/// traversal command.
void add_traversal_options(CLI::App& cmd, TraversalOptions& options,
                           const std::vector<std::string>& formats = {"text", "json"});

/// The loaded graph as a view, with a resolver for ENTITY arguments.
struct TraversalInput {
  explicit TraversalInput(const GraphSource& source);
  TraversalInput(const TraversalInput&) = delete;  // the resolver points into the view
  TraversalInput& operator=(const TraversalInput&) = delete;
  std::string base;
  query::GraphView view;
  query::EntityResolver resolver;

  /// "label (id:…)" for text output.
  std::string describe(query::Vertex v) const;
  /// The route as text, or "" when empty.
  std::string route(const query::Route& r) const;
};

}  // namespace policykg::cli
