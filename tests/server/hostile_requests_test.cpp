// Requests as an attacker sends them, over raw loopback sockets: many byte ranges, bodies larger
// than allowed however they are sent, heads and bodies sent slowly, too many connections from
// one address, methods the server does not take. Each gets one clear answer, at once.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "tests/server/test_server.hpp"

using policykg::test::fixture_options;
using policykg::test::TestServer;

namespace {

struct Reply {
  int status = 0;  ///< 0: no answer
  std::map<std::string, std::string> headers;  ///< names in lower case
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

/// A connection to the server from `from` (any 127.0.0.0/8 address is loopback).
class Connection {
 public:
  explicit Connection(int port, const char* from = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Connection() { ::close(fd_); }
  bool connected() const { return connected_; }

  /// Sends all of `data`; false when the server closed the connection.
  bool send(const std::string& data) {
    for (std::size_t sent = 0; sent < data.size();) {
      auto n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  /// What the server has sent so far (waits up to `ms` milliseconds for a first byte).
  std::string receive_some(int ms) {
    if (!answered_within(ms)) return {};
    char buf[4096];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  }

  /// Whether the server has closed the connection (after anything it sent) within `ms` milliseconds.
  bool closed_within(int ms) {
    char buf[4096];
    for (auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
         std::chrono::steady_clock::now() < end;) {
      if (!answered_within(50)) continue;
      const auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
    }
    return false;
  }

  /// Whether the server has answered (or closed) within `ms` milliseconds.
  bool answered_within(int ms) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
  }

  /// Reads one response (its body by Content-Length, else up to the close); waits at most 20 s.
  Reply read_reply() {
    Reply r;
    std::string raw;
    std::size_t head_end = std::string::npos, want = std::string::npos;
    char buf[65536];
    while (want == std::string::npos || raw.size() < want) {
      if (!answered_within(20000)) break;
      auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      raw.append(buf, static_cast<std::size_t>(n));
      if (head_end == std::string::npos && (head_end = raw.find("\r\n\r\n")) != std::string::npos) {
        parse_head(raw.substr(0, head_end), r);
        if (r.headers.count("content-length")) want = head_end + 4 + std::stoul(r.header("content-length"));
      }
    }
    if (head_end != std::string::npos) r.body = raw.substr(head_end + 4);
    if (want != std::string::npos && r.body.size() > want - head_end - 4) r.body.resize(want - head_end - 4);
    return r;
  }

 private:
  static void parse_head(const std::string& head, Reply& r) {
    if (head.rfind("HTTP/1.1 ", 0) != 0) return;
    r.status = std::stoi(head.substr(9, 3));
    for (std::size_t at = head.find("\r\n"); at != std::string::npos && at + 2 < head.size();) {
      auto eol = head.find("\r\n", at + 2);
      std::string line = head.substr(at + 2, eol == std::string::npos ? std::string::npos : eol - at - 2);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers[name] = value;
      }
      at = eol;
    }
  }

  int fd_ = -1;
  bool connected_ = false;
};

Reply request(int port, const std::string& raw) {
  Connection c(port);
  c.send(raw);
  return c.read_reply();
}

/// 127.0.1.1, 127.0.1.2, ...: the `i`th of many client addresses (Linux routes 127/8 to lo).
std::string many_address(int i) { return "127.0." + std::to_string(1 + i / 250) + "." + std::to_string(1 + i % 250); }

/// The threads of this process now.
long thread_count() {
  long n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

std::string get(const std::string& path, const std::string& headers = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n";
}

std::string post_head(const std::string& length_or_chunked) {
  return "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n" +
         length_or_chunked + "\r\n";
}

}  // namespace

TEST(HostileRequests, RangesGetTheWholeBodyOnceOrA416) {
  TestServer server;
  const Reply whole = request(server.port(), get("/dump.ttl"));
  ASSERT_EQ(whole.status, 200);
  // A few ranges: the whole body, once.
  const Reply few = request(server.port(), get("/dump.ttl", "Range: bytes=0-9,0-,20-29\r\n"));
  EXPECT_EQ(few.status, 200);
  EXPECT_EQ(few.body, whole.body);
  EXPECT_EQ(few.header("content-type").find("multipart"), std::string::npos);
  EXPECT_EQ(few.header("accept-ranges"), "none");
  // A thousand: refused before they are parsed.
  std::string ranges = "bytes=0-";
  for (int i = 1; i < 1000; ++i) ranges += ",0-";
  const Reply many = request(server.port(), get("/dump.ttl", "Range: " + ranges + "\r\n"));
  EXPECT_EQ(many.status, 416);
  EXPECT_LT(many.body.size(), 100u);
  EXPECT_EQ(request(server.port(), get("/dump.ttl", "rAnGe: " + ranges + "\r\n")).status, 416);
}

TEST(HostileRequests, ChunkedBodyBeyondTheLimitIsRefused) {
  auto options = fixture_options();
  options.max_request_bytes = 64 * 1024;
  TestServer server(options);
  Connection c(server.port());
  ASSERT_TRUE(c.connected());
  // 4 MiB in chunks of 64 KiB, sent while the answer is read: the server stops reading at 64 KiB.
  std::thread sender([&c] {
    if (!c.send(post_head("Transfer-Encoding: chunked\r\n"))) return;
    const std::string chunk = "10000\r\n" + std::string(65536, '#') + "\r\n";
    for (int i = 0; i < 64; ++i)
      if (!c.send(chunk)) return;
    c.send("0\r\n\r\n");
  });
  const Reply r = c.read_reply();
  sender.join();
  EXPECT_EQ(r.status, 413) << r.body;
  EXPECT_NE(r.body.find("65536"), std::string::npos) << r.body;
  // A small chunked query is still answered (the coding's name in any case).
  const std::string query = "ASK { ?s ?p ?o }";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", query.size());
  const Reply small = request(server.port(), post_head("Transfer-Encoding: Chunked\r\nConnection: close\r\n") + size +
                                                 "\r\n" + query + "\r\n0\r\n\r\n");
  EXPECT_EQ(small.status, 200) << small.body;
}

TEST(HostileRequests, ContentLengthBeyondTheLimitIsRefusedBeforeTheBody) {
  TestServer server;
  for (const std::string length : {"100000000000000000000", "2097152"}) {
    Connection c(server.port());
    ASSERT_TRUE(c.send(post_head("Content-Length: " + length + "\r\n")));
    // No body is sent: the answer cannot wait for it.
    ASSERT_TRUE(c.answered_within(5000)) << length;
    const Reply r = c.read_reply();
    EXPECT_EQ(r.status, 413) << length;
    EXPECT_EQ(r.header("connection"), "close");
  }
  const Reply garbage = request(server.port(), post_head("Content-Length: 12abc\r\n"));
  EXPECT_EQ(garbage.status, 400);
  const Reply unsized = request(server.port(), post_head("Connection: close\r\n"));
  EXPECT_EQ(unsized.status, 411);
}

TEST(HostileRequests, SlowHeadAndSlowBodyTimeOutAsAWhole) {
  auto options = fixture_options();
  options.head_timeout = std::chrono::milliseconds(1000);
  options.body_timeout = std::chrono::milliseconds(1000);
  TestServer server(options);
  {
    // A header line every 200 ms: each read is quick, the head as a whole is not.
    Connection c(server.port());
    ASSERT_TRUE(c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    bool answered = false;
    for (int i = 0; i < 50 && !answered; ++i) {
      answered = c.answered_within(200);
      if (!answered) c.send("X-Slow-" + std::to_string(i) + ": 1\r\n");
    }
    ASSERT_TRUE(answered);
    EXPECT_EQ(c.read_reply().status, 408);
  }
  {
    Connection c(server.port());
    ASSERT_TRUE(c.send(post_head("Content-Length: 100\r\n")));
    bool answered = false;
    for (int i = 0; i < 50 && !answered; ++i) {
      answered = c.answered_within(200);
      if (!answered) c.send("#");
    }
    ASSERT_TRUE(answered);
    EXPECT_EQ(c.read_reply().status, 408);
  }
  EXPECT_EQ(request(server.port(), get("/")).status, 200);
}

TEST(HostileRequests, AHeadOfManyReadsIsReadWhole) {
  TestServer server;
  // 20 KiB of headers (a browser's cookies, say), sent at once or a line at a time: one request.
  std::string headers = "Cookie: " + std::string(20000, 'c') + "\r\n";
  for (int i = 0; i < 20; ++i) headers += "X-Line-" + std::to_string(i) + ": " + std::string(100, 'x') + "\r\n";
  EXPECT_EQ(request(server.port(), get("/", headers)).status, 200);
  Connection c(server.port());
  const std::string raw = get("/sparql?query=ASK%7B%7D", headers);
  for (std::size_t at = 0; at < raw.size(); at += 1000) {
    ASSERT_TRUE(c.send(raw.substr(at, 1000)));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const Reply r = c.read_reply();
  EXPECT_EQ(r.status, 200) << r.body;
  // Beyond 64 KiB in all, request line included: 431.
  const std::string target = "/?" + std::string(6000, 'q');
  std::string many;
  for (int i = 0; i < 60; ++i) many += "X-Many-" + std::to_string(i) + ": " + std::string(1000, 'm') + "\r\n";
  EXPECT_EQ(request(server.port(), get(target, many)).status, 431);
}

TEST(HostileRequests, HeadFloodIsRefused) {
  TestServer server;
  std::string headers;
  for (int i = 0; i < 200; ++i) headers += "X-Flood-" + std::to_string(i) + ": " + std::string(1000, 'x') + "\r\n";
  Connection c(server.port());
  std::thread sender([&] { c.send(get("/", headers)); });
  const Reply r = c.read_reply();
  sender.join();
  EXPECT_EQ(r.status, 431);
}

TEST(HostileRequests, ConnectionsAreCappedPerClientAndInTotal) {
  auto options = fixture_options();
  options.max_connections = 6;
  options.max_connections_per_client = 3;
  TestServer server(options);
  // Idle connections, each of which sends one byte so that the server holds it. The server counts
  // a connection when a worker takes it, so one opened while an earlier request still counts can
  // itself be refused: such a connection (answered, hence readable) is opened again.
  struct Idle {
    const char* from;
    std::unique_ptr<Connection> connection;
  };
  std::vector<Idle> idle;
  const auto hold = [&](const char* from) {
    idle.push_back({from, std::make_unique<Connection>(server.port(), from)});
    ASSERT_TRUE(idle.back().connection->send("G"));
  };
  const auto reopen_refused = [&] {
    for (auto& i : idle)
      if (i.connection->answered_within(0)) {
        i.connection = std::make_unique<Connection>(server.port(), i.from);
        i.connection->send("G");
      }
  };
  // Asks from `from` until the answer has `status` (a connection is counted a moment after it opens).
  const auto ask_until = [&](const char* from, int status) {
    const std::string page = get("/");
    Reply r;
    for (auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         r.status != status && std::chrono::steady_clock::now() < end;) {
      reopen_refused();
      Connection c(server.port(), from);
      c.send(page);
      r = c.read_reply();
      if (r.status != status) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return r;
  };
  for (int i = 0; i < 3; ++i) hold("127.0.0.1");
  // A fourth from the same client is refused.
  const Reply refused = ask_until("127.0.0.1", 503);
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.header("x-content-type-options"), "nosniff");
  // Another client is served.
  {
    Connection other(server.port(), "127.0.0.2");
    ASSERT_TRUE(other.connected());
    other.send(get("/"));
    EXPECT_EQ(other.read_reply().status, 200);
  }
  // Three more idle connections from other addresses reach the total of six: a seventh client
  // is refused.
  for (const char* from : {"127.0.0.3", "127.0.0.4", "127.0.0.5"}) hold(from);
  EXPECT_EQ(ask_until("127.0.0.6", 503).status, 503);
  idle.clear();
  const Reply again = ask_until("127.0.0.1", 200);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.header("connection"), "close");
}

TEST(HostileRequests, OtherMethodsGet405WithAllow) {
  TestServer server;
  for (const std::string method : {"PUT", "DELETE", "PATCH"}) {
    const Reply r = request(server.port(), method + " /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.header("allow"), "GET, HEAD, POST, OPTIONS") << method;
  }
  const Reply page = request(server.port(), "DELETE /page/agency/ministry-of-commerce HTTP/1.1\r\nHost: x\r\n"
                                            "Connection: close\r\n\r\n");
  EXPECT_EQ(page.status, 405);
  EXPECT_EQ(page.header("allow"), "GET, HEAD, OPTIONS");
  // A body sent with a refused method is not read: the connection closes after the answer.
  const Reply with_body = request(server.port(), "POST /page/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(with_body.status, 405);
  EXPECT_EQ(with_body.header("connection"), "close");
}

TEST(HostileRequests, EveryResponseForbidsSniffingAndForeignContent) {
  TestServer server;
  for (const std::string& raw : {get("/"), get("/page/agency/ministry-of-commerce"), get("/nothing/here"),
                                 get("/sparql?query=SELECT"), std::string("BREW / HTTP/1.1\r\n\r\n"),
                                 std::string("PUT / HTTP/1.1\r\nConnection: close\r\n\r\n")}) {
    const Reply r = request(server.port(), raw);
    ASSERT_NE(r.status, 0) << raw;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << raw;
    EXPECT_NE(r.header("content-security-policy").find("default-src 'self'"), std::string::npos) << raw;
    EXPECT_EQ(r.header("content-security-policy").find("unsafe-inline"), std::string::npos) << raw;
    EXPECT_EQ(r.header("access-control-allow-origin"), "*") << raw;
  }
}

TEST(HostileRequests, OnlyHttpIrisBecomeLinks) {
  const auto file = std::filesystem::temp_directory_path() / ("policykg-iris-" + std::to_string(::getpid()) + ".ttl");
  {
    std::ofstream out(file);
    out << "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
           "<https://w3id.org/policykg/id/thing> rdfs:label \"thing\" ;\n"
           "  rdfs:seeAlso <javascript:alert(1)>, <data:text/html;base64,PHNjcmlwdD4=>, <https://example.org/ok> .\n";
  }
  TestServer server(fixture_options(), file.string());
  std::filesystem::remove(file);
  const Reply r = request(server.port(), get("/page/thing"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body.find("href=\"javascript:"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("href=\"data:"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("javascript:alert(1)"), std::string::npos) << "shown as text";
  EXPECT_NE(r.body.find("href=\"https://example.org/ok\""), std::string::npos);
}

TEST(HostileRequests, GraphPageAllowsItsOwnInlineScriptsByHash) {
  TestServer server;
  Connection c(server.port());
  c.send(get("/graph"));
  const Reply r = c.read_reply();
  ASSERT_EQ(r.status, 200);
  const std::string policy = r.header("content-security-policy");
  EXPECT_NE(policy.find("script-src 'sha256-"), std::string::npos) << policy;
  EXPECT_NE(policy.find("style-src 'sha256-"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("default-src 'self'"), std::string::npos) << "one policy, the page's own";
}

TEST(HostileRequests, AClientThatDoesNotReadIsLetGo) {
  // A graph whose N-Triples dump (some 6 MB) outgrows the sockets' buffers.
  const auto file = std::filesystem::temp_directory_path() / ("policykg-big-" + std::to_string(::getpid()) + ".nt");
  {
    std::ofstream out(file);
    for (int i = 0; i < 50000; ++i)
      out << "<https://w3id.org/policykg/id/thing/" << i << "> <http://www.w3.org/2000/01/rdf-schema#label> \"thing "
          << i << " with a label long enough to fill the buffers\" .\n";
  }
  auto options = fixture_options();
  options.write_timeout = std::chrono::milliseconds(300);
  options.min_write_rate = 1 << 20;
  TestServer server(options, file.string());
  std::filesystem::remove(file);
  const Reply whole = request(server.port(), get("/dump.nt"));
  ASSERT_EQ(whole.status, 200);
  ASSERT_GT(whole.body.size(), 5u << 20);

  // A client with a small window that reads nothing for a while: the server gives up on it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int small = 4096;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string raw = get("/dump.nt");
  ASSERT_EQ(::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL), static_cast<ssize_t>(raw.size()));
  std::this_thread::sleep_for(std::chrono::seconds(8));
  std::size_t received = 0;
  char buf[65536];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) received += static_cast<std::size_t>(n);
  ::close(fd);
  EXPECT_LT(received, whole.body.size());
  EXPECT_EQ(request(server.port(), get("/")).status, 200);
}

TEST(HostileRequests, SlowClientsFromManyAddressesHoldNoThreadsAndOthersAreServed) {
  // More slow connections, each from its own address, than the old thread-per-connection server
  // had threads (256): each holds a socket here, not a thread, and other clients are served.
  auto options = fixture_options();
  options.max_connections = 1000;
  options.workers = 4;
  TestServer server(options);
  const long threads_before = thread_count();
  constexpr int kSlow = 300;
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<Connection>(server.port(), many_address(i).c_str()));
    ASSERT_TRUE(slow.back()->connected()) << many_address(i);
    ASSERT_TRUE(slow.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  }
  auto client = server.client();
  int served = 0;
  for (int round = 0; round < 4; ++round) {
    // A header line on every slow connection, never the end of the head.
    for (int i = 0; i < kSlow; ++i) slow[static_cast<std::size_t>(i)]->send("X-Slow-" + std::to_string(round) + ": 1\r\n");
    for (int k = 0; k < 5; ++k) {
      Connection other(server.port(), "127.0.0.2");
      other.send(get(k % 2 ? "/" : "/page/agency/ministry-of-commerce"));
      const Reply r = other.read_reply();
      EXPECT_EQ(r.status, 200) << "round " << round;
      served += r.status == 200;
    }
    auto res = client.Get("/sparql?query=ASK%7B%7D");
    ASSERT_TRUE(res) << "round " << round;
    EXPECT_EQ(res->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(served, 20);
  // Every slow connection is still held: none was refused, none has timed out yet.
  int answered = 0;
  for (auto& c : slow) answered += c->answered_within(0);
  EXPECT_EQ(answered, 0);
  // 300 open connections and no thread for any of them (workers and I/O threads: a handful).
  const long threads_now = thread_count();
  EXPECT_LT(threads_now - threads_before, 50) << threads_before << " threads before, " << threads_now << " now";
}

TEST(HostileRequests, TheTotalCapRefusesAtOnceWithFewWorkers) {
  auto options = fixture_options();
  options.max_connections = 40;
  options.max_connections_per_client = 32;
  options.workers = 2;
  TestServer server(options);
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < 40; ++i) {
    slow.push_back(std::make_unique<Connection>(server.port(), many_address(i).c_str()));
    ASSERT_TRUE(slow.back()->send("GET / HTTP/1.1\r\n"));
  }
  // The 41st connection, from yet another address, is refused at once, unread.
  Connection extra(server.port(), "127.0.0.250");
  ASSERT_TRUE(extra.connected());
  ASSERT_TRUE(extra.answered_within(5000));
  const Reply refused = extra.read_reply();
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.header("connection"), "close");
  // One log line for the refusal (written as the connection closes).
  const auto refusals = [&server] {
    const auto log = server.log();
    return std::count_if(log.begin(), log.end(), [](const std::string& line) {
      return line.rfind("127.0.0.250 ", 0) == 0 && line.find("(connection refused") != std::string::npos;
    });
  };
  for (int i = 0; i < 100 && refusals() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(refusals(), 1);
  // One slow client leaves: its place is free again.
  slow.pop_back();
  Reply r;
  for (auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
       r.status != 200 && std::chrono::steady_clock::now() < end;) {
    Connection c(server.port(), "127.0.0.250");
    c.send(get("/"));
    r = c.read_reply();
    if (r.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(r.status, 200);
}

TEST(HostileRequests, ManySlowHeadsEachGet408AndAreClosed) {
  auto options = fixture_options();
  options.head_timeout = std::chrono::milliseconds(1000);
  options.workers = 2;
  TestServer server(options);
  constexpr int kSlow = 50;
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<Connection>(server.port(), many_address(i).c_str()));
    ASSERT_TRUE(slow.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  }
  // A header line every 200 ms on each until it is answered (at most 10 s: far past the deadline).
  std::vector<bool> answered(kSlow, false);
  for (int round = 0; round < 50; ++round) {
    bool all = true;
    for (std::size_t i = 0; i < slow.size(); ++i) {
      if (!answered[i]) answered[i] = slow[i]->answered_within(0);
      if (!answered[i]) {
        slow[i]->send("X-Slow-" + std::to_string(round) + ": 1\r\n");
        all = false;
      }
    }
    if (all) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  for (std::size_t i = 0; i < slow.size(); ++i) {
    ASSERT_TRUE(answered[i]) << i;
    const Reply r = slow[i]->read_reply();
    EXPECT_EQ(r.status, 408) << i;
    EXPECT_EQ(r.header("connection"), "close") << i;
    EXPECT_TRUE(slow[i]->closed_within(5000)) << i;
  }
  EXPECT_EQ(request(server.port(), get("/")).status, 200);
}

TEST(HostileRequests, StopFinishesARequestInProgress) {
  policykg::rdf::Model model;
  model.load_file(policykg::test::fixture_file());
  policykg::server::Server server(model, fixture_options());
  const int port = server.start();
  Connection c(port);
  const std::string query = "ASK { ?s ?p ?o }";
  ASSERT_TRUE(c.send(post_head("Content-Length: " + std::to_string(query.size()) + "\r\nExpect: 100-continue\r\n")));
  // The head is read and screened: the server waits for the body.
  ASSERT_EQ(c.receive_some(5000), "HTTP/1.1 100 Continue\r\n\r\n");
  std::thread stopper([&server] { server.stop(); });
  // The server stops taking connections once it is stopping: only then is the body sent, so that
  // the answer is the one a stopping server gives (sent before, it may be answered as usual).
  for (int i = 0; i < 1000 && Connection(port).connected(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_FALSE(Connection(port).connected());
  ASSERT_TRUE(c.send(query));
  const Reply r = c.read_reply();
  stopper.join();
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("connection"), "close");
}
