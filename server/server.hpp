// server::Server: the SPARQL 1.1 Protocol endpoint and the linked-data publication of one graph
// over HTTP. Construct it over a dataset (a model snapshotted in memory, or a memory-mapped index
// file), start() it (a few I/O threads serve the connections, a pool of workers runs the
// handlers), stop() it (or destroy it).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "query/sparql/dataset.hpp"
#include "rdf/model.hpp"

namespace policykg::server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                                  ///< 0: any free port (see Server::port())
  std::string base;                                 ///< instance base; empty: the default base
  std::chrono::milliseconds timeout{30000};         ///< per query; 0: none
  std::size_t max_rows = 10000;                     ///< result row (or triple) cap; 0: none
  std::size_t max_request_bytes = 1 << 20;          ///< request body limit (413 beyond)
  bool cors = true;                                 ///< Access-Control-Allow-Origin: *
  std::size_t max_connections = 4096;               ///< connections open at once (at most the fd limit allows); 503 beyond
  std::size_t max_connections_per_client = 32;      ///< of them from one client address; 503 beyond
  std::size_t max_queries = 0;                      ///< queries evaluated at once; 0: the machine's cores (at least 2)
  std::size_t query_queue = 32;                     ///< queries waiting for one of those; 503 beyond, at once
  /// Threads running the handlers; 0: max_queries + query_queue (a query holds its worker while
  /// it runs or waits its turn) + the machine's cores (at least 2) for everything else.
  std::size_t workers = 0;
  /// Bytes one query may hold while it runs (query::QueryOptions::max_memory); 0: half the
  /// machine's memory shared among the max_queries evaluated at once.
  std::size_t max_memory = 0;
  /// Bytes of terms decoded from the dataset's dictionary (an index file's, or one built as an
  /// index holds it) kept between requests; beyond, the next request starts a fresh cache and the
  /// full one is freed when the requests that could read it end. 0: every term decoded is kept.
  std::size_t term_cache = std::size_t{128} << 20;
  std::chrono::milliseconds head_timeout{10000};    ///< whole request line and headers (408 beyond)
  std::chrono::milliseconds body_timeout{30000};    ///< whole request body (408 beyond)
  std::chrono::milliseconds write_timeout{30000};   ///< a response's first bytes; then it must keep up
  std::size_t min_write_rate = 16 * 1024;           ///< bytes a second, after write_timeout; slower: closed
  std::filesystem::path web_dir;                    ///< empty: paths::web_dir()
  std::filesystem::path ontology_file;              ///< empty: ontology::ontology_file()
  std::filesystem::path examples_dir;               ///< .rq files for the query page; empty: home()/examples/queries
  std::filesystem::path documents_dir;              ///< source texts; empty: paths::documents_dir()
  /// Receives one line per request (no newline); none: no log.
  std::function<void(std::string_view line)> log;
};

class Server {
 public:
  /// Serves the dataset's default graph (the SPARQL endpoint and the pages read it where it is:
  /// a mapped index file is neither decoded nor copied) and reads the ontology; throws
  /// policykg::Error.
  Server(query::Dataset dataset, Options options);
  /// The same over a snapshot of the model, which may change or go afterwards.
  Server(const rdf::Model& model, Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and starts serving on background threads (I/O and workers); returns the bound port. Throws Error(Io)
  /// when the address cannot be bound.
  int start();
  /// Stops listening and finishes the requests in progress.
  void stop();
  int port() const;
  /// The dataset served.
  const query::Dataset& dataset() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace policykg::server
