// An HTTP server in the test process (cpp-httplib) on a free loopback port, for the client's
// tests: each test sets its handlers, then points the client at url().
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace policykg::remote::test {

class TestServer {
 public:
  TestServer() = default;
  ~TestServer() { stop(); }

  httplib::Server& server() { return server_; }
  /// Starts listening (after the handlers are set).
  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // the socket listens from bind_to_any_port: connections wait in its backlog until accepted
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace policykg::remote::test
