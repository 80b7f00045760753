// /diff?old=DOCUMENT&new=DOCUMENT: what changed between two documents of the served graph, as the
// side-by-side page of `policykg diff --format html` (or its JSON with format=json). The view of
// the graph and its resolver are built on the first request.
#include <memory>
#include <mutex>

#include "core/error.hpp"
#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

struct DiffPages {
  std::once_flag once;
  std::unique_ptr<query::GraphView> view;
  std::unique_ptr<query::EntityResolver> resolver;
};

}  // namespace

void add_diff_page(Router& routes, Context& ctx) {
  auto pages = std::make_shared<DiffPages>();
  routes.get("/diff", [&ctx, pages](const Request& req, Response& res) {
    if (!req.has_param("old") || !req.has_param("new"))
      return send_error(res, 400,
                        "Bad Request: /diff needs old=DOCUMENT&new=DOCUMENT (an IRI, id:..., an identifier or a "
                        "title)");
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
    if (format != "html" && format != "json")
      return send_error(res, 400, "Bad Request: format must be html or json");
    std::call_once(pages->once, [&] {
      pages->view = std::make_unique<query::GraphView>(ctx.data.triples());
      pages->resolver = std::make_unique<query::EntityResolver>(*pages->view, ctx.iris.base());
    });
    diff::Diff result;
    try {
      diff::Version old_version = diff::read_entity_version(*pages->view, *pages->resolver, req.get_param_value("old"));
      diff::Version new_version = diff::read_entity_version(*pages->view, *pages->resolver, req.get_param_value("new"));
      result = diff::compare(std::move(old_version), std::move(new_version));
    } catch (const Error& e) {
      return send_error(res, 404, "Not Found: " + e.describe());
    }
    if (format == "json") return res.set_content(diff::to_json(result).dump(2) + "\n", "application/json");
    std::string page = diff::to_html(result);
    // The page is self-contained: its one inline style is allowed by its hash, nothing else.
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", "default-src 'none'; style-src" + inline_hashes(page, "style") +
                                                  "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.set_content(page, "text/html; charset=utf-8");
  });
}

}  // namespace policykg::server
