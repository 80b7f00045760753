#include "server/context.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "ontology/files.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "rdf/model.hpp"
#include "query/sparql/memory_budget.hpp"

namespace policykg::server {

namespace {

Options resolve(Options o) {
  if (o.base.empty()) o.base = std::string(ns::kDefaultBase);
  if (o.web_dir.empty()) o.web_dir = paths::web_dir();
  if (o.ontology_file.empty()) o.ontology_file = ontology::ontology_file();
  if (o.examples_dir.empty()) o.examples_dir = paths::home() / "examples" / "queries";
  if (o.documents_dir.empty()) o.documents_dir = paths::documents_dir();
  if (o.max_connections < 4) o.max_connections = 4;
  if (o.max_connections_per_client < 1) o.max_connections_per_client = 1;
  if (o.max_queries == 0) o.max_queries = std::max(2u, std::thread::hardware_concurrency());
  if (o.workers == 0) o.workers = o.max_queries + o.query_queue + std::max(2u, std::thread::hardware_concurrency());
  if (o.max_memory == 0) o.max_memory = query::physical_memory_fraction(0.5) / o.max_queries;
  return o;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Error::Category::Io, file.string(), "cannot read the ontology");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<rdf::Triple> ontology_triples(const std::filesystem::path& file) {
  rdf::Model model;
  model.load_file(file, rdf::Format::Turtle);
  return model.sorted_triples();
}

}  // namespace

const std::string& DumpCache::get(rdf::Format format, const GraphSnapshot& data, const std::string& base) {
  std::lock_guard guard(mutex_);
  auto it = dumps_.find(format);
  if (it == dumps_.end()) {
    std::string graph = format == rdf::Format::NQuads ? base + "dataset" : std::string();
    it = dumps_.emplace(format, rdf::serialize(data.triples(), format, base, graph)).first;
  }
  return it->second;
}

Context::Context(query::Dataset d, Options o)
    : options(resolve(std::move(o))),
      dataset(std::move(d)),
      iris(options.base),
      data(dataset),
      ontology(ontology_triples(options.ontology_file)),
      ontology_turtle(read_text(options.ontology_file)),
      sources(options.documents_dir, iris.base()),
      linker(iris, data, ontology),
      queries(options.max_queries, options.query_queue) {
  dataset.set_term_cache_limit(options.term_cache);
}

void Context::build_views() {
  std::call_once(views_built_, [this] {
    view_ = std::make_unique<query::GraphView>(data.triples());
    text_index_ = std::make_unique<query::TextIndex>(*view_);
  });
}

const query::GraphView& Context::view() {
  build_views();
  return *view_;
}

const query::TextIndex& Context::text_index() {
  build_views();
  return *text_index_;
}

}  // namespace policykg::server
