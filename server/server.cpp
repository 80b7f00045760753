#include "server/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <thread>

#include <httplib.h>

#include "core/error.hpp"
#include "server/connection.hpp"
#include "server/context.hpp"
#include "server/representation.hpp"
#include "server/request_log.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

thread_local std::chrono::steady_clock::time_point request_start;

// Pages load scripts, styles and data from the server only; the graph page's inline script and
// style are allowed by their hashes (graph_page.cpp). The one inline style allowed here is the
// rule YASGUI's column resizer adds to the results table (@zazuko/yasgui, pinned in web/).
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='; "
    "img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* kExposedHeaders = "Link, Content-Location, Vary, Retry-After, X-PolicyKG-Truncated, "
                                        "X-PolicyKG-Row-Limit";

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

// Only /sparql takes POST; nothing takes PUT, DELETE, PATCH and the like.
std::string allowed_methods(const std::string& path) {
  return path == "/sparql" ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
}

// The response is the last on its connection (the rest of the request is not read).
void close_after(httplib::Response& res) {
  request_trouble().close = true;
  res.set_header("Connection", "close");
}

// Refuses, before its body is read, a request whose method the path does not take or whose body
// is too large or of unknown length; a request that has a body but is answered without reading
// it closes its connection. Unhandled: routed as usual.
httplib::Server::HandlerResponse screen(const httplib::Request& req, httplib::Response& res,
                                        std::size_t max_body) {
  using R = httplib::Server::HandlerResponse;
  const bool chunked = req.has_header("Transfer-Encoding");
  const bool sized = req.has_header("Content-Length");
  std::uint64_t length = 0;
  if (sized) {
    const std::string value = req.get_header_value("Content-Length");
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (ec == std::errc::result_out_of_range) length = UINT64_MAX;
    else if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      close_after(res);
      send_error(res, 400, "Bad Request: Content-Length is not a number");
      return R::Handled;
    }
  }
  if (chunked && (sized || strcasecmp(req.get_header_value("Transfer-Encoding").c_str(), "chunked") != 0)) {
    close_after(res);
    send_error(res, 400, "Bad Request: Transfer-Encoding other than chunked, or with a Content-Length");
    return R::Handled;
  }
  const bool has_body = chunked || length > 0;
  const bool takes_body = req.method == "POST" && req.path == "/sparql";
  if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS" && !takes_body) {
    if (has_body) close_after(res);
    res.set_header("Allow", allowed_methods(req.path));
    send_error(res, 405, "Method Not Allowed: " + req.method + " " + req.path + " (allowed: " +
                             allowed_methods(req.path) + ")");
    return R::Handled;
  }
  if (!takes_body) {
    if (has_body) close_after(res);
    return R::Unhandled;
  }
  if (!sized && !chunked) {
    close_after(res);
    send_error(res, 411, "Length Required: send the body with a Content-Length or chunked");
    return R::Handled;
  }
  if (length > max_body) {
    close_after(res);
    send_error(res, 413, "Payload Too Large: the body may have at most " + std::to_string(max_body) + " bytes");
    return R::Handled;
  }
  return R::Unhandled;
}

}  // namespace

struct Server::Impl {
  Impl(const rdf::Model& model, Options options) : ctx(model, std::move(options)), http(limits(ctx.options)) {}
  static ConnectionLimits limits(const Options& o) {
    ConnectionLimits l;
    l.max_connections = o.max_connections;
    l.max_per_client = o.max_connections_per_client;
    l.head_timeout = o.head_timeout;
    l.body_timeout = o.body_timeout;
    l.write_timeout = o.write_timeout;
    l.min_write_rate = o.min_write_rate;
    l.max_body_bytes = o.max_request_bytes;
    return l;
  }
  Context ctx;
  HttpServer http;
  std::thread listener;
  std::atomic<int> port{-1};
  std::atomic<bool> started{false};
  std::atomic<int> listen_fd{-1};
};

