// Instance IRIs as linked data. `{base}X` names a thing (an agency, a district, a measure, a
// document as a work), not a web page, so /id/X answers 303 See Other to a document about it:
// /page/X for browsers, /data/X.{ttl,nt,jsonld,rdf} for machines (server/README.md).
#include "server/representation.hpp"
#include "server/resource_page.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

constexpr const char* kAvailable = "text/html, text/turtle, application/n-triples, application/ld+json, "
                                   "application/rdf+xml";

bool known(const Context& ctx, const std::string& local_name) {
  return !local_name.empty() && ctx.data.mentions(rdf::Term::iri(ctx.iris.instance(local_name)));
}

void not_found(Response& res, const Context& ctx, const std::string& local_name) {
  send_error(res, 404, "Not Found: the graph has no resource " + ctx.iris.instance(local_name));
}

void alternates(Response& res, const std::string& local_name) {
  set_alternates(res, IriMap::page_path(local_name), "/data/" + local_name);
}

}  // namespace

void add_linked_data(Router& routes, Context& ctx) {
  routes.get(R"(/id/(.+))", [&ctx](const Request& req, Response& res) {
    const std::string name = req.matches[1].str();
    res.set_header("Vary", "Accept");
    if (name == "dataset") {  // the dataset itself: described by VoID (which negotiates too)
      res.set_redirect("/.well-known/void", 303);
      return;
    }
    if (!known(ctx, name)) return not_found(res, ctx, name);
    auto rep = choose_representation(req, /*with_html=*/true);
    alternates(res, name);
    if (!rep) return send_not_acceptable(res, kAvailable);
    res.set_redirect(rep->html ? IriMap::page_path(name) : IriMap::data_path(name, rep->format), 303);
  });

  routes.get(R"(/page/(.+))", [&ctx](const Request& req, Response& res) {
    const std::string name = req.matches[1].str();
    if (!known(ctx, name)) return not_found(res, ctx, name);
    alternates(res, name);
    res.set_content(resource_page(ctx, name), "text/html; charset=utf-8");
  });

  routes.get(R"(/data/(.+))", [&ctx](const Request& req, Response& res) {
    std::string name = req.matches[1].str();
    std::optional<rdf::Format> format;
    if (auto dot = name.rfind('.'); dot != std::string::npos && dot > name.rfind('/') + 1) {
      if (auto f = format_of_extension(name.substr(dot + 1)); f && *f != rdf::Format::NQuads) {
        format = f;
        name.resize(dot);
      }
    }
    if (!known(ctx, name)) return not_found(res, ctx, name);
    if (!format) {  // /data/X: the machine formats by Accept
      res.set_header("Vary", "Accept");
      auto rep = choose_representation(req, /*with_html=*/false);
      if (!rep) return send_not_acceptable(res, kAvailable);
      format = rep->format;
      res.set_header("Content-Location", IriMap::data_path(name, *format));
    }
    alternates(res, name);
    send_triples(res, ctx.data.description(rdf::Term::iri(ctx.iris.instance(name))), *format, ctx.iris.base());
  });
}

}  // namespace policykg::server
