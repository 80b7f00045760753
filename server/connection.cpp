// The server's connections on Asio and Beast: the listener, the caps per client and in total, and
// one Session a connection that reads its requests, hands each to a worker and writes the answer.
// Over 600 lines because a Session's steps (read, parse, respond, write, linger) share one strand,
// one deadline and its state; split across files they would each need the others' private parts.
#include "server/connection.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "core/error.hpp"
#include "core/heap.hpp"
#include "server/worker_pool.hpp"

namespace policykg::server {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

// Closing a socket with unread bytes, or receiving bytes after closing it, sends a reset, and a
// reset can discard the answer before the client reads it (a request whose body was not read, a
// refused connection whose request arrives late). So the write side is shut first and what the
// client still sends is read until it closes too, for at most kLinger.
constexpr std::chrono::milliseconds kLinger{250};

// Bytes asked of the socket per read: a slow client's partial head grows the buffer only as far
// as it has sent.
constexpr std::size_t kReadSize = 4096;

// File descriptors kept for everything but connections: the listener, the I/O threads' epoll,
// files the handlers read, the log, and connections lingering after a refusal.
constexpr std::size_t kFdHeadroom = 256;

// After the process runs out of file descriptors, accepting waits this long before trying again.
constexpr std::chrono::milliseconds kAcceptBackoff{100};

class Session;

// What every connection of one server shares.
struct Shared {
  Shared(ConnectionLimits l, Headers h, RequestHandlers r)
      : limits(l),
        common_headers(std::move(h)),
        handlers(std::move(r)),
        counter(l.max_connections, l.max_per_client),
        workers(l.workers) {}

  Response new_response() const {
    Response res;
    res.headers = common_headers;
    return res;
  }

  ConnectionLimits limits;
  Headers common_headers;
  RequestHandlers handlers;
  ConnectionCounter counter;
  WorkerPool workers;
  asio::io_context io{static_cast<int>(limits.io_threads)};
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;
};

// The Content-Length value of a raw head (Beast refuses one too large for 64 bits as it refuses
// one that is no number): true when it is digits only, that is a length too large.
bool content_length_is_digits(std::string_view head) {
  std::string lower = "\n" + std::string(head);  // the request line may be consumed already
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t at = lower.find("\ncontent-length:");
  if (at == std::string::npos) return false;
  std::size_t i = at + 16;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
  std::size_t digits = 0;
  for (; i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i])); ++i) ++digits;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t')) ++i;
  return digits > 0 && i < lower.size() && lower[i] == '\r';
}

