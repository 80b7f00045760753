// /graph: the interactive graph page of the export module, over the whole graph or, with
// ?focus=IRI&hops=N, over a neighbourhood. The view of the whole graph is built once.
#include <mutex>

#include "core/error.hpp"
#include "export/export.hpp"
#include "query/traversal/graph_view.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

struct GraphPages {
  std::once_flag once;
  std::string whole;  ///< the page of the whole graph
};

// The rule Cytoscape.js adds to the page for its container (its "__________cytoscape_stylesheet").
constexpr const char* kCytoscapeStyle = " 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

// The graph page is one self-contained file (exports::graph_page) with its script and style
// inline: the server's policy allows exactly those, by their hashes.
void send_graph_page(Response& res, const std::string& page) {
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

void add_graph_page(Router& routes, Context& ctx) {
  auto pages = std::make_shared<GraphPages>();
  routes.get("/graph", [&ctx, pages](const Request& req, Response& res) {
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
