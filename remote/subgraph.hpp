// The part of a remote graph a traversal reads (query/traversal/reach.hpp), fetched in batched
// CONSTRUCT queries with VALUES blocks, never the whole graph; and the ENTITY a researcher names,
// found there with a few queries as query::EntityResolver finds it in a local graph. A GraphView of
// what is fetched gives every traversal the answers the whole graph gives. The same queries read
// a mapped index file's part of a graph (DatasetQueries), without decoding the rest.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/sparql/dataset.hpp"
#include "query/traversal/reach.hpp"
#include "rdf/term.hpp"
#include "remote/endpoint.hpp"

namespace policykg::remote {

/// What the fetching asks of a graph: a CONSTRUCT whose template is { ?s ?p ?o } and that has no
/// solution modifier, whose every triple is wanted; and an ASK.
class GraphQueries {
 public:
  virtual ~GraphQueries() = default;
  virtual std::vector<rdf::Triple> construct(const std::string& sparql) = 0;
  virtual bool ask(const std::string& sparql) = 0;

  /// A part of the graph in which a GraphView's breadth-first search (query::shortest_path) takes
  /// the route it takes on the whole graph between two resources (IRIs, or "_:label") along
  /// `predicates` followed both ways (none: every predicate but rdf:type): the resources of every
  /// shortest route with the triples between them, or of that one route with its own triples;
  /// none when the two are not connected. When the graph can search itself; nullopt (the
  /// default): the fetching searches with queries.
  struct Route {
    std::vector<std::string> resources;
    std::vector<rdf::Triple> triples;
  };
  virtual std::optional<Route> shortest_route(const std::string& from, const std::string& to,
                                              const std::vector<std::string>& predicates) {
    (void)from, (void)to, (void)predicates;
    return std::nullopt;
  }
};

/// GraphQueries on an endpoint. When the server cuts a CONSTRUCT's answer at its row limit
/// (Virtuoso's ResultSetMaxRows), the query is asked again page by page: ORDER BY ?s ?p ?o, with
/// LIMIT and OFFSET of that limit.
class EndpointQueries : public GraphQueries {
 public:
  explicit EndpointQueries(Endpoint& endpoint) : endpoint_(&endpoint) {}
  std::vector<rdf::Triple> construct(const std::string& sparql) override;
  bool ask(const std::string& sparql) override;
  /// How many queries were sent.
  std::size_t queries() const { return queries_; }

 private:
  Endpoint* endpoint_;
  std::size_t queries_ = 0;
};

/// GraphQueries on a dataset (a mapped index file), answered by the local engine: a traversal on
/// an index reads only its part of the graph, as from an endpoint. A shortest route is searched
/// over the permutations through their Boost.Graph adaptor (query::first_shortest_route on a
/// query::DatasetGraph, each vertex's edges tried in a GraphView's order), and only that route's
/// resources are given, so that only they are described.
class DatasetQueries : public GraphQueries {
 public:
  explicit DatasetQueries(const query::Dataset& dataset) : dataset_(&dataset) {}
  std::vector<rdf::Triple> construct(const std::string& sparql) override;
  bool ask(const std::string& sparql) override;
  std::optional<Route> shortest_route(const std::string& from, const std::string& to,
                                      const std::vector<std::string>& predicates) override;
  std::size_t queries() const { return queries_; }

 private:
  const query::Dataset* dataset_;
  std::size_t queries_ = 0;
};

/// The IRI `entity` names, as query::EntityResolver::resolve would find it in the whole graph:
/// an IRI or prefixed name that is there (one ASK); else a label, an IRI's tail or a run of words
/// of a label or text, looked for among the resources one of whose labels or texts holds every
/// word of it (one query; two more for a tail, which every IRI is scanned for). Throws
/// Error(Input) at `entity "TEXT"` as the resolver does; its suggestions come from those
/// resources only.
std::string resolve_entity(GraphQueries& graph, std::string_view entity, const std::string& base);

/// What a traversal starting at `entities` reads, as `reach` says, with every literal and type of
/// each resource met, the labels of the predicates met and the superclasses of the types met:
/// sorted and without duplicates. Resources are asked about `batch` at a time. A blank node is not
/// followed (no query can name one); the builder writes none.
std::vector<rdf::Triple> fetch_reach(GraphQueries& graph, const std::vector<std::string>& entities,
                                     const query::Reach& reach, std::size_t batch = 200);

}  // namespace policykg::remote