// One connection: reads its requests one after another, hands each complete one to a worker and
// writes the answer, under the limits. All of it runs on the connection's strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared, std::string client, bool counted)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        shared_(shared),
        limits_(shared.limits),
        client_(std::move(client)),
        counted_(counted),
        requests_left_(shared.limits.max_requests) {}

  ~Session() {
    std::lock_guard guard(shared_.sessions_mutex);
    shared_.sessions.erase(this);
  }

  void start() {
    {
      std::lock_guard guard(shared_.sessions_mutex);
      shared_.sessions.emplace(this, weak_from_this());
    }
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      if (self->counted_) self->next_request();
      else self->refuse();
    });
  }

  /// The server stops: an idle connection or an unfinished head is dropped at once.
  void stop_soon() {
    asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
      if (self->phase_ == Phase::Idle || self->phase_ == Phase::Head) {
        error_code ignored;
        self->socket_.cancel(ignored);
      }
    });
  }

 private:
  enum class Phase { Idle, Head, Body, Handling, Writing, Closing };

  // --- deadlines: one timer per connection, re-armed only when a deadline comes earlier ---

  void set_deadline(Clock::time_point when) {
    deadline_ = when;
    if (!timer_armed_ || when < timer_.expiry()) {
      timer_armed_ = true;
      timer_.expires_at(when);
      timer_.async_wait([self = shared_from_this()](error_code ec) { self->on_timer(ec); });
    }
  }

  void on_timer(error_code ec) {
    if (ec == asio::error::operation_aborted || closed_) return;
    if (Clock::now() < deadline_) {
      timer_.expires_at(deadline_);
      timer_.async_wait([self = shared_from_this()](error_code e) { self->on_timer(e); });
      return;
    }
    timer_armed_ = false;
    error_code ignored;
    socket_.cancel(ignored);  // the pending read or write ends with an error; expired() tells why
  }

  bool expired() const { return Clock::now() >= deadline_; }

  // --- reading ---

  void next_request() {
    if (requests_left_ == 0 || shared_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits_.max_head_bytes));
    // The body is counted as sent below, chunk sizes included. (Not boost::none: Beast 1.74 then
    // compares a Content-Length with an empty optional and refuses every body.)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    request_ = Request{};
    response_ = Response{};
    head_bytes_ = 0;
    body_bytes_ = 0;
    skip_body_ = false;
    if (buffer_.size() > 0) {  // pipelined: the next request's bytes are here already
      begin_head();
      return parse();
    }
    phase_ = Phase::Idle;
    buffer_.shrink_to_fit();  // an idle connection keeps no buffer: it waits, then reads
    set_deadline(Clock::now() + limits_.idle_timeout);
    socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](error_code ec) {
      if (ec) return self->on_read_failed();
      self->read_more();
    });
  }

  void begin_head() {
    phase_ = Phase::Head;
    started_ = Clock::now();
    set_deadline(started_ + limits_.head_timeout);
  }

  void read_more() {
    if (expired()) return on_read_failed();
    socket_.async_read_some(buffer_.prepare(kReadSize),
                            [self = shared_from_this()](error_code ec, std::size_t n) { self->on_read(ec, n); });
  }

  void on_read(error_code ec, std::size_t n) {
    if (ec) return on_read_failed();
    buffer_.commit(n);
    if (phase_ == Phase::Idle) begin_head();  // the head's deadline runs from its first byte
    parse();
  }

  // The peer closed, the deadline passed, or the server stops.
  void on_read_failed() {
    const bool stopping = shared_.stopping && (phase_ == Phase::Idle || phase_ == Phase::Head);
    if (!stopping && expired() && (phase_ == Phase::Head || phase_ == Phase::Body))
      return fail(408, "408 Request Timeout: the request was not sent in time\n");
    close();
  }

  // Feeds what the buffer holds to the parser, and goes on as far as it allows.
  void parse() {
    for (;;) {
      error_code ec;
      if (!parser_->is_header_done()) {
        // Beast takes the request line on its own, then the fields once all of them are here.
        const std::size_t used = parser_->put(buffer_.data(), ec);
        if (ec && ec != http::error::need_more) return on_parse_error(ec);
        buffer_.consume(used);
        head_bytes_ += used;
        if (ec) {
          // The request line and the fields as a whole (Beast bounds each of them on its own).
          if (head_bytes_ + buffer_.size() > limits_.max_head_bytes) return fail(431, "");
          return read_more();
        }
        if (parser_->is_header_done() && !on_head()) return;
        continue;
      }
      if (parser_->is_done() || skip_body_) return on_complete();
      if (buffer_.size() == 0) return read_more();
      const std::size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      body_bytes_ += used;
      if (body_bytes_ > limits_.max_body_bytes) return body_too_large();
      if (ec && ec != http::error::need_more) return on_parse_error(ec);
      if (parser_->is_done()) return on_complete();
      if (used == 0 || ec == http::error::need_more) {
        // What is buffered is body too (a chunk's size line not yet whole): it counts as sent.
        if (body_bytes_ + buffer_.size() > limits_.max_body_bytes) return body_too_large();
        return read_more();
      }
    }
  }

  void on_parse_error(error_code ec) {
    if (ec == http::error::header_limit) return fail(431, "");
    if (ec == http::error::bad_content_length) {
      const auto data = buffer_.data();
      if (content_length_is_digits({static_cast<const char*>(data.data()), data.size()}))
        return fail(413, too_large_message());
      return fail(400, "Bad Request: Content-Length is not a number\n");
    }
    if (ec == http::error::bad_transfer_encoding)
      return fail(400, "Bad Request: Transfer-Encoding other than chunked, or with a Content-Length\n");
    fail(400, "400 Bad Request: " + ec.message() + "\n");
  }

  std::string too_large_message() const {
    return "413 Payload Too Large: the body may have at most " + std::to_string(limits_.max_body_bytes) +
           " bytes as sent\n";
  }

  void body_too_large() { fail(413, too_large_message()); }

  // The head is read: bounds, then the server's screen. False when the request is answered.
  bool on_head() {
    const auto& head = parser_->get();
    const std::string_view target(head.target().data(), head.target().size());
    request_.method.assign(head.method_string().data(), head.method_string().size());
    request_.target.assign(target.substr(0, std::min(target.size(), limits_.max_url_bytes)));
    if (target.size() > limits_.max_url_bytes) return fail(414, ""), false;
    const auto range = head.find(http::field::range);
    if (range != head.end() && range->name_string().size() + 2 + range->value().size() > limits_.max_range_line)
      return fail(416, ""), false;

    const std::size_t query = target.find('?');
    request_.path = decode_url(target.substr(0, query), false);
    if (query != std::string_view::npos) parse_query(target.substr(query + 1), request_.params);
    for (const auto& field : head)
      request_.headers.emplace(std::string(field.name_string().data(), field.name_string().size()),
                               std::string(field.value().data(), field.value().size()));
    request_.remote_addr = client_;
    error_code ec;
    const auto local = socket_.local_endpoint(ec);
    if (!ec) {
      request_.local_addr = local.address().to_string();
      request_.local_port = local.port();
    }
    keep_alive_ = head.keep_alive();

    response_ = shared_.new_response();
    if (shared_.handlers.screen && shared_.handlers.screen(request_, response_)) {
      response_.close = true;
      respond();
      return false;
    }
    if (response_.close) {  // handled without its body
      skip_body_ = true;
      return true;
    }
    phase_ = Phase::Body;
    set_deadline(Clock::now() + limits_.body_timeout);
    // Expect: 100-continue: the client waits for this before sending the body.
    if (!parser_->is_done() && beast::iequals(head[http::field::expect], "100-continue")) {
      asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](error_code e, std::size_t) {
                          if (e) return self->close();
                          self->parse();
                        });
      return false;
    }
    return true;
  }

  // --- handling ---

  void on_complete() {
    if (!skip_body_) request_.body = parser_->release().body();
    if (request_.method == "POST" && request_.body.size() > 0) {
      std::string type = request_.get_header_value("Content-Type");
      type = type.substr(0, type.find(';'));
      while (!type.empty() && type.back() == ' ') type.pop_back();
      if (beast::iequals(type, "application/x-www-form-urlencoded")) parse_query(request_.body, request_.params);
    }
    phase_ = Phase::Handling;
    set_deadline(Clock::time_point::max());
    shared_.workers.post([self = shared_from_this(), work = asio::make_work_guard(shared_.io)]() mutable {
      self->shared_.handlers.handle(self->request_, self->response_);
      auto ex = self->socket_.get_executor();
      asio::post(ex, [self = std::move(self), work = std::move(work)] { self->respond(); });
    });
  }

  // --- writing ---

  // Writes response_ (its head now, its body unless the request is HEAD).
  void respond() {
    Response& res = response_;
    if (requests_left_ > 0) --requests_left_;
    if (!keep_alive_ || requests_left_ == 0 || shared_.stopping) res.close = true;
    if (res.get_header_value("Connection") == "close") res.close = true;
    if (res.status >= 400 && res.body.empty())
      res.set_content(std::to_string(res.status) + " " + reason_phrase(res.status) + "\n", "text/plain; charset=utf-8");
    res.headers.erase("Connection");
    if (res.close) {
      res.set_header("Connection", "close");
    } else {
      res.set_header("Connection", "Keep-Alive");
      res.set_header("Keep-Alive", "timeout=" + std::to_string(limits_.idle_timeout.count() / 1000) +
                                        ", max=" + std::to_string(requests_left_));
    }
    const bool no_body = res.status == 204 || res.status == 304 || (res.status >= 100 && res.status < 200);
    if (!no_body) {
      if (!res.has_header("Content-Type") && !res.body.empty()) res.set_header("Content-Type", "text/plain");
      res.headers.erase("Content-Length");
      res.set_header("Content-Length", std::to_string(res.body.size()));
    }
    head_out_ = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_phrase(res.status) + "\r\n";
    for (const auto& [name, value] : res.headers) head_out_ += name + ": " + value + "\r\n";
    head_out_ += "\r\n";
    send_body_ = !no_body && request_.method != "HEAD";
    sent_ = 0;
    phase_ = Phase::Writing;
    set_deadline(Clock::now() + limits_.write_timeout);
    write_more();
  }

  void write_more() {
    const std::size_t head = head_out_.size();
    const std::size_t total = head + (send_body_ ? response_.body.size() : 0);
    if (sent_ >= total) return on_written();
    if (expired()) {  // the timer fired as the last write ended: the client reads too slowly
      log();
      return close();
    }
    std::array<asio::const_buffer, 2> buffers{};
    std::size_t count = 0;
    if (sent_ < head) buffers[count++] = asio::buffer(head_out_.data() + sent_, head - sent_);
    const std::size_t body_from = sent_ > head ? sent_ - head : 0;
    if (send_body_ && body_from < response_.body.size())
      buffers[count++] = asio::buffer(response_.body.data() + body_from, response_.body.size() - body_from);
    socket_.async_write_some(std::vector<asio::const_buffer>(buffers.begin(), buffers.begin() + static_cast<long>(count)),
                             [self = shared_from_this()](error_code ec, std::size_t n) { self->on_write(ec, n); });
  }

  void on_write(error_code ec, std::size_t n) {
    if (ec) {  // the client went away, or read too slowly
      log();
      return close();
    }
    sent_ += n;
    // The deadline grows by the time these bytes take at the minimum rate.
    deadline_ += std::chrono::microseconds(static_cast<std::int64_t>(n) * 1000000 /
                                           static_cast<std::int64_t>(std::max<std::size_t>(limits_.min_write_rate, 1)));
    write_more();
  }

  void on_written() {
    log();
    // The allocator keeps what a large or failed query freed; without this the process stays
    // gigabytes large.
    if (response_.release_memory) shared_.workers.post([] { release_free_memory(); });
    if (response_.close) return close();
    head_out_.clear();
    head_out_.shrink_to_fit();
    next_request();
  }

  // A refusal has its own line (refusal_log, on closing).
  void log() {
    if (!refused_ && shared_.handlers.log) shared_.handlers.log(request_, response_, Clock::now() - started_);
  }

  // An answer made here (a bound or a deadline passed): the connection closes after it.
  void fail(int status, std::string body) {
    if (request_.method.empty()) request_.method = "-";
    if (request_.target.empty()) request_.target = "-";
    request_.remote_addr = client_;
    response_ = shared_.new_response();
    response_.status = status;
    if (!body.empty()) response_.set_content(std::move(body), "text/plain; charset=utf-8");
    response_.close = true;
    if (started_ == Clock::time_point{}) started_ = Clock::now();
    respond();
  }

  // Answers 503 without reading the request, and closes.
  void refuse() {
    request_.method = "-";
    request_.target = "(connection refused: too many connections)";
    request_.remote_addr = client_;
    response_ = shared_.new_response();
    response_.status = 503;
    response_.set_header("Retry-After", "1");
    response_.set_content("503 Service Unavailable: too many connections; retry later\n", "text/plain; charset=utf-8");
    response_.close = true;
    refused_ = true;
    started_ = Clock::now();
    respond();
  }

  // --- closing ---

  void close() {
    if (phase_ == Phase::Closing) return;
    phase_ = Phase::Closing;
    if (counted_) shared_.counter.leave(client_);
    if (refused_ && shared_.handlers.refusal_log) shared_.handlers.refusal_log(client_);
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    set_deadline(Clock::now() + kLinger);
    drain();
  }

  void drain() {
    if (expired()) return finish();
    socket_.async_read_some(buffer_.prepare(kReadSize), [self = shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->finish();
      self->drain();
    });
  }

  void finish() {
    closed_ = true;
    error_code ignored;
    socket_.close(ignored);
    timer_.cancel();
  }

  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

  tcp::socket socket_;
  asio::steady_timer timer_;
  Shared& shared_;
  const ConnectionLimits& limits_;
  std::string client_;
  bool counted_;
  bool refused_ = false;
  std::size_t requests_left_;
  Phase phase_ = Phase::Idle;
  Clock::time_point deadline_;
  bool timer_armed_ = false;
  bool closed_ = false;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request request_;
  Response response_;
  Clock::time_point started_{};
  std::size_t head_bytes_ = 0;  ///< of the head, taken by the parser
  std::size_t body_bytes_ = 0;
  bool skip_body_ = false;
  bool keep_alive_ = true;
  std::string head_out_;
  std::size_t sent_ = 0;
  bool send_body_ = true;
};

