#include "server/connection.hpp"

#include <malloc.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <thread>
#include <vector>

namespace policykg::server {

namespace {

using Clock = std::chrono::steady_clock;

// A Range header longer than this is refused (416) before cpp-httplib parses it: its parser is a
// std::regex, whose recursion takes megabytes of the thread's stack on a header of 8 KiB.
constexpr std::size_t kMaxRangeLine = 200;

// Waits are cut into slices so that a stopping server is noticed.
constexpr std::chrono::milliseconds kSlice{200};

thread_local RequestTrouble trouble;

std::string address_of(socket_t sock, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return {};
  std::array<char, NI_MAXHOST> host{};
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host.data(), host.size(), nullptr, 0, NI_NUMERICHOST))
    return {};
  return host.data();
}

int port_of(socket_t sock, bool peer) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return -1;
  std::array<char, NI_MAXSERV> serv{};
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, nullptr, 0, serv.data(), serv.size(), NI_NUMERICSERV))
    return -1;
  return std::atoi(serv.data());
}

// One connection's socket as cpp-httplib reads and writes it, with the deadlines and byte bounds
// of the request being read. The head ends at the first empty line (CR LF CR LF); what follows
// is the body, counted as sent.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, const ConnectionLimits& limits, const std::atomic<socket_t>& listener)
      : sock_(sock), limits_(limits), listener_(listener) {}

  /// Waits up to the idle timeout for the next request's first byte; false: none came.
  bool wait_for_request() {
    if (off_ < len_) return true;
    return wait(POLLIN, Clock::now() + limits_.idle_timeout, true) > 0;
  }

  /// The next bytes are a new request: its head deadline starts now.
  void start_request() {
    in_head_ = true;
    crlf_seen_ = 0;
    line_length_ = 0;
    head_bytes_ = 0;
    body_bytes_ = 0;
    deadline_ = Clock::now() + limits_.head_timeout;
    responding_ = false;
  }

  bool is_readable() const override { return off_ < len_ || const_cast<ConnectionStream*>(this)->fill() > 0; }
  bool is_writable() const override {
    auto* self = const_cast<ConnectionStream*>(this);
    self->start_response();
    return self->wait(POLLOUT, write_deadline_, false) > 0;
  }

  ssize_t read(char* ptr, std::size_t size) override {
    if (off_ == len_) {
      ssize_t n = fill();
      if (n <= 0) return n;
    }
    std::size_t k = std::min(size, len_ - off_);
    if (!account(buffer_.data() + off_, k)) return -1;
    std::memcpy(ptr, buffer_.data() + off_, k);
    off_ += k;
    return static_cast<ssize_t>(k);
  }

  using httplib::Stream::write;
  // Sends what the socket takes now (cpp-httplib writes the rest in further calls); the
  // response's deadline grows by the time its bytes take at the minimum rate.
  ssize_t write(const char* ptr, std::size_t size) override {
    start_response();
    for (;;) {
      if (wait(POLLOUT, write_deadline_, false) <= 0) return -1;
      ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n > 0)
        write_deadline_ += std::chrono::microseconds(static_cast<std::int64_t>(n) * 1000000 /
                                                     static_cast<std::int64_t>(std::max<std::size_t>(limits_.min_write_rate, 1)));
      return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = address_of(sock_, true);
    port = port_of(sock_, true);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = address_of(sock_, false);
    port = port_of(sock_, false);
  }
  socket_t socket() const override { return sock_; }

 private:
  // > 0: ready; 0: the deadline passed, or the server stops and `stoppable`; < 0: an error.
  // A stopping server drops idle connections and unfinished heads, and finishes the rest.
  int wait(short events, Clock::time_point deadline, bool stoppable) {
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0 || (stoppable && listener_ == INVALID_SOCKET)) return 0;
      pollfd p{sock_, events, 0};
      int rc = ::poll(&p, 1, static_cast<int>(std::min(left, kSlice).count()));
      if (rc < 0 && errno == EINTR) continue;
      if (rc != 0) return rc;
    }
  }

  ssize_t fill() {
    off_ = len_ = 0;
    int ready = wait(POLLIN, deadline_, in_head_);
    if (ready == 0) {
      trouble.timed_out = true;
      trouble.close = true;
    }
    if (ready <= 0) return -1;
    ssize_t n;
    do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    while (n < 0 && errno == EINTR);
    if (n > 0) len_ = static_cast<std::size_t>(n);
    return n;
  }

  void start_response() {
    if (responding_) return;
    responding_ = true;
    write_deadline_ = Clock::now() + limits_.write_timeout;
  }

  // Counts `n` bytes about to be handed to the parser; false when a bound is passed.
  bool account(const char* p, std::size_t n) {
    std::size_t i = 0;
    for (; in_head_ && i < n; ++i) {
      const char expected = crlf_seen_ % 2 == 0 ? '\r' : '\n';
      crlf_seen_ = p[i] == expected ? crlf_seen_ + 1 : (p[i] == '\r' ? 1 : 0);
      if (++head_bytes_ > limits_.max_head_bytes) {
        trouble.head_too_large = true;
        trouble.close = true;
        return false;
      }
      if (line_length_ < line_start_.size())
        line_start_[line_length_] = static_cast<char>(std::tolower(static_cast<unsigned char>(p[i])));
      line_length_ = p[i] == '\n' ? 0 : line_length_ + 1;
      if (line_length_ > kMaxRangeLine && std::string_view(line_start_.data(), line_start_.size()) == "range:") {
        trouble.range_too_long = true;
        trouble.close = true;
        return false;
      }
      if (crlf_seen_ == 4) {
        in_head_ = false;
        deadline_ = Clock::now() + limits_.body_timeout;
      }
    }
    body_bytes_ += n - i;
    if (body_bytes_ > limits_.max_body_bytes) {
      trouble.body_too_large = true;
      trouble.close = true;
      return false;
    }
    return true;
  }

  socket_t sock_;
  const ConnectionLimits& limits_;
  const std::atomic<socket_t>& listener_;
  std::array<char, 4096> buffer_{};
  std::size_t off_ = 0, len_ = 0;
  bool in_head_ = true;
  int crlf_seen_ = 0;
  std::size_t line_length_ = 0;
  std::array<char, 6> line_start_{};  ///< the current head line's first bytes, in lower case
  std::size_t head_bytes_ = 0, body_bytes_ = 0;
  Clock::time_point deadline_ = Clock::now();
  bool responding_ = false;
  Clock::time_point write_deadline_ = Clock::now();
};

