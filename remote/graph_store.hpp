// Uploading named graphs by the SPARQL 1.1 Graph Store HTTP Protocol: each graph in N-Triples
// batches of bounded size, the first by PUT (which replaces the graph), the rest by POST (which
// adds to it), so that publishing again gives the same graph and no request is unbounded.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "remote/http_client.hpp"
#include "remote/url.hpp"
#include "rdf/term.hpp"

namespace policykg::remote {

/// N-Triples bodies of at most `max_bytes` each (a single longer triple has a body of its own),
/// holding the triples in order, each once. N-Triples is Turtle too, so any Graph Store reads it.
std::vector<std::string> ntriples_batches(const std::vector<rdf::Triple>& triples, std::size_t max_bytes);

class GraphStore {
 public:
  /// `url` is the Graph Store's, without ?graph= (e.g. Virtuoso's .../sparql-graph-crud-auth).
  GraphStore(Url url, HttpOptions http, std::size_t batch_bytes);

  /// Replaces graph `iri` with `triples` (an empty graph is one empty PUT); returns the number of
  /// requests it took. Throws Error(Io) at "METHOD URL" naming the graph, the batch and the HTTP
  /// status or connection failure, once the retries are spent.
  std::size_t put(const std::string& iri, const std::vector<rdf::Triple>& triples);

 private:
  Url url_;
  HttpClient http_;
  std::size_t batch_bytes_;
};

}  // namespace policykg::remote
