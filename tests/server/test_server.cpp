#include "tests/server/test_server.hpp"

#include <chrono>
#include <thread>

namespace policykg::test {

std::string source_dir() { return POLICYKG_SOURCE_DIR; }
std::string fixture_file() { return source_dir() + "/tests/server/data/fixture.ttl"; }

server::Options fixture_options() {
  server::Options o;
  o.port = 0;
  o.web_dir = source_dir() + "/web";
  o.ontology_file = source_dir() + "/ontology/policykg.ttl";
  o.documents_dir = source_dir() + "/tests/server/data/documents";
  o.examples_dir = source_dir() + "/tests/server/data/queries";
  o.max_connections = 64;
  return o;
}

TestServer::TestServer(server::Options options, const std::string& data) {
  if (!data.empty()) model_.load_file(data);
  auto mutex = mutex_;
  auto log = log_;
  options.log = [mutex, log](std::string_view line) {
    std::lock_guard guard(*mutex);
    log->emplace_back(line);
  };
  server_ = std::make_unique<server::Server>(model_, options);
  port_ = server_->start();
}

TestServer::~TestServer() { server_->stop(); }

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(60, 0);
  return c;
}

std::vector<std::string> TestServer::log() const {
  std::lock_guard guard(*mutex_);
  return *log_;
}

std::vector<std::string> TestServer::log_after(std::size_t n) const {
  for (int i = 0; i < 500 && log().size() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return log();
}

std::size_t count_triples(const std::string& text, rdf::Format format) {
  rdf::Model m;
  m.load_string(text, format, "http://example.org/");
  return m.size();
}

}  // namespace policykg::test