// Raises the soft limit on open files as far as `wanted` (within the hard limit); returns the
// soft limit then in force.
std::size_t open_file_limit(std::size_t wanted) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min<rlim_t>(wanted, limit.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? wanted : static_cast<std::size_t>(limit.rlim_cur);
}

ConnectionLimits within_open_files(ConnectionLimits limits) {
  const std::size_t files = open_file_limit(limits.max_connections + kFdHeadroom);
  const std::size_t room = files > kFdHeadroom + 4 ? files - kFdHeadroom : 4;
  limits.max_connections = std::min(limits.max_connections, room);
  limits.io_threads = std::max<std::size_t>(limits.io_threads, 1);
  return limits;
}

}  // namespace

bool ConnectionCounter::enter(const std::string& client) {
  std::lock_guard guard(mutex_);
  auto& mine = per_client_[client];
  if (total_ >= max_total_ || mine >= max_per_client_) {
    if (mine == 0) per_client_.erase(client);
    return false;
  }
  ++mine;
  ++total_;
  return true;
}

void ConnectionCounter::leave(const std::string& client) {
  std::lock_guard guard(mutex_);
  auto it = per_client_.find(client);
  if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);
  --total_;
}

struct HttpServer::Impl {
  Impl(ConnectionLimits limits, Headers headers, RequestHandlers handlers)
      : shared(within_open_files(limits), std::move(headers), std::move(handlers)) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(shared.io), [this](error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || shared.stopping) return;
      if (ec) {
        // Out of file descriptors (or buffers): wait a moment rather than spin.
        backoff.expires_after(kAcceptBackoff);
        backoff.async_wait([this](error_code e) {
          if (!e && !shared.stopping) accept();
        });
        return;
      }
      on_accept(std::move(socket));
      accept();
    });
  }

  void on_accept(tcp::socket socket) {
    error_code ec;
    const auto peer = socket.remote_endpoint(ec);
    if (ec) return;
    // Without TCP_NODELAY a keep-alive response written in two parts waits 40 ms for the
    // client's delayed ACK.
    socket.set_option(tcp::no_delay(true), ec);
    std::string client = peer.address().to_string();
    const bool counted = shared.counter.enter(client);
    std::make_shared<Session>(std::move(socket), shared, std::move(client), counted)->start();
  }

  Shared shared;
  asio::strand<asio::io_context::executor_type> strand{asio::make_strand(shared.io)};
  tcp::acceptor acceptor{strand};
  asio::steady_timer backoff{strand};
  std::vector<std::thread> io_threads;
  bool listening = false;
  bool stopped = false;
};

