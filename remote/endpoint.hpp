// A SPARQL 1.1 Protocol endpoint asked the questions a local graph answers: queries sent as an
// HTML form by POST (the protocol's most widely served binding), bindings read from SPARQL JSON
// results, graphs from N-Triples or Turtle, all into the values the local engine gives.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/sparql/algebra.hpp"
#include "query/sparql/sparql.hpp"
#include "remote/http_client.hpp"
#include "remote/url.hpp"
#include "rdf/term.hpp"

namespace policykg::remote {

struct EndpointOptions {
  Url url;
  /// The graphs whose merge is the query's default graph (the protocol's default-graph-uri);
  /// empty: the endpoint's own default graph (on Virtuoso the union of all of its graphs).
  std::vector<std::string> default_graphs;
  HttpOptions http;
};

/// A query as the endpoint gets it: its form, and its text with the prologue it relies on.
struct RemoteQuery {
  query::algebra::Query::Form form = query::algebra::Query::Form::Select;
  std::string text;
};

/// Parses `sparql` as query::run would, with the same errors (Error(Syntax) at "query:LINE:COLUMN"),
/// and gives the text to send: the query, after a BASE line for options.base when it has no BASE of
/// its own, and a PREFIX line for each predefined prefix (options.prefixes) it uses without
/// declaring, so that any endpoint reads the query as policykg does.
RemoteQuery prepare_query(std::string_view sparql, const query::QueryOptions& options);

/// What an endpoint answered.
struct Answer {
  rdf::QueryResult result;
  /// The row limit the server says it cut the answer at (Virtuoso's X-SPARQL-MaxRows, its
  /// ResultSetMaxRows), when it did.
  std::optional<std::size_t> server_limit;
};

class Endpoint {
 public:
  explicit Endpoint(EndpointOptions options);

  /// Runs a query. Throws Error(Io) at "POST URL" when the request fails (every HTTP failure,
  /// with its status), Error(Input) when the answer is not the results asked for.
  Answer run(const RemoteQuery& query);
  /// Runs a SELECT or ASK query and requires the whole answer: Error(Query) when the server cut it.
  rdf::QueryResult select(std::string_view sparql);
  /// Every triple of the default graph, sorted and without duplicates, in one CONSTRUCT: for the
  /// commands that need the whole graph (export). Error(Query) when the server cut it.
  std::vector<rdf::Triple> all_triples();

  const EndpointOptions& options() const { return options_; }

 private:
  EndpointOptions options_;
  HttpClient http_;
};

}  // namespace policykg::remote
