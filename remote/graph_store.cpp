#include "remote/graph_store.hpp"

namespace policykg::remote {

std::vector<std::string> ntriples_batches(const std::vector<rdf::Triple>& triples, std::size_t max_bytes) {
  std::vector<std::string> out;
  std::string body;
  for (const auto& t : triples) {
    std::string line = t.s.to_ntriples() + " " + t.p.to_ntriples() + " " + t.o.to_ntriples() + " .\n";
    if (!body.empty() && body.size() + line.size() > max_bytes) out.push_back(std::move(body)), body.clear();
    body += line;
  }
  if (!body.empty()) out.push_back(std::move(body));
  return out;
}

GraphStore::GraphStore(Url url, HttpOptions http, std::size_t batch_bytes)
    : url_(std::move(url)), http_(std::move(http)), batch_bytes_(batch_bytes) {}

std::size_t GraphStore::put(const std::string& iri, const std::vector<rdf::Triple>& triples) {
  auto batches = ntriples_batches(triples, batch_bytes_);
  if (batches.empty()) batches.emplace_back();
  for (std::size_t i = 0; i < batches.size(); ++i) {
    HttpRequest req;
    req.method = i == 0 ? "PUT" : "POST";
    req.url = with_parameter(url_, "graph", iri);
    req.content_type = "text/turtle; charset=utf-8";
    req.body = std::move(batches[i]);
    req.what = "graph <" + iri + ">" +
               (batches.size() > 1 ? ", batch " + std::to_string(i + 1) + " of " + std::to_string(batches.size()) : "");
    http_.send(req);
  }
  return batches.size();
}

}  // namespace policykg::remote
