// policykg publish [DOCUMENTS...] [--data FILE...|--store SPEC] [--base IRI] (--site DIR | --to URL) ...
// Two ways to publish the graph:
// - --site DIR writes what `policykg serve` serves as a static linked-data site (site/README.md),
//   from the graph --data or --store names, else from the documents (DOCUMENTS, default
//   data/documents/). The folder is written beside DIR and renamed into place: DIR is the whole
//   new site or what it was before.
// - --to URL builds the documents and uploads the graph to a SPARQL 1.1 Graph Store
//   (remote/graph_store.hpp): one named graph per text, named by its expression's IRI
//   (builder::named_graphs, as build --format nquads writes them), and the triples no one text owns
//   (entities, documents only cited) in <BASE>graph/shared. Each graph is replaced: its first batch
//   by PUT, the rest by POST. Credentials come from POLICYKG_ENDPOINT_USER and
//   POLICYKG_ENDPOINT_PASSWORD or a netrc file, never from the command line.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "builder/builder.hpp"
#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "ontology/files.hpp"
#include "ontology/paths.hpp"
#include "remote/credentials.hpp"
#include "remote/graph_store.hpp"
#include "site/site_writer.hpp"

namespace policykg::cli {

namespace {

struct PublishOptions {
  std::vector<std::string> documents;  ///< DOCUMENTS: .txt files or folders of them
  GraphSource source;                  ///< --data, --store, --base
  std::size_t jobs = 0;
  // --site
  std::string site;
  std::string site_url;
  std::string sparql_endpoint;
  bool force = false;
  std::string format = "text";
  // --to
  std::string to;
  std::size_t batch_kib = 4096;
  int attempts = 4;
  long long timeout = 120;
};

builder::Options build_options(const PublishOptions& o) {
  builder::Options options;
  if (!o.source.base.empty()) options.base = o.source.base;
  options.evidence = o.source.evidence;
  options.jobs = o.jobs;
  return options;
}

void publish_site(const PublishOptions& o) {
  site::SiteOptions options;
  options.dir = o.site;
  options.site_url = o.site_url;
  while (options.site_url.ends_with('/')) options.site_url.pop_back();
  if (!o.site_url.empty() && !absolute_iri(options.site_url))
    throw Error(Error::Category::Usage, "--site-url " + o.site_url, "give an absolute URL (https://host/path)");
  if (!o.sparql_endpoint.empty() && !absolute_iri(o.sparql_endpoint))
    throw Error(Error::Category::Usage, "--sparql-endpoint " + o.sparql_endpoint, "give an absolute URL");
  options.endpoint = o.sparql_endpoint;
  options.force = o.force;
  options.threads = builder::thread_count(o.jobs);
  options.server.base = instance_base(o.source);
  // the site never replaces what publish reads: the graph's files, the pages' and the documents
  options.inputs = input_files(o.source);
  for (const auto& d : o.documents) options.inputs.emplace_back(d);
  options.inputs.push_back(paths::web_dir());
  options.inputs.push_back(paths::documents_dir());
  options.inputs.push_back(ontology::ontology_file());
  site::check_site_folder(options);  // before the graph is built
  rdf::Model model;
  if (o.documents.empty()) model = load_graph(o.source);
  else model.add(builder::build_files(document_files(o.documents), build_options(o)));
  const auto summary = site::write_site(model, options);
  if (o.format == "json") {
    std::cout << nlohmann::ordered_json{{"site", summary.dir.string()},
                                        {"resources", summary.resources},
                                        {"files", summary.files},
                                        {"bytes", summary.bytes}}
                     .dump(2)
              << '\n';
  } else {
    std::cout << summary.dir.string() << ": a static site of " << summary.resources << " resources, "
              << summary.files << " files, " << summary.bytes << " bytes\n";
  }
}

void publish_to(const PublishOptions& o) {
  if (!o.source.data.empty() || !o.source.store.empty())
    throw Error(Error::Category::Usage, "--to",
                "publish --to builds one named graph per document: give the documents, not --data or --store");
  remote::Url url = remote::parse_url(o.to, "--to");
  remote::HttpOptions http;
  http.credentials = remote::find_credentials(url.host);
  http.retry.attempts = o.attempts;
  http.read_timeout = std::chrono::seconds(o.timeout);
  http.connect_timeout = std::min(http.connect_timeout, http.read_timeout);
  const builder::Options options = build_options(o);
  builder::Corpus corpus = builder::build_corpus(document_files(o.documents), options);
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

void run_publish(const PublishOptions& o) {
  if (o.site.empty() && o.to.empty())
    throw Error(Error::Category::Usage, "publish",
                "give --site DIR (a static linked-data site) or --to URL (a Graph Store to upload to, e.g. "
                "Virtuoso's http://HOST:8890/sparql-graph-crud-auth)");
  if (!o.site.empty()) publish_site(o);
  else publish_to(o);
}

}  // namespace

void setup_publish(CLI::App& app) {
  auto o = std::make_shared<PublishOptions>();
  auto* cmd = app.add_subcommand(
      "publish", "Publish the graph: a static linked-data site (--site DIR) or one named graph per document in a "
                 "SPARQL Graph Store (--to URL)");
  cmd->footer(
      "--site DIR writes what `policykg serve` serves as files: a page and Turtle, N-Triples, JSON-LD and RDF/XML\n"
      "for every resource (id/X.html, id/X.ttl, ...), the ontology, VoID, DCAT, the dumps, the graph and the\n"
      "pictures, with .htaccess and nginx rules for the 303s and a README for publishers. DIR is replaced whole\n"
      "(a folder publish wrote, an empty one, or any with --force) and is never left half-written.\n"
      "--to URL uploads by the SPARQL 1.1 Graph Store HTTP Protocol; credentials, when the server asks, come from\n"
      "POLICYKG_ENDPOINT_USER and POLICYKG_ENDPOINT_PASSWORD or a netrc file (NETRC, else ~/.netrc).");
  cmd->add_option("DOCUMENTS", o->documents,
                  "plain-text documents, or folders of them (default: every .txt in data/documents/)")
      ->check(CLI::ExistingPath);
  add_graph_options(*cmd, o->source);
  cmd->add_flag("--evidence", o->source.evidence, "with the evidence nodes (see build --evidence)");
  cmd->add_option("-j,--jobs", o->jobs, "threads building the documents and writing the site (default 0: one per core)");
  auto* site = cmd->add_option("--site", o->site, "the site's folder (written beside it, then renamed into place)");
  cmd->add_option("--site-url", o->site_url,
                  "with --site: where the site is published (default: the instance base without its last segment, "
                  "https://w3id.org/policykg)");
  cmd->add_option("--sparql-endpoint", o->sparql_endpoint,
                  "with --site: a SPARQL endpoint for VoID and DCAT to name (default: none, a static host has none)");
  cmd->add_flag("--force", o->force, "with --site: replace DIR even when it is a non-empty folder publish did not write");
  cmd->add_option("--format", o->format, "with --site: the summary on standard output, text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--to", o->to,
                  "the Graph Store's URL (SPARQL 1.1 Graph Store HTTP Protocol; ?graph=IRI is added), e.g. Virtuoso's "
                  "http://HOST:8890/sparql-graph-crud-auth")
      ->excludes(site);
  cmd->add_option("--batch-size", o->batch_kib,
                  "with --to: the largest request body, in KiB of N-Triples (a graph larger than this is sent as a "
                  "PUT and then POSTs)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 22));
  cmd->add_option("--attempts", o->attempts,
                  "with --to: tries per request when the server fails (5xx) or the connection does, waiting 0.5 s, "
                  "1 s, 2 s... between them")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--timeout", o->timeout, "with --to: seconds to wait for a connection and for each part of an answer")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 86400LL));
  cmd->callback([o] { run_publish(*o); });
}

}  // namespace policykg::cli
