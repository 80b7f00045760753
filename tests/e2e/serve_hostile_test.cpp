// `policykg serve` under hostile requests, the real binary on the corpus: byte ranges that would
// multiply the dump, a chunked body beyond the limit, a Content-Length of 10^20, a method the
// server does not take, and the memory a failed heavy query leaves behind.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/serve_process.hpp"

using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

namespace {

long rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// Sends `head`, then `body_chunks` chunks of 64 KiB on another thread; returns the status line's
// code of the answer (0: none within 20 s).
int send_raw(int port, const std::string& head, int body_chunks) {
  int fd = policykg::test::connect_loopback(port);
  if (fd < 0) return 0;
  std::thread sender([&] {
    auto send_all = [fd](const std::string& s) {
      for (std::size_t sent = 0; sent < s.size();) {
        auto n = ::send(fd, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
      }
      return true;
    };
    if (!send_all(head)) return;
    const std::string chunk = "10000\r\n" + std::string(65536, '#') + "\r\n";
    for (int i = 0; i < body_chunks; ++i)
      if (!send_all(chunk)) return;
  });
  std::string raw;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (raw.size() < 12 && ::poll(&p, 1, 20000) > 0) {
    auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::shutdown(fd, SHUT_RDWR);
  sender.join();
  ::close(fd);
  return raw.rfind("HTTP/1.1 ", 0) == 0 && raw.size() >= 12 ? std::stoi(raw.substr(9, 3)) : 0;
}

}  // namespace

TEST(ServeHostile, RangesBodiesMethodsAndMemoryStayBounded) {
  ServeProcess serve({"--timeout", "2000", "--max-request-bytes", "65536"});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const int port = serve.port();

  // 2,500 ranges on the dump: refused, not the dump 2,500 times; a few: the dump once.
  auto whole = http_request(port, "GET", "/dump.ttl");
  ASSERT_EQ(whole.status, 200);
  std::string ranges = "bytes=0-";
  for (int i = 1; i < 2500; ++i) ranges += ",0-";
  auto ranged = http_request(port, "GET", "/dump.ttl", {{"Range", ranges}});
  EXPECT_EQ(ranged.status, 416);
  EXPECT_LT(ranged.body.size(), 100u);
  auto few = http_request(port, "GET", "/dump.ttl", {{"Range", "bytes=0-9,0-"}});
  EXPECT_EQ(few.status, 200);
  EXPECT_EQ(few.body.size(), whole.body.size());

  // 4 MiB chunked against a 64 KiB limit; a Content-Length of 10^20 with no body at all.
  const std::string post = "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n";
  EXPECT_EQ(send_raw(port, post + "Transfer-Encoding: chunked\r\n\r\n", 64), 413);
  EXPECT_EQ(send_raw(port, post + "Content-Length: 100000000000000000000\r\n\r\n", 0), 413);

  auto put = http_request(port, "PUT", "/sparql");
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.header("allow"), "GET, HEAD, POST, OPTIONS");
  auto index = http_request(port, "GET", "/");
  EXPECT_EQ(index.header("x-content-type-options"), "nosniff");
  EXPECT_FALSE(index.header("content-security-policy").empty());

  // A query that grows without bound until its timeout: the memory it held is given back.
  const long before = rss_kib(serve.pid());
  ASSERT_GT(before, 0);
  auto heavy = http_request(port, "GET",
                            "/sparql?query=" + url_encode("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a"));
  EXPECT_NE(heavy.status, 0);
  // The heap is trimmed just after the answer is sent.
  long after = rss_kib(serve.pid());
  for (int i = 0; i < 100 && after - before >= 64 * 1024; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    after = rss_kib(serve.pid());
  }
  EXPECT_LT(after - before, 64 * 1024) << "VmRSS " << before << " KiB before the query, " << after << " KiB after";
  EXPECT_EQ(http_request(port, "GET", "/").status, 200);
  EXPECT_EQ(serve.stop(), 0);
}

TEST(ServeHostile, DeepAndGreedyQueriesGetAnAnswerAndTheServerLives) {
  ServeProcess serve({"--max-memory", "64"});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const int port = serve.port();
  // the reproduction: 10^4 nested groups in one 20 KB POST killed the server
  const std::string deep = "SELECT * WHERE " + std::string(10000, '{') + "?s ?p ?o" + std::string(10000, '}');
  auto r = http_request(port, "POST", "/sparql", {{"Content-Type", "application/sparql-query"}}, deep);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("nested too deeply"), std::string::npos) << r.body.substr(0, 300);
  r = http_request(port, "POST", "/sparql", {{"Content-Type", "application/sparql-query"}},
                   "SELECT * { FILTER(" + std::string(100000, '!') + "true) }");
  EXPECT_EQ(r.status, 400);
  // past the memory budget (ORDER BY needs every row): 503 with the reason; with LIMIT, or cut at
  // the row cap, the same join answers
  const std::string cross = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  r = http_request(port, "GET", "/sparql?query=" + url_encode(cross + " ORDER BY ?i"));
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("needs more than 64 MiB of memory"), std::string::npos) << r.body.substr(0, 300);
  r = http_request(port, "GET", "/sparql?query=" + url_encode(cross + " LIMIT 5"), {{"Accept", "text/csv"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(std::count(r.body.begin(), r.body.end(), '\n'), 6) << r.body;
  r = http_request(port, "GET", "/sparql?query=" + url_encode(cross), {{"Accept", "text/csv"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("x-policykg-truncated"), "true");
  EXPECT_EQ(http_request(port, "GET", "/").status, 200);
  EXPECT_EQ(serve.stop(), 0);
}