HttpServer::HttpServer(ConnectionLimits limits, Headers common_headers, RequestHandlers handlers)
    : impl_(std::make_unique<Impl>(limits, std::move(common_headers), std::move(handlers))) {}

HttpServer::~HttpServer() { stop(); }

const ConnectionLimits& HttpServer::limits() const { return impl_->shared.limits; }

int HttpServer::listen(const std::string& host, int port) {
  auto& acceptor = impl_->acceptor;
  try {
    tcp::resolver resolver(impl_->shared.io);
    const auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive);
    if (endpoints.empty()) throw boost::system::system_error(asio::error::host_not_found);
    const tcp::endpoint endpoint = *endpoints.begin();
    acceptor.open(endpoint.protocol());
    // SO_REUSEADDR only (no SO_REUSEPORT, which would let two servers share a port).
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    error_code ignored;
    acceptor.close(ignored);
    throw Error(Error::Category::Io, host + ":" + std::to_string(port),
                std::string("cannot listen on this address: ") + e.code().message());
  }
  const int bound = acceptor.local_endpoint().port();
  impl_->listening = true;
  impl_->accept();
  for (std::size_t i = 0; i < impl_->shared.limits.io_threads; ++i)
    impl_->io_threads.emplace_back([this] { impl_->shared.io.run(); });
  return bound;
}

void HttpServer::stop() {
  auto& impl = *impl_;
  if (!impl.listening || impl.stopped) return;
  impl.stopped = true;
  impl.shared.stopping = true;
  asio::post(impl.strand, [&impl] {
    error_code ignored;
    impl.acceptor.close(ignored);
    impl.backoff.cancel();
  });
  std::vector<std::shared_ptr<Session>> sessions;
  {
    std::lock_guard guard(impl.shared.sessions_mutex);
    for (auto& [key, weak] : impl.shared.sessions)
      if (auto session = weak.lock()) sessions.push_back(std::move(session));
  }
  for (auto& session : sessions) session->stop_soon();
  sessions.clear();
  // The I/O threads return once every connection has closed (a request being handled keeps its
  // connection, and the io_context, busy until its answer is written).
  for (auto& t : impl.io_threads) t.join();
  impl.shared.workers.shutdown();
}

}  // namespace policykg::server