// Reads and drops what the peer sends until it closes, an error, or `patience` has passed.
void drain(socket_t sock, std::chrono::milliseconds patience) {
  const auto end = std::chrono::steady_clock::now() + patience;
  std::array<char, 65536> sink{};
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{sock, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0 || ::recv(sock, sink.data(), sink.size(), 0) <= 0) break;
  }
}

// Closes after the answer. Closing a socket with unread bytes, or receiving bytes after closing
// it, sends a reset, and a reset can discard the answer before the client reads it (a request
// whose body was not read, a client slow to send on a loaded machine). So the write side is shut
// first and what the client still sends is read until it closes too, for at most kLinger.
constexpr std::chrono::milliseconds kLinger{250};

void linger_and_close(socket_t sock) {
  ::shutdown(sock, SHUT_WR);
  drain(sock, kLinger);
  ::close(sock);
}

class ConnectionPool : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(std::size_t max_threads) : max_threads_(std::max<std::size_t>(max_threads, 1)) {}

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard guard(mutex_);
      jobs_.push_back(std::move(fn));
      if (idle_ < jobs_.size() && threads_.size() < max_threads_) threads_.emplace_back([this] { work(); });
    }
    cond_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard guard(mutex_);
      shutdown_ = true;
    }
    cond_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        cond_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
        --idle_;
        if (jobs_.empty()) return;
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool shutdown_ = false;
};

}  // namespace

RequestTrouble& request_trouble() { return trouble; }

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

HttpServer::HttpServer(ConnectionLimits limits)
    : limits_(limits), counter_(limits.max_connections, limits.max_per_client) {
  set_keep_alive_max_count(limits_.max_requests);
  set_keep_alive_timeout(std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_timeout).count()));
  set_payload_max_length(limits_.max_body_bytes);
}

void HttpServer::set_common_headers(httplib::Headers headers) {
  common_headers_ = headers;
  set_default_headers(std::move(headers));
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  const std::string client = address_of(sock, true);
  if (!counter_.enter(client)) {
    refuse(sock, client);
    return true;
  }
  ConnectionStream stream(sock, limits_, svr_sock_);
  bool ok = true;
  for (std::size_t left = limits_.max_requests; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!stream.wait_for_request()) break;
    stream.start_request();
    trouble = {};
    bool closed = false;
    // Byte ranges are ignored: a response is always the whole body (RFC 9110 lets a server do so),
    // so that no request can ask for the same bytes thousands of times.
    ok = process_request(stream, left == 1, closed, [](httplib::Request& req) { req.ranges.clear(); });
    if (!ok && trouble.timed_out)
      stream.write("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    // glibc keeps what a large or failed query freed; without this the process stays gigabytes large.
    if (trouble.release_memory) ::malloc_trim(0);
    if (!ok || closed || trouble.close) break;
  }
  counter_.leave(client);
  linger_and_close(sock);
  return ok;
}

// Answers 503 without reading the request.
void HttpServer::refuse(socket_t sock, const std::string& client) {
  const std::string body = "503 Service Unavailable: too many connections; retry later\n";
  std::string head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\nRetry-After: 1\r\nConnection: close\r\n";
  for (const auto& [name, value] : common_headers_) head += name + ": " + value + "\r\n";
  const std::string response = head + "\r\n" + body;
  // The request usually follows the connection at once: read it before answering, so that it
  // cannot arrive after the close.
  pollfd p{sock, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(kLinger.count())) > 0) {
    std::array<char, 65536> sink{};
    (void)::recv(sock, sink.data(), sink.size(), MSG_DONTWAIT);
  }
  ::send(sock, response.data(), response.size(), MSG_NOSIGNAL);
  linger_and_close(sock);
  if (refusal_log_) refusal_log_(client);
}

httplib::TaskQueue* new_connection_pool(std::size_t max_threads) { return new ConnectionPool(max_threads); }

}  // namespace policykg::server
