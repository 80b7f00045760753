#include "cli/graph_source.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <string_view>

#include "builder/builder.hpp"
#include "core/error.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "query/sparql/index_builder.hpp"
#include "rdf/index_file.hpp"
#include "rdf/parser.hpp"
#include "rdf/store_spec.hpp"
#include "remote/credentials.hpp"
#include "remote/url.hpp"

namespace policykg::cli {

void add_graph_options(CLI::App& cmd, GraphSource& source) {
  cmd.add_option("--data", source.data,
                 "RDF files to read (Turtle, N-Triples, N-Quads, RDF/XML), or one index file (policykg index), which "
                 "is memory-mapped")
      ->check(CLI::ExistingFile);
  cmd.add_option("--store", source.store, "store spec: memory, sqlite:PATH, postgresql:..., virtuoso:...");
  cmd.add_option("--base", source.base, "instance base IRI when building from data/documents/");
}

namespace {

void check_one_source(const GraphSource& source) {
  if (!source.data.empty() && !source.store.empty())
    throw Error(Error::Category::Usage, "--data/--store", "give either --data or --store, not both");
  if (!source.endpoint.empty() && (!source.data.empty() || !source.store.empty()))
    throw Error(Error::Category::Usage, "--endpoint", "give one of --data, --store and --endpoint");
  if (source.endpoint.empty() && !source.endpoint_graphs.empty())
    throw Error(Error::Category::Usage, "--endpoint-graph", "names a graph of an endpoint: give --endpoint URL too");
}

}  // namespace

void add_endpoint_options(CLI::App& cmd, GraphSource& source, bool fetches_all) {
  std::string help =
      "ask this SPARQL 1.1 Protocol endpoint (http:// or https://) instead of reading a graph; credentials, when it "
      "asks, come from POLICYKG_ENDPOINT_USER and POLICYKG_ENDPOINT_PASSWORD or a netrc file (NETRC, else ~/.netrc)";
  if (fetches_all) help += ". This command needs every triple: it fetches the whole default graph in one CONSTRUCT query";
  cmd.add_option("--endpoint", source.endpoint, help);
  cmd.add_option("--endpoint-graph", source.endpoint_graphs,
                 "with --endpoint: a named graph of the endpoint that makes its default graph (default-graph-uri); "
                 "IRI* stands for every named graph whose IRI starts with IRI. Repeatable; without it, the endpoint's "
                 "default graph (on Virtuoso, all of its graphs, its system graphs included)");
  cmd.add_option("--endpoint-timeout", source.endpoint_timeout,
                 "with --endpoint: seconds to wait for a connection and for each part of an answer")
      ->capture_default_str()
      ->check(CLI::Range(1LL, 86400LL));
}

remote::Endpoint open_endpoint(const GraphSource& source) {
  check_one_source(source);
  remote::EndpointOptions options;
  options.url = remote::parse_url(source.endpoint, "--endpoint");
  options.http.credentials = remote::find_credentials(options.url.host);
  options.http.read_timeout = std::chrono::seconds(source.endpoint_timeout);
  options.http.connect_timeout = std::min(options.http.connect_timeout, options.http.read_timeout);
  std::vector<std::string> prefixes;
  for (const auto& g : source.endpoint_graphs) {
    const bool prefix = g.ends_with('*');
    const std::string iri = prefix ? g.substr(0, g.size() - 1) : g;
    if (!absolute_iri(iri))
      throw Error(Error::Category::Usage, "--endpoint-graph " + g, "give an absolute IRI, or an IRI and '*'");
    if (prefix) prefixes.push_back(iri);
    else options.default_graphs.push_back(iri);
  }
  remote::Endpoint endpoint(options);
  if (prefixes.empty()) return endpoint;
  // The named graphs under each prefix, asked of the endpoint with no default graph given.
  remote::EndpointOptions all = options;
  all.default_graphs.clear();
  remote::Endpoint lister(all);
  for (const auto& prefix : prefixes) {
    auto graphs = lister.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" +
                                rdf::escape_literal(prefix) + "\")) }");
    std::size_t found = 0;
    for (const auto& row : graphs.rows)
      if (!row.empty() && row[0] && row[0]->is_iri()) options.default_graphs.push_back(row[0]->value), ++found;
    if (found == 0)
      throw Error(Error::Category::Input, "--endpoint-graph " + prefix + "*",
                  "no named graph of " + options.url.to_string() + " starts with " + prefix);
  }
  std::sort(options.default_graphs.begin(), options.default_graphs.end());
  options.default_graphs.erase(std::unique(options.default_graphs.begin(), options.default_graphs.end()),
                               options.default_graphs.end());
  return remote::Endpoint(options);
}

std::string instance_base(const GraphSource& source) {
  return source.base.empty() ? std::string(ns::kDefaultBase) : source.base;
}

std::vector<std::filesystem::path> input_files(const GraphSource& source) {
  if (!source.store.empty()) {
    rdf::StoreSpec spec = rdf::parse_store_spec(source.store);
    if (spec.kind == rdf::StoreSpec::Kind::Sqlite) return {spec.location};
    return {};
  }
  if (!source.endpoint.empty()) return {};
  if (source.data.empty()) return builder::list_documents(paths::documents_dir());
  return {source.data.begin(), source.data.end()};
}

