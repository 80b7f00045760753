// policykg publish [--data FILE...|--store SPEC] [--base IRI] --site DIR [--site-url URL]
//                  [--sparql-endpoint URL] [--force] [-j N] [--format text|json]
// Writes what `policykg serve` serves as a static linked-data site (site/README.md). The folder is
// written beside DIR and renamed into place: DIR is the whole new site or what it was before.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "builder/builder.hpp"
#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "ontology/files.hpp"
#include "ontology/paths.hpp"
#include "site/site_writer.hpp"

namespace policykg::cli {

namespace {

struct PublishOptions {
  GraphSource source;
  std::string site;
  std::string site_url;
  std::string endpoint;
  bool force = false;
  std::size_t jobs = 1;
  std::string format = "text";
};

void run_publish(const PublishOptions& o) {
  if (o.site.empty()) throw Error(Error::Category::Usage, "", "publish needs --site DIR");
  site::SiteOptions options;
  options.dir = o.site;
  options.site_url = o.site_url;
  while (options.site_url.ends_with('/')) options.site_url.pop_back();
  if (!o.site_url.empty() && !absolute_iri(options.site_url))
    throw Error(Error::Category::Usage, "--site-url " + o.site_url, "give an absolute URL (https://host/path)");
  if (!o.endpoint.empty() && !absolute_iri(o.endpoint))
    throw Error(Error::Category::Usage, "--sparql-endpoint " + o.endpoint, "give an absolute URL");
  options.endpoint = o.endpoint;
  options.force = o.force;
  options.threads = builder::thread_count(o.jobs);
  options.server.base = instance_base(o.source);
  // the site never replaces what publish reads: the graph's files, the pages' and the documents
  options.inputs = input_files(o.source);
  options.inputs.push_back(paths::web_dir());
  options.inputs.push_back(paths::documents_dir());
  options.inputs.push_back(ontology::ontology_file());
  site::check_site_folder(options);  // before the graph is built
  rdf::Model model = load_graph(o.source);
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

}  // namespace

void setup_publish(CLI::App& app) {
  auto options = std::make_shared<PublishOptions>();
  auto* cmd = app.add_subcommand("publish", "Publish the graph: a static linked-data site (--site DIR)");
  cmd->footer(
      "--site DIR writes what `policykg serve` serves as files: a page and Turtle, N-Triples, JSON-LD and RDF/XML\n"
      "for every resource (id/X.html, id/X.ttl, ...), the ontology, VoID, DCAT, the dumps, the graph and the\n"
      "pictures, with .htaccess and nginx rules for the 303s and a README for publishers. DIR is replaced whole\n"
      "(a folder publish wrote, an empty one, or any with --force) and is never left half-written.");
  add_graph_options(*cmd, options->source);
  cmd->add_option("--site", options->site, "the site's folder (written beside it, then renamed into place)");
  cmd->add_option("--site-url", options->site_url,
                  "where the site is published (default: the instance base without its last segment, "
                  "https://w3id.org/policykg)");
  cmd->add_option("--sparql-endpoint", options->endpoint,
                  "a SPARQL endpoint for VoID and DCAT to name (default: none, a static host has none)");
  cmd->add_flag("--force", options->force, "replace DIR even when it is a non-empty folder publish did not write");
  cmd->add_option("-j,--jobs", options->jobs, "threads writing the resources (default 1; 0: one per core)");
  cmd->add_option("--format", options->format, "summary on standard output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options] { run_publish(*options); });
}

}  // namespace policykg::cli
