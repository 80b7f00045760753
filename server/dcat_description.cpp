#include "server/dcat_description.hpp"

#include "ontology/terms.hpp"
#include "server/dataset_vocabulary.hpp"
#include "server/iri_map.hpp"

namespace policykg::server {

std::vector<rdf::Triple> dcat_description(const Context& ctx, const std::string& origin, const std::string& endpoint) {
  using rdf::Term;
  using namespace vocab;
  const Term dataset = Term::iri(dataset_iri(ctx.iris));
  const Term service = Term::iri(endpoint);
  const Term type = iri(ns::kRdf, "type");
  const Term title = iri(ns::kDcterms, "title");
  std::vector<rdf::Triple> out = {
      {dataset, type, iri(kDcat, "Dataset")},
      {dataset, iri(ns::kDcterms, "conformsTo"), Term::iri(std::string(ns::kOntology))},
      {dataset, iri(kDcat, "landingPage"), Term::iri(origin + "/")},
      {dataset, iri(kDcat, "keyword"), Term::lang_literal("policy", "en")},
      {dataset, iri(kDcat, "keyword"), Term::lang_literal("State Council", "en")},
      {dataset, iri(kDcat, "keyword"), Term::lang_literal("knowledge graph", "en")},
  };
  const std::vector<rdf::Triple> data_service = {
      {service, type, iri(kDcat, "DataService")},
      {service, title, Term::lang_literal("policykg SPARQL endpoint", "en")},
      {service, iri(kDcat, "endpointURL"), service},
      {service, iri(kDcat, "endpointDescription"), service},
      {service, iri(kDcat, "servesDataset"), dataset},
      {service, iri(ns::kDcterms, "conformsTo"), Term::iri("https://www.w3.org/TR/sparql11-protocol/")},
  };
  for (auto& t : dataset_summary(dataset)) out.push_back(std::move(t));
  if (!endpoint.empty()) out.insert(out.end(), data_service.begin(), data_service.end());
  for (auto f : {rdf::Format::Turtle, rdf::Format::NTriples, rdf::Format::NQuads, rdf::Format::RdfXml,
                 rdf::Format::JsonLd}) {
    std::string ext(served_extension(f));
    Term dist = Term::blank("distribution-" + ext);
    Term url = Term::iri(origin + "/dump." + ext);
    out.push_back({dataset, iri(kDcat, "distribution"), dist});
    out.push_back({dist, type, iri(kDcat, "Distribution")});
    out.push_back({dist, title, Term::lang_literal("The whole graph (" + std::string(rdf::format_name(f)) + ")", "en")});
    out.push_back({dist, iri(kDcat, "downloadURL"), url});
    out.push_back({dist, iri(kDcat, "accessURL"), url});
    out.push_back({dist, iri(kDcat, "mediaType"), iri(kMediaTypes, rdf::media_type(f))});
    out.push_back({dist, iri(ns::kDcterms, "license"), Term::iri(std::string(kLicense))});
  }
  if (endpoint.empty()) return out;
  out.push_back({dataset, iri(kDcat, "distribution"), Term::blank("distribution-sparql")});
  out.push_back({Term::blank("distribution-sparql"), type, iri(kDcat, "Distribution")});
  out.push_back({Term::blank("distribution-sparql"), iri(kDcat, "accessURL"), service});
  out.push_back({Term::blank("distribution-sparql"), iri(kDcat, "accessService"), service});
  return out;
}

}  // namespace policykg::server
