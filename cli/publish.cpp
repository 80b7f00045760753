// policykg publish [DATA...] --to URL [--base IRI] [--evidence] [-j N] [--batch-size KIB] [--attempts N]
// Builds the documents (DATA: .txt files or folders of them; default data/documents/) and uploads
// the graph to a SPARQL 1.1 Graph Store (remote/graph_store.hpp): one named graph per text, named
// by its expression's IRI (builder::named_graphs, as build --format nquads writes them), and the
// triples no one text owns (entities, documents only cited) in <BASE>graph/shared. Each graph is
// replaced: its first batch by PUT, the rest by POST. Credentials come from POLICYKG_ENDPOINT_USER
// and POLICYKG_ENDPOINT_PASSWORD or a netrc file, never from the command line.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "builder/builder.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "remote/credentials.hpp"
#include "remote/graph_store.hpp"

namespace policykg::cli {

namespace {

struct PublishOptions {
  std::vector<std::string> files;
  std::string to;
  std::string base;
  bool evidence = false;
  std::size_t jobs = 0;
  std::size_t batch_kib = 4096;
  int attempts = 4;
  long long timeout = 120;
};

std::vector<std::filesystem::path> documents(const std::vector<std::string>& given) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : given) {
    std::error_code ec;
    if (std::filesystem::is_directory(f, ec)) {
      auto listed = builder::list_documents(f);
      if (listed.empty()) throw Error(Error::Category::Input, f, "no .txt documents in the folder");
      files.insert(files.end(), listed.begin(), listed.end());
    } else {
      files.emplace_back(f);
    }
  }
  return files.empty() ? builder::list_documents(paths::documents_dir()) : files;
}

void run_publish(const PublishOptions& o) {
  if (o.to.empty())
    throw Error(Error::Category::Usage, "publish", "give --to URL: the Graph Store to upload to (e.g. Virtuoso's "
                                                   "http://HOST:8890/sparql-graph-crud-auth)");
  remote::Url url = remote::parse_url(o.to, "--to");
  remote::HttpOptions http;
  http.credentials = remote::find_credentials(url.host);
  http.retry.attempts = o.attempts;
  http.read_timeout = std::chrono::seconds(o.timeout);
  http.connect_timeout = std::min(http.connect_timeout, http.read_timeout);
  builder::Options options;
  if (!o.base.empty()) options.base = o.base;
  options.evidence = o.evidence;
  options.jobs = o.jobs;
  builder::Corpus corpus = builder::build_corpus(documents(o.files), options);
  auto graphs = builder::named_graphs(corpus, options.base);
  remote::GraphStore store(url, http, o.batch_kib << 10);
  std::size_t triples = 0, requests = 0;
  for (const auto& g : graphs) {
    const std::string iri = g.name.empty() ? options.base + "graph/shared" : g.name;
    auto content = g.graph.to_triples();
    requests += store.put(iri, content);
    triples += content.size();
    std::cout << iri << "\t" << content.size() << "\n" << std::flush;
  }
  std::cerr << "policykg: published " << triples << " triples in " << graphs.size() << " graphs to " << url.to_string()
            << " (" << requests << " requests)\n";
}

}  // namespace

void setup_publish(CLI::App& app) {
  auto o = std::make_shared<PublishOptions>();
  auto* cmd = app.add_subcommand("publish", "Upload the graph to a SPARQL Graph Store, one named graph per document");
  cmd->add_option("DATA", o->files, "plain-text documents, or folders of them (default: every .txt in data/documents/)")
      ->check(CLI::ExistingPath);
  cmd->add_option("--to", o->to,
                  "the Graph Store's URL (SPARQL 1.1 Graph Store HTTP Protocol; ?graph=IRI is added), e.g. Virtuoso's "
                  "http://HOST:8890/sparql-graph-crud-auth; credentials, when it asks, come from POLICYKG_ENDPOINT_USER "
                  "and POLICYKG_ENDPOINT_PASSWORD or a netrc file (NETRC, else ~/.netrc)");
  cmd->add_option("--base", o->base, "instance base IRI (default https://w3id.org/policykg/id/)");
  cmd->add_flag("--evidence", o->evidence, "publish the evidence nodes too (see build --evidence)");
  cmd->add_option("-j,--jobs", o->jobs, "threads building the documents (default 0: one per core)");
  cmd->add_option("--batch-size", o->batch_kib, "the largest request body, in KiB of N-Triples (a graph larger than this "
                                                "is sent as a PUT and then POSTs)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 22));
  cmd->add_option("--attempts", o->attempts, "tries per request when the server fails (5xx) or the connection does, "
                                             "waiting 0.5 s, 1 s, 2 s... between them")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--timeout", o->timeout, "seconds to wait for a connection and for each part of an answer")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 86400LL));
  cmd->callback([o] { run_publish(*o); });
}

}  // namespace policykg::cli
