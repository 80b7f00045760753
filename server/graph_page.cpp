// /graph: the interactive graph page of the export module, over the whole graph or, with
// ?focus=IRI&hops=N, over a neighbourhood. The view of the whole graph is built once.
#include <openssl/evp.h>

#include <mutex>

#include "export/export.hpp"
#include "query/graph_view.hpp"
#include "rdf/error.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

struct GraphPages {
  std::once_flag once;
  std::string whole;  ///< the page of the whole graph
};

std::string sha256_base64(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  unsigned char out[4 * EVP_MAX_MD_SIZE / 3 + 4];
  int n = EVP_EncodeBlock(out, digest, static_cast<int>(size));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// The text as the browser hashes it: an HTML parser reads CR LF and a lone CR as LF.
std::string as_parsed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 == text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

// 'sha256-…' for the text of every inline <tag> element of the page (scripts that hold data,
// type="application/json", are not run and need none).
std::string inline_hashes(std::string_view page, std::string_view tag) {
  std::string sources;
  const std::string open = "<" + std::string(tag), close = "</" + std::string(tag) + ">";
  for (std::size_t at = page.find(open); at != std::string_view::npos; at = page.find(open, at)) {
    std::size_t start = page.find('>', at);
    std::size_t end = start == std::string_view::npos ? start : page.find(close, start);
    if (end == std::string_view::npos) break;
    std::string_view opening = page.substr(at, start - at);
    if (opening.find("src=") == std::string_view::npos && opening.find("application/json") == std::string_view::npos)
      sources += " 'sha256-" + sha256_base64(as_parsed(page.substr(start + 1, end - start - 1))) + "'";
    at = end + close.size();
  }
  return sources;
}

// The rule Cytoscape.js adds to the page for its container (its "__________cytoscape_stylesheet").
constexpr const char* kCytoscapeStyle = " 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

// The graph page is one self-contained file (exports::graph_page) with its script and style
// inline: the server's policy allows exactly those, by their hashes.
void send_graph_page(httplib::Response& res, const std::string& page) {
  res.headers.erase("Content-Security-Policy");
  res.set_header("Content-Security-Policy", "default-src 'none'; script-src" + inline_hashes(page, "script") +
                                                "; style-src" + inline_hashes(page, "style") + kCytoscapeStyle +
                                                "; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; "
                                                "frame-ancestors 'none'");
  res.set_content(page, "text/html; charset=utf-8");
}

exports::Options export_options(const Context& ctx, std::string title) {
  exports::Options o;
  o.base = ctx.iris.base();
  o.title = std::move(title);
  o.web_dir = ctx.options.web_dir;
  return o;
}

}  // namespace

void add_graph_page(httplib::Server& http, Context& ctx) {
  auto pages = std::make_shared<GraphPages>();
  http.Get("/graph", [&ctx, pages](const httplib::Request& req, httplib::Response& res) {
    const query::GraphView& view = ctx.view();
    std::call_once(pages->once, [&] {
      pages->whole = exports::graph_page(exports::to_cytoscape_json(view, export_options(ctx, "policykg graph")),
                                         export_options(ctx, "policykg graph"));
    });
    if (!req.has_param("focus")) return send_graph_page(res, pages->whole);

    std::string focus = req.get_param_value("focus");
    if (focus.starts_with("id:")) focus = ctx.iris.instance(focus.substr(3));
    auto centre = view.vertex(focus);
    if (!centre) return send_error(res, 404, "Not Found: the graph has no node " + focus);
    std::size_t hops = 1;
    if (req.has_param("hops")) {
      try {
        hops = std::stoul(req.get_param_value("hops"));
      } catch (...) {
        return send_error(res, 400, "hops must be a small non-negative integer");
      }
      if (hops > 5) return send_error(res, 400, "hops must be at most 5");
    }
    auto part = query::neighbourhood(view, *centre, hops);
    auto options = export_options(ctx, "policykg graph around " + ctx.linker.name(focus));
    send_graph_page(res, exports::graph_page(exports::to_cytoscape_json(part, options), options));
  });
}

}  // namespace policykg::server
