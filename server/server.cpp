#include "server/server.hpp"

#include <strings.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdint>

#include "core/error.hpp"
#include "server/connection.hpp"
#include "server/content_encoding.hpp"
#include "server/context.hpp"
#include "server/representation.hpp"
#include "server/request_log.hpp"
#include "server/router.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

// Pages load scripts, styles and data from the server only; the graph page's inline script and
// style are allowed by their hashes (graph_page.cpp). The one inline style allowed here is the
// rule YASGUI's column resizer adds to the results table (@zazuko/yasgui, pinned in web/).
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='; "
    "img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* kExposedHeaders = "Link, Content-Location, Vary, Retry-After, X-PolicyKG-Truncated, "
                                        "X-PolicyKG-Row-Limit";

// Only /sparql takes POST; nothing takes PUT, DELETE, PATCH and the like.
std::string allowed_methods(const std::string& path) {
  return path == "/sparql" ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
}

// The response is the last on its connection (the rest of the request is not read).
void close_after(Response& res) {
  res.close = true;
  res.set_header("Connection", "close");
}

// Refuses, before its body is read, a request whose method the path does not take or whose body
// is too large or of unknown length; a request that has a body but is answered without reading
// it closes its connection. False: routed as usual.
bool screen(const Request& req, Response& res, std::size_t max_body) {
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
      return true;
    }
  }
  if (chunked && (sized || strcasecmp(req.get_header_value("Transfer-Encoding").c_str(), "chunked") != 0)) {
    close_after(res);
    send_error(res, 400, "Bad Request: Transfer-Encoding other than chunked, or with a Content-Length");
    return true;
  }
  const bool has_body = chunked || length > 0;
  const bool takes_body = req.method == "POST" && req.path == "/sparql";
  if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS" && !takes_body) {
    if (has_body) close_after(res);
    res.set_header("Allow", allowed_methods(req.path));
    send_error(res, 405, "Method Not Allowed: " + req.method + " " + req.path + " (allowed: " +
                             allowed_methods(req.path) + ")");
    return true;
  }
  if (!takes_body) {
    if (has_body) close_after(res);
    return false;
  }
  if (!sized && !chunked) {
    close_after(res);
    send_error(res, 411, "Length Required: send the body with a Content-Length or chunked");
    return true;
  }
  if (length > max_body) {
    close_after(res);
    send_error(res, 413, "Payload Too Large: the body may have at most " + std::to_string(max_body) + " bytes");
    return true;
  }
  return false;
}

Headers common_headers(const Options& o) {
  Headers headers = {{"X-Content-Type-Options", "nosniff"},
                     {"Content-Security-Policy", kContentSecurityPolicy},
                     {"Accept-Ranges", "none"}};
  if (o.cors) {
    headers.emplace("Access-Control-Allow-Origin", "*");
    headers.emplace("Access-Control-Expose-Headers", kExposedHeaders);
  }
  return headers;
}

ConnectionLimits connection_limits(const Options& o) {
  ConnectionLimits l;
  l.max_connections = o.max_connections;
  l.max_per_client = o.max_connections_per_client;
  l.head_timeout = o.head_timeout;
  l.body_timeout = o.body_timeout;
  l.write_timeout = o.write_timeout;
  l.min_write_rate = o.min_write_rate;
  l.max_body_bytes = o.max_request_bytes;
  l.workers = o.workers;
  return l;
}

// Runs the route of a complete request; an exception becomes a 500 with its message.
void route(const Router& router, Request& req, Response& res) {
  try {
    if (!router.dispatch(req, res)) res.status = 404;
  } catch (const Error& e) {
    res.status = 500;
    res.set_content("500 Internal Server Error: " + e.describe() + "\n", "text/plain; charset=utf-8");
  } catch (const std::exception& e) {
    res.status = 500;
    res.set_content(std::string("500 Internal Server Error: ") + e.what() + "\n", "text/plain; charset=utf-8");
  } catch (...) {
    res.status = 500;
    res.set_content("500 Internal Server Error: internal error\n", "text/plain; charset=utf-8");
  }
}

RequestHandlers request_handlers(const Router& router, const query::TermDictionary& terms,
                                 const Options& o) {
  RequestHandlers handlers;
  const std::size_t max_body = o.max_request_bytes;
  handlers.screen = [max_body](const Request& req, Response& res) { return screen(req, res, max_body); };
  handlers.handle = [&router, &terms](Request& req, Response& res) {
    // The terms the request decodes stay while it runs; between requests, beyond the cache limit,
    // they are let go.
    const query::TermDictionary::Pin pin = terms.pin();
    route(router, req, res);
    encode_content(req, res);
  };
  if (o.log) {
    auto log = o.log;
    handlers.log = [log](const Request& req, const Response& res, std::chrono::steady_clock::duration elapsed) {
      log(request_log_line(req, res, elapsed));
    };
    handlers.refusal_log = [log](const std::string& client) {
      Request req;
      req.remote_addr = client;
      req.method = "-";
      req.target = "(connection refused: too many connections)";
      Response res;
      res.status = 503;
      log(request_log_line(req, res, std::chrono::steady_clock::duration::zero()));
    };
  }
  return handlers;
}

}  // namespace

struct Server::Impl {
  Impl(query::Dataset dataset, Options options) : ctx(std::move(dataset), std::move(options)) {}
  Context ctx;
  Router router;
  std::unique_ptr<HttpServer> http;
  std::atomic<int> port{-1};
  std::atomic<bool> started{false};
};

Server::Server(const rdf::Model& model, Options options) : Server(query::Dataset(model), std::move(options)) {}

Server::Server(query::Dataset dataset, Options options)
    : impl_(std::make_unique<Impl>(std::move(dataset), std::move(options))) {
  auto& routes = impl_->router;
  auto& ctx = impl_->ctx;
  const bool cors = ctx.options.cors;
  routes.options(R"(.*)", [cors](const Request& req, Response& res) {
    res.status = 204;
    res.set_header("Allow", allowed_methods(req.path));
    if (cors) {
      res.set_header("Access-Control-Allow-Methods", allowed_methods(req.path));
      res.set_header("Access-Control-Allow-Headers", "Accept, Content-Type");
      res.set_header("Access-Control-Max-Age", "86400");
    }
  });

  add_sparql_endpoint(routes, ctx);
  add_linked_data(routes, ctx);
  add_ontology_page(routes, ctx);
  add_dataset_descriptions(routes, ctx);
  add_graph_page(routes, ctx);
  add_pictures_page(routes, ctx);
  add_search_page(routes, ctx);
  add_diff_page(routes, ctx);
  add_static_files(routes, ctx);
}

Server::~Server() { stop(); }

int Server::start() {
  if (impl_->started.exchange(true)) return impl_->port;
  const auto& o = impl_->ctx.options;
  impl_->http = std::make_unique<HttpServer>(connection_limits(o), common_headers(o),
                                             request_handlers(impl_->router, impl_->ctx.dataset.dictionary(), o));
  impl_->port = impl_->http->listen(o.host, o.port);
  return impl_->port;
}

void Server::stop() {
  if (impl_->http) impl_->http->stop();
}

int Server::port() const { return impl_->port; }

const query::Dataset& Server::dataset() const { return impl_->ctx.dataset; }

}  // namespace policykg::server
