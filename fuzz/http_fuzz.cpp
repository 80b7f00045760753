// Raw bytes -> one HTTP connection to an in-process policykg server on loopback, serving a small
// policy graph: whatever a client sends (request line, headers, chunked or sized bodies, SPARQL,
// resource paths), the server answers or closes the connection, and never crashes, leaks or
// hangs. The server's threads run inside this process, so the sanitizers and the coverage see
// every handler.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "rdf/model.hpp"
#include "server/server.hpp"

namespace {

int server_port() {
  static std::unique_ptr<policykg::rdf::Model> model;
  static std::unique_ptr<policykg::server::Server> server;
  if (!server) {
    model = std::make_unique<policykg::rdf::Model>();
    model->load_string(R"ttl(
@prefix pol: <https://w3id.org/policykg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<agency/mofcom> a pol:Agency ; rdfs:label "Ministry of Commerce"@en .
<doc/x/measure/1> a pol:Measure ; rdfs:label "open <banks> & \"insurers\"" ; pol:responsibleParty <agency/mofcom> ;
  pol:dependsOn <doc/x/measure/2> .
<doc/x/measure/2> a pol:Measure ; pol:text "javascript:alert(1)" .
)ttl",
                       policykg::rdf::Format::Turtle, "https://w3id.org/policykg/id/");
    policykg::server::Options options;
    options.port = 0;
    options.timeout = std::chrono::milliseconds(1000);
    options.max_rows = 50;
    options.max_connections = 16;
    options.max_queries = 2;
    server = std::make_unique<policykg::server::Server>(*model, options);
    server->start();
    std::atexit([] {
      server->stop();
      server.reset();
      model.reset();
    });
  }
  return server->port();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const int port = server_port();
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::size_t sent = 0;
    while (sent < size) {
      ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
    // read the answer until the server closes, for at most two seconds
    char buffer[65536];
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < end) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      if (::recv(fd, buffer, sizeof buffer, 0) <= 0) break;
    }
  }
  ::close(fd);
  return 0;
}