Server::Server(const rdf::Model& model, Options options) : impl_(std::make_unique<Impl>(model, std::move(options))) {
  auto& http = impl_->http;
  auto& ctx = impl_->ctx;
  const Options& o = ctx.options;

  // A thread per connection, and a few more to refuse connections beyond the limits at once.
  const std::size_t threads = o.max_connections + 8;
  http.new_task_queue = [threads] { return new_connection_pool(threads); };
  // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let two servers share a port.
  http.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // Accepted sockets inherit TCP_NODELAY: without it a keep-alive response written in two
    // parts (headers, body) waits 40 ms for the client's delayed ACK.
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", kContentSecurityPolicy},
                              {"Accept-Ranges", "none"}};
  if (o.cors) {
    headers.emplace("Access-Control-Allow-Origin", "*");
    headers.emplace("Access-Control-Expose-Headers", kExposedHeaders);
  }
  http.set_common_headers(std::move(headers));

  const std::size_t max_body = o.max_request_bytes;
  http.set_pre_routing_handler([max_body](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    return screen(req, res, max_body);
  });
  // Expect: 100-continue: a body too large is refused before the client sends it.
  http.set_expect_100_continue_handler([max_body](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    if (screen(req, res, max_body) == httplib::Server::HandlerResponse::Handled) return res.status;
    return 100;
  });
  if (o.log) {
    auto log = o.log;
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      log(request_log_line(req, res, std::chrono::steady_clock::now() - request_start));
    });
    http.set_refusal_log([log](const std::string& client) {
      httplib::Request req;
      req.remote_addr = client;
      req.method = "-";
      req.target = "(connection refused: too many connections)";
      httplib::Response res;
      res.status = 503;
      log(request_log_line(req, res, std::chrono::steady_clock::duration::zero()));
    });
  }
  http.set_error_handler([max_body](const httplib::Request&, httplib::Response& res) {
    // What the connection saw while reading the request decides the status.
    const auto& trouble = request_trouble();
    const int status = trouble.timed_out        ? 408
                       : trouble.head_too_large ? 431
                       : trouble.body_too_large ? 413
                       : trouble.range_too_long ? 416
                                                : 0;
    if (status) {
      res.status = status;
      res.body.clear();
      if (status == 413)
        res.set_content("413 Payload Too Large: the body may have at most " + std::to_string(max_body) +
                            " bytes as sent\n", "text/plain; charset=utf-8");
    }
    if (trouble.close && !res.has_header("Connection")) res.set_header("Connection", "close");
    if (res.body.empty())
      res.set_content(std::to_string(res.status) + " " + reason(res.status) + "\n", "text/plain; charset=utf-8");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string message = "internal error";
    try {
      std::rethrow_exception(ep);
    } catch (const Error& e) {
      message = e.describe();
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content("500 Internal Server Error: " + message + "\n", "text/plain; charset=utf-8");
  });
  const bool cors = o.cors;
  http.Options(R"(.*)", [cors](const httplib::Request& req, httplib::Response& res) {
    res.status = 204;
    res.set_header("Allow", allowed_methods(req.path));
    if (cors) {
      res.set_header("Access-Control-Allow-Methods", allowed_methods(req.path));
      res.set_header("Access-Control-Allow-Headers", "Accept, Content-Type");
      res.set_header("Access-Control-Max-Age", "86400");
    }
  });

  add_sparql_endpoint(http, ctx);
  add_linked_data(http, ctx);
  add_ontology_page(http, ctx);
  add_dataset_descriptions(http, ctx);
  add_graph_page(http, ctx);
  add_pictures_page(http, ctx);
  add_search_page(http, ctx);
  add_diff_page(http, ctx);
  add_static_files(http, ctx);
}

Server::~Server() { stop(); }

int Server::start() {
  if (impl_->started.exchange(true)) return impl_->port;
  auto& http = impl_->http;
  const auto& o = impl_->ctx.options;
  int port = o.port == 0 ? http.bind_to_any_port(o.host) : (http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0)
    throw Error(Error::Category::Io, o.host + ":" + std::to_string(o.port), "cannot listen on this address");
  // cpp-httplib 0.11 listens with a backlog of 5: a burst of connections then loses handshakes
  // and requests wait for TCP retransmissions. Listening again on Linux just raises the backlog.
  if (impl_->listen_fd >= 0) ::listen(impl_->listen_fd, SOMAXCONN);
  impl_->port = port;
  impl_->listener = std::thread([&http] { http.listen_after_bind(); });
  return port;
}

void Server::stop() {
  if (!impl_->started) return;
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

int Server::port() const { return impl_->port; }

}  // namespace policykg::server
