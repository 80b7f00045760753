// A server started in-process on port 0 over a fixture graph, with a client and the captured log.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <httplib.h>

#include "rdf/model.hpp"
#include "server/server.hpp"

namespace policykg::test {

std::string source_dir();
/// tests/server/data/fixture.ttl
std::string fixture_file();

/// Options pointing at the fixtures (documents, example queries) and the real web/ and ontology.
server::Options fixture_options();

class TestServer {
 public:
  explicit TestServer(server::Options options = fixture_options(), const std::string& data = fixture_file());
  ~TestServer();
  httplib::Client client() const;
  int port() const { return port_; }
  const rdf::Model& model() const { return model_; }
  std::vector<std::string> log() const;
  /// The log once it has at least `n` lines (workers log just after answering), or after 5 s.
  std::vector<std::string> log_after(std::size_t n) const;

 private:
  rdf::Model model_;
  std::unique_ptr<server::Server> server_;
  int port_ = 0;
  std::shared_ptr<std::mutex> mutex_ = std::make_shared<std::mutex>();
  std::shared_ptr<std::vector<std::string>> log_ = std::make_shared<std::vector<std::string>>();
};

/// Parses `text` in `format`; the number of triples (throws on a syntax error).
std::size_t count_triples(const std::string& text, rdf::Format format);

}  // namespace policykg::test
