// /, /query, /graph, /site.css, /examples/queries.json and the files under /web/.
#include "server/static_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "ontology/terms.hpp"
#include "query/prefixes.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"
#include "server/site_style.hpp"

namespace policykg::server {

namespace fs = std::filesystem;

namespace {

// Folders of web/ the server may read.
constexpr std::string_view kServedFolders[] = {
    "query/", "graph/", "node_modules/@zazuko/yasgui/build/", "node_modules/cytoscape/dist/",
};

void send_file(Response& res, const fs::path& file) {
  auto content = read_regular_file(file);
  if (!content) return send_error(res, 404, "Not Found");
  res.set_content(*content, std::string(file_media_type(file)));
}

std::string index_page(const Context& ctx) {
  std::string body =
      "<h1>policykg</h1>\n<p>State Council policy documents as a knowledge graph of " +
      std::to_string(ctx.data.size()) +
      " triples.</p>\n<ul class=\"entry-points\">\n"
      "<li data-needs-server><a href=\"/query\">Query</a> the graph with SPARQL (endpoint: <code>/sparql</code>)</li>\n"
      "<li><a href=\"/graph\">Explore</a> the graph</li>\n"
      "<li><a href=\"/pictures\">Pictures</a> of the plan: a map of the districts, who is responsible for which task, "
      "the plan as a tree, sectors and instrument types</li>\n"
      "<li><a href=\"/ontology\">Ontology</a> documentation</li>\n"
      "<li><a href=\"/.well-known/void\">VoID</a> and <a href=\"/dcat\">DCAT</a> descriptions</li>\n"
      "<li>Dumps: <a href=\"/dump.ttl\">Turtle</a>, <a href=\"/dump.nt\">N-Triples</a>, <a href=\"/dump.nq\">N-Quads</a>, "
      "<a href=\"/dump.rdf\">RDF/XML</a>, <a href=\"/dump.jsonld\">JSON-LD</a></li>\n</ul>\n";
  std::vector<rdf::Term> documents;
  for (const auto& cls : {pol::Document, pol::OfficialReply, pol::Plan})
    for (auto& d : ctx.data.instances(cls)) documents.push_back(std::move(d));
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  if (!documents.empty()) {
    body += "<h2>Documents</h2>\n<ul class=\"documents\">\n";
    for (const auto& d : documents) body += "<li>" + ctx.linker.term(d) + "</li>\n";
    body += "</ul>\n";
  }
  return html_page("policykg", body);
}

nlohmann::json example_queries(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".rq") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : files)
    if (auto text = read_regular_file(f)) out.push_back({{"name", f.stem().string()}, {"query", *text}});
  return out;
}

}  // namespace

std::optional<fs::path> served_file(const fs::path& web_dir, std::string_view relative) {
  if (relative.empty() || relative.find('\0') != std::string_view::npos || relative.find('\\') != std::string_view::npos)
    return std::nullopt;
  // Every segment must be a plain name: no "", ".", ".." or hidden file.
  std::string_view rest = relative;
  while (!rest.empty()) {
    auto slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (slash != std::string_view::npos && rest.empty()) return std::nullopt;
  }
  if (std::none_of(std::begin(kServedFolders), std::end(kServedFolders),
                   [relative](std::string_view folder) { return relative.starts_with(folder); }))
    return std::nullopt;
  std::error_code ec;
  fs::path root = fs::canonical(web_dir, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::canonical(root / fs::path(std::string(relative)), ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  // Symlinks must not lead out of web/.
  auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (root_end != root.end()) return std::nullopt;
  return file;
}

std::string_view file_media_type(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".rq") return "application/sparql-query";
  return "text/plain; charset=utf-8";
}

void add_static_files(Router& routes, Context& ctx) {
  routes.get("/", [&ctx](const Request&, Response& res) {
    res.set_content(index_page(ctx), "text/html; charset=utf-8");
  });
  routes.get("/site.css", [](const Request&, Response& res) {
    res.set_content(std::string(kSiteStyle), "text/css; charset=utf-8");
  });
  routes.get("/query", [&ctx](const Request&, Response& res) {
    send_file(res, ctx.options.web_dir / "query" / "index.html");
  });
  routes.get("/site.json", [&ctx](const Request&, Response& res) {
    nlohmann::ordered_json site = {{"base", ctx.iris.base()}, {"ontology", std::string(ns::kOntology)}, {"endpoint", "/sparql"}};
    // The prefixes /sparql predefines, in their order, for the query page to list and put in new tabs.
    auto prefixes = nlohmann::ordered_json::object();
    for (const auto& p : query::predefined_prefixes(ctx.iris.base())) prefixes[p.prefix] = p.iri;
    site["prefixes"] = std::move(prefixes);
    res.set_content(site.dump() + "\n", "application/json");
  });
  routes.get("/examples/queries.json", [&ctx](const Request&, Response& res) {
    res.set_content(example_queries(ctx.options.examples_dir).dump(2) + "\n", "application/json");
  });
  routes.get(R"(/web/(.*))", [&ctx](const Request& req, Response& res) {
    auto file = served_file(ctx.options.web_dir, req.matches[1].str());
    if (!file) return send_error(res, 404, "Not Found");
    res.set_header("Cache-Control", "max-age=3600");
    send_file(res, *file);
  });
}

}  // namespace policykg::server
