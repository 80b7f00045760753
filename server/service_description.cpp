#include "server/service_description.hpp"

#include "ontology/terms.hpp"
#include "server/dataset_vocabulary.hpp"

namespace policykg::server {

std::vector<rdf::Triple> service_description(const Context& ctx, const std::string& origin) {
  using rdf::Term;
  using namespace vocab;
  const Term service = Term::iri(origin + "/sparql");
  const Term type = iri(ns::kRdf, "type");
  const Term dataset = Term::blank("default-dataset");
  const Term graph = Term::blank("default-graph");
  std::vector<rdf::Triple> out = {
      {service, type, iri(kSd, "Service")},
      {service, iri(kSd, "endpoint"), service},
      {service, iri(kSd, "supportedLanguage"), iri(kSd, "SPARQL11Query")},
      {service, iri(ns::kDcterms, "title"), Term::lang_literal("policykg SPARQL endpoint", "en")},
      {service, iri(ns::kRdfs, "comment"),
       Term::lang_literal("Read-only SPARQL 1.1 Query endpoint (updates are refused with 403). Queries time out after " +
                              std::to_string(ctx.options.timeout.count()) + " ms; results are cut at " +
                              std::to_string(ctx.options.max_rows) +
                              " rows, signalled by the X-PolicyKG-Truncated header and \"truncated\": true in JSON "
                              "results. SERVICE and FROM are refused.",
                          "en")},
      {service, iri(kSd, "defaultDataset"), dataset},
      {dataset, type, iri(kSd, "Dataset")},
      {dataset, iri(kSd, "defaultGraph"), graph},
      {graph, type, iri(kSd, "Graph")},
      {graph, iri(kVoid, "triples"), Term::integer(static_cast<long long>(ctx.data.size()))},
  };
  for (auto format : {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                      "Turtle", "N-Triples", "JSON-LD", "RDF_XML"})
    out.push_back({service, iri(kSd, "resultFormat"), iri(kFormats, format)});
  return out;
}

}  // namespace policykg::server
