// The server's connections, on asynchronous I/O (Boost.Asio, with Boost.Beast's HTTP/1.1 parser):
// a few I/O threads read every connection's requests and write the responses; a complete request
// goes to the worker pool, which runs its handler. An idle or slow connection thus costs a socket
// and a small buffer, not a thread, and the caps on connections can be in the thousands.
//
// Each request is read under whole deadlines (the head from its first byte, the body from the
// head's end; not one per read) and bounds in bytes (the head; the body as sent, chunk sizes
// included; the URL; a Range header), and screened before its body is read. A response, too, has
// a deadline, which grows as its bytes go out: a client that reads slowly is let go. Connections
// are capped in total and per client address: beyond, 503 with Retry-After at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "server/message.hpp"

namespace policykg::server {

struct ConnectionLimits {
  std::size_t max_connections = 4096;          ///< connections open at once, all clients (at most the fd limit allows)
  std::size_t max_per_client = 32;             ///< connections open at once from one address
  std::chrono::milliseconds head_timeout{10000};  ///< request line and headers, from their first byte
  std::chrono::milliseconds body_timeout{30000};  ///< the whole body, from the end of the headers
  std::chrono::milliseconds idle_timeout{5000};   ///< keep-alive: wait for the next request
  std::chrono::milliseconds write_timeout{30000}; ///< the response's first bytes; then it must keep up
  std::size_t min_write_rate = 16 * 1024;      ///< bytes a second a response's deadline grows by as it is sent
  std::size_t max_head_bytes = 64 * 1024;      ///< request line and headers together (431 beyond)
  std::size_t max_url_bytes = 8 * 1024;        ///< the request target (414 beyond)
  std::size_t max_range_line = 200;            ///< a Range header line (416 beyond: more than a few ranges)
  std::size_t max_body_bytes = 1 << 20;        ///< body bytes as sent, chunk sizes included (413 beyond)
  std::size_t max_requests = 100;              ///< requests per connection
  std::size_t io_threads = 2;                  ///< threads reading and writing the sockets
  std::size_t workers = 4;                     ///< threads running the handlers (started as needed)
};

/// Connections served at once, per client address and in total.
class ConnectionCounter {
 public:
  ConnectionCounter(std::size_t max_total, std::size_t max_per_client)
      : max_total_(max_total), max_per_client_(max_per_client) {}
  /// Counts a connection from `client`; false (nothing counted) when a limit is reached.
  bool enter(const std::string& client);
  void leave(const std::string& client);

 private:
  std::mutex mutex_;
  std::map<std::string, std::size_t> per_client_;
  std::size_t total_ = 0;
  std::size_t max_total_;
  std::size_t max_per_client_;
};

/// What the server does with the requests its connections read.
struct RequestHandlers {
  /// Looks at a request whose head is read, before its body is (on an I/O thread: must be quick).
  /// True: `res` is the answer, the body is not read and the connection closes after it. False
  /// with `res.close`: the request is handled without its body, and the connection closes after.
  std::function<bool(const Request& req, Response& res)> screen;
  /// Fills in the answer to a complete request (on a worker thread).
  std::function<void(Request& req, Response& res)> handle;
  /// Called once the answer is sent, or given up on (on an I/O thread; must not block for long).
  std::function<void(const Request& req, const Response& res, std::chrono::steady_clock::duration)> log;
  /// Called for each connection refused by the caps.
  std::function<void(const std::string& client)> refusal_log;
};

class HttpServer {
 public:
  /// `common_headers` go with every response, the refusals included. Raises the process's
  /// open-file limit towards what `limits.max_connections` needs, and lowers that cap to what
  /// the limit allows (less some headroom).
  HttpServer(ConnectionLimits limits, Headers common_headers, RequestHandlers handlers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds `host:port` (0: any free port), starts the I/O threads; returns the bound port. Throws
  /// Error(Io) when the address cannot be bound.
  int listen(const std::string& host, int port);
  /// Stops accepting, drops idle connections and unfinished heads, finishes the requests in
  /// progress (bodies being read, handlers running, responses being written), then returns.
  void stop();
  const ConnectionLimits& limits() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace policykg::server
