#include "server/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>

#include "rdf/error.hpp"
#include "server/context.hpp"
#include "server/request_log.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

thread_local std::chrono::steady_clock::time_point request_start;

constexpr const char* kExposedHeaders = "Link, Content-Location, Vary, Retry-After, X-PolicyKG-Truncated, "
                                        "X-PolicyKG-Row-Limit";

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

}  // namespace

struct Server::Impl {
  Impl(const rdf::Model& model, Options options) : ctx(model, std::move(options)) {}
  Context ctx;
  httplib::Server http;
  std::thread listener;
  std::atomic<int> port{-1};
  std::atomic<bool> started{false};
  std::atomic<int> listen_fd{-1};
};

Server::Server(const rdf::Model& model, Options options) : impl_(std::make_unique<Impl>(model, std::move(options))) {
  auto& http = impl_->http;
  auto& ctx = impl_->ctx;
  const Options& o = ctx.options;

  const std::size_t threads = o.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_request_bytes);
  // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let two servers share a port.
  http.set_socket_options([impl = impl_.get()](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    // Accepted sockets inherit TCP_NODELAY: without it a keep-alive response written in two
    // parts (headers, body) waits 40 ms for the client's delayed ACK.
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    impl->listen_fd = sock;
  });
  http.set_read_timeout(10, 0);
  http.set_write_timeout(30, 0);
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(5);
  if (o.cors)
    http.set_default_headers({{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Expose-Headers", kExposedHeaders}});

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  if (o.log) {
    auto log = o.log;
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      log(request_log_line(req, res, std::chrono::steady_clock::now() - request_start));
    });
  }
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
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
  http.Options(R"(.*)", [cors](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Allow", "GET, POST, OPTIONS");
    if (cors) {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Accept, Content-Type");
      res.set_header("Access-Control-Max-Age", "86400");
    }
  });

  add_sparql_endpoint(http, ctx);
  add_linked_data(http, ctx);
  add_ontology_page(http, ctx);
  add_dataset_descriptions(http, ctx);
  add_graph_page(http, ctx);
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
