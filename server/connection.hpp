// The server's connections. cpp-httplib parses and routes each request, but the loop over one
// connection's requests is ours (HttpServer overrides httplib's per-connection function), so that:
// a request's head and its body each have a whole deadline (not one per line or per read), the
// head and the body are bounded in bytes however the body is sent (Content-Length or chunked),
// byte ranges are ignored (every body here is generated: 200 with the whole of it; a Range header
// of more than a few ranges is refused with 416), and the
// connections are capped in total and per client address (503 with Retry-After beyond, at once).
// A response, too, has a deadline, which grows as its bytes go out: a client that reads slowly
// cannot hold its thread for ever.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include <httplib.h>

namespace policykg::server {

struct ConnectionLimits {
  std::size_t max_connections = 256;           ///< connections served at once, all clients
  std::size_t max_per_client = 32;             ///< connections served at once from one address
  std::chrono::milliseconds head_timeout{10000};  ///< request line and headers, from their first byte
  std::chrono::milliseconds body_timeout{30000};  ///< the whole body, from the end of the headers
  std::chrono::milliseconds idle_timeout{5000};   ///< keep-alive: wait for the next request
  std::chrono::milliseconds write_timeout{30000}; ///< the response's first bytes; then it must keep up
  std::size_t min_write_rate = 16 * 1024;      ///< bytes a second a response's deadline grows by as it is sent
  std::size_t max_head_bytes = 64 * 1024;      ///< request line and headers together (431 beyond)
  std::size_t max_body_bytes = 1 << 20;        ///< body bytes as sent, chunk sizes included (413 beyond)
  std::size_t max_requests = 100;              ///< requests per connection
};

/// What went wrong reading the request on this thread (the error handler turns it into a status),
/// and what to do once it is answered.
struct RequestTrouble {
  bool timed_out = false;       ///< 408
  bool head_too_large = false;  ///< 431
  bool body_too_large = false;  ///< 413
  bool range_too_long = false;  ///< 416: a Range header of more than a few ranges
  bool close = false;           ///< close the connection after this response
  bool release_memory = false;  ///< after the response, give the heap's free memory back (malloc_trim)
};
/// The request being handled on this thread (reset before each request).
RequestTrouble& request_trouble();

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

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(ConnectionLimits limits);
  /// Headers sent with every response, the refusals of the connection limits included.
  void set_common_headers(httplib::Headers headers);
  /// Receives one line for each connection refused by the limits.
  void set_refusal_log(std::function<void(const std::string& client)> log) { refusal_log_ = std::move(log); }
  const ConnectionLimits& limits() const { return limits_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void refuse(socket_t sock, const std::string& client);

  ConnectionLimits limits_;
  ConnectionCounter counter_;
  httplib::Headers common_headers_;
  std::function<void(const std::string&)> refusal_log_;
};

/// A task queue with a thread per connection up to `max_threads`, started as needed and kept.
httplib::TaskQueue* new_connection_pool(std::size_t max_threads);

}  // namespace policykg::server
