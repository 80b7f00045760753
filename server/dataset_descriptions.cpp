// VoID at /.well-known/void, DCAT at /dcat, and the whole graph at /dump.{ttl,nt,nq,rdf,jsonld}.
#include "server/dataset_descriptions.hpp"
#include "server/dcat_description.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"
#include "server/triples_table.hpp"
#include "server/void_description.hpp"

namespace policykg::server {

namespace {

using Describe = std::vector<rdf::Triple> (*)(const Context&, const std::string&, const std::string&);

void serve_description(const Request& req, Response& res, Context& ctx, Describe describe,
                       const std::string& path, const std::string& title) {
  res.set_header("Vary", "Accept");
  auto rep = choose_representation(req, /*with_html=*/true);
  if (!rep) return send_not_acceptable(res, "text/html, text/turtle, application/n-triples, application/ld+json, "
                                            "application/rdf+xml");
  const std::string here = origin(req);
  auto triples = describe(ctx, here, here + "/sparql");
  if (rep->html) return res.set_content(description_page(ctx, triples, path, title), content_type(*rep));
  send_triples(res, triples, rep->format, ctx.iris.base());
}

// ?format=ttl (or nt, jsonld, rdf) overrides Accept, for links a browser can follow.
void apply_format_parameter(Request& req) {
  if (!req.has_param("format")) return;
  if (auto f = format_of_extension(req.get_param_value("format")))
    req.set_header("Accept", std::string(rdf::media_type(*f)));
}

}  // namespace

std::string description_page(const Context& ctx, const std::vector<rdf::Triple>& triples, const std::string& path,
                             const std::string& title) {
  std::string body = "<h1>" + html_escape(title) + "</h1>\n<p class=\"alternates\">Also as <a href=\"" + path +
                     "?format=ttl\">Turtle</a> (any RDF format by Accept).</p>\n" + triples_table(triples, ctx.linker);
  return html_page(title, body);
}

void add_dataset_descriptions(Router& routes, Context& ctx) {
  routes.get("/.well-known/void", [&ctx](const Request& in, Response& res) {
    Request req = in;
    apply_format_parameter(req);
    serve_description(req, res, ctx, void_description, kVoidPath, kVoidTitle);
  });
  routes.get("/dcat", [&ctx](const Request& in, Response& res) {
    Request req = in;
    apply_format_parameter(req);
    serve_description(req, res, ctx, dcat_description, kDcatPath, kDcatTitle);
  });
  routes.get(R"(/dump\.(ttl|nt|nq|rdf|jsonld))", [&ctx](const Request& req, Response& res) {
    auto format = format_of_extension(req.matches[1].str());
    if (!format) return send_error(res, 404, "Not Found");
    std::string type(rdf::media_type(*format));
    if (*format != rdf::Format::RdfXml && *format != rdf::Format::JsonLd) type += "; charset=utf-8";
    res.set_content(ctx.dumps.get(*format, ctx.data, ctx.iris.base()), type);
  });
}

}  // namespace policykg::server
