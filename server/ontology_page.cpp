// The ontology at /ontology. Its IRI names the ontology document itself and its terms are hash
// IRIs (pol:X is https://w3id.org/policykg/ontology#X), so /ontology answers 200 with the
// representation Accept asks for; /ontology.{ttl,nt,jsonld,rdf,html} name each one.
#include "server/ontology_documentation.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

void serve(Response& res, Context& ctx, const Representation& rep) {
  if (rep.html) return res.set_content(ontology_documentation(ctx.ontology, ctx.linker), content_type(rep));
  if (rep.format == rdf::Format::Turtle) return res.set_content(ctx.ontology_turtle, content_type(rep));
  send_triples(res, ctx.ontology.triples(), rep.format, ctx.iris.base());
}

}  // namespace

void add_ontology_page(Router& routes, Context& ctx) {
  routes.get("/ontology", [&ctx](const Request& req, Response& res) {
    res.set_header("Vary", "Accept");
    set_alternates(res, "/ontology.html", "/ontology");
    auto rep = choose_representation(req, /*with_html=*/true);
    if (!rep) return send_not_acceptable(res, "text/html, text/turtle, application/n-triples, application/ld+json, "
                                              "application/rdf+xml");
    res.set_header("Content-Location",
                   rep->html ? std::string("/ontology.html") : "/ontology." + std::string(served_extension(rep->format)));
    serve(res, ctx, *rep);
  });
  routes.get(R"(/ontology\.(ttl|nt|jsonld|rdf|html))", [&ctx](const Request& req, Response& res) {
    const std::string ext = req.matches[1].str();
    set_alternates(res, "/ontology.html", "/ontology");
    if (ext == "html") return serve(res, ctx, {true, {}});
    serve(res, ctx, {false, *format_of_extension(ext)});
  });
}

}  // namespace policykg::server