namespace {


std::vector<rdf::Triple> build_documents(const GraphSource& source) {
  builder::Options options;
  options.base = instance_base(source);
  options.evidence = source.evidence;
  return builder::build_files(builder::list_documents(paths::documents_dir()), options);
}

// FILE, or IRI=FILE. A spec naming an existing file is a file, '=' or not; otherwise it splits at
// the first '=' that leaves an existing file on its right, else at the last '=' (the file that
// is then missing is named when it is read).
NamedGraphFile named_graph_file(const std::string& spec) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto eq = spec.find('=');
  if (eq == std::string::npos || fs::exists(spec, ec)) {
    if (spec.empty()) throw Error(Error::Category::Usage, "--named", "give FILE or IRI=FILE");
    return {rdf::file_iri(spec), spec};
  }
  std::size_t split = spec.rfind('=');
  for (auto at = eq; at != std::string::npos; at = spec.find('=', at + 1))
    if (fs::exists(spec.substr(at + 1), ec)) {
      split = at;
      break;
    }
  NamedGraphFile g{spec.substr(0, split), spec.substr(split + 1)};
  if (g.iri.empty()) throw Error(Error::Category::Usage, "--named " + spec, "the graph's IRI before '=' is empty");
  if (!absolute_iri(g.iri))
    throw Error(Error::Category::Usage, "--named " + spec,
                "'" + g.iri + "' is not an absolute IRI (a scheme such as http: or urn:, no spaces or <>\"{}|\\^`)");
  if (g.file.empty()) throw Error(Error::Category::Usage, "--named " + spec, "no file after '='");
  return g;
}

}  // namespace

bool absolute_iri(const std::string& iri) {
  auto colon = iri.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(iri[0]))) return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(iri[i])) && std::string_view("+-.").find(iri[i]) == std::string_view::npos)
      return false;
  return std::none_of(iri.begin(), iri.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos;
  });
}

std::vector<NamedGraphFile> named_graph_files(const std::vector<std::string>& specs) {
  std::vector<NamedGraphFile> out;
  for (const auto& spec : specs) {
    NamedGraphFile g = named_graph_file(spec);
    for (const auto& earlier : out)
      if (earlier.iri == g.iri)
        throw Error(Error::Category::Usage, "--named", "two graphs are named <" + g.iri + ">: " + earlier.file.string() +
                                                           " and " + g.file.string());
    out.push_back(std::move(g));
  }
  return out;
}

std::filesystem::path index_file(const GraphSource& source) {
  // by the magic bytes; a file named .pkgi without them is opened as an index too, which says what
  // is wrong with it (empty, truncated, foreign) rather than that its extension names no RDF format
  for (const auto& file : source.data)
    if (rdf::is_index_file(file) || std::filesystem::path(file).extension() == rdf::kIndexExtension) {
      if (source.data.size() > 1)
        throw Error(Error::Category::Usage, "--data", file + " is an index file, which is read alone: give it as the only --data");
      return file;
    }
  return {};
}

namespace {

std::vector<rdf::Triple> index_triples(const GraphSource& source, const std::filesystem::path& index) {
  auto triples = query::Dataset::open_index(index, source.verify_index ? query::IndexCheck::Verify : query::IndexCheck::Structure)
                     .default_triples();
  std::sort(triples.begin(), triples.end());  // in id order; commands expect them sorted as terms
  return triples;
}

}  // namespace

query::Dataset load_dataset(const GraphSource& source) {
  check_one_source(source);
  if (auto index = index_file(source); !index.empty())
    return query::Dataset::open_index(index, source.verify_index ? query::IndexCheck::Verify : query::IndexCheck::Structure);
  if (source.store.empty() && source.endpoint.empty() && !source.data.empty()) {
    // RDF files, streamed: the dataset their index file would be, never held as triples of terms
    query::IndexBuilder builder;
    for (const auto& file : source.data) builder.add_file(file);
    return builder.dataset();
  }
  query::Dataset dataset;
  dataset.set_default(load_triples(source));  // an endpoint's whole graph
  return dataset;
}

rdf::Model load_graph(const GraphSource& source) {
  check_one_source(source);
  if (!source.store.empty()) return rdf::Model(rdf::parse_store_spec(source.store));
  rdf::Model model;
  if (!source.endpoint.empty()) {
    model.add(open_endpoint(source).all_triples());
    return model;
  }
  if (auto index = index_file(source); !index.empty()) {
    model.add(index_triples(source, index));
    return model;
  }
  if (!source.data.empty()) {
    for (const auto& file : source.data) model.load_file(file);
    return model;
  }
  model.add(build_documents(source));
  return model;
}

std::vector<rdf::Triple> load_triples(const GraphSource& source) {
  check_one_source(source);
  if (!source.store.empty()) return rdf::Model(rdf::parse_store_spec(source.store)).sorted_triples();
  if (!source.endpoint.empty()) return open_endpoint(source).all_triples();  // sorted, without duplicates
  if (source.data.empty()) return build_documents(source);  // sorted and free of duplicates
  if (auto index = index_file(source); !index.empty()) return index_triples(source, index);
  std::vector<rdf::Triple> triples;
  for (const auto& file : source.data) {
    auto more = rdf::parse_file(file);
    if (triples.empty()) triples = std::move(more);
    else triples.insert(triples.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  if (!std::is_sorted(triples.begin(), triples.end())) std::sort(triples.begin(), triples.end());  // build writes sorted files
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  return triples;
}

}  // namespace policykg::cli
