#include "server/void_description.hpp"


#include "ontology/terms.hpp"
#include "server/dataset_vocabulary.hpp"

namespace policykg::server {

std::vector<rdf::Triple> void_description(const Context& ctx, const std::string& origin, const std::string& endpoint) {
  using rdf::Term;
  using namespace vocab;
  const Term dataset = Term::iri(dataset_iri(ctx.iris));
  const Term document = Term::iri(origin + "/.well-known/void");
  const Term type = iri(ns::kRdf, "type");
  auto count = [](std::size_t n) { return Term::integer(static_cast<long long>(n)); };

  std::vector<rdf::Triple> out = {
      {document, type, iri(kVoid, "DatasetDescription")},
      {document, iri(kFoaf, "primaryTopic"), dataset},
      {dataset, type, iri(kVoid, "Dataset")},
      {dataset, iri(kVoid, "uriSpace"), Term::literal(ctx.iris.base())},
      {dataset, iri(kVoid, "vocabulary"), Term::iri(std::string(ns::kPol))},
      {dataset, iri(kVoid, "triples"), count(ctx.data.size())},
      {dataset, iri(kVoid, "entities"), count(ctx.data.subjects_under(ctx.iris.base()))},
      {dataset, iri(kVoid, "distinctSubjects"), count(ctx.data.distinct_subjects())},
      {dataset, iri(kVoid, "distinctObjects"), count(ctx.data.distinct_objects())},
      {dataset, iri(kVoid, "classes"), count(ctx.data.class_counts().size())},
      {dataset, iri(kVoid, "properties"), count(ctx.data.property_counts().size())},
  };
  for (auto& t : dataset_summary(dataset)) out.push_back(std::move(t));
  if (!endpoint.empty()) out.push_back({dataset, iri(kVoid, "sparqlEndpoint"), Term::iri(endpoint)});
  for (auto ext : {"ttl", "nt", "nq", "rdf", "jsonld"})
    out.push_back({dataset, iri(kVoid, "dataDump"), Term::iri(origin + "/dump." + ext)});
  // One subset per text the graph was built from: the named graph `build -o X.nq` or `.trig`
  // writes for it (sd:name, its expression's IRI), the document it realises, its source page.
  std::size_t n_graph = 0;
  for (const auto& e : ctx.data.instances(std_terms::eli_LegalExpression)) {
    Term part = Term::blank("graph-" + std::to_string(++n_graph));
    out.push_back({dataset, iri(kVoid, "subset"), part});
    out.push_back({part, type, iri(kVoid, "Dataset")});
    out.push_back({part, iri(kSd, "name"), e});
    for (const auto& t : ctx.data.outgoing(e)) {
      if (t.p.value == std_terms::eli_realizes) out.push_back({part, iri(kFoaf, "primaryTopic"), t.o});
      if (t.p.value == std_terms::prov_wasDerivedFrom || t.p.value == pol::sha256) out.push_back({part, t.p, t.o});
    }
  }
  for (const auto& [cls, n] : ctx.data.class_counts()) {
    Term part = Term::blank("class-" + std::to_string(out.size()));
    out.push_back({dataset, iri(kVoid, "classPartition"), part});
    out.push_back({part, iri(kVoid, "class"), Term::iri(cls)});
    out.push_back({part, iri(kVoid, "entities"), count(n)});
  }
  for (const auto& [property, n] : ctx.data.property_counts()) {
    Term part = Term::blank("property-" + std::to_string(out.size()));
    out.push_back({dataset, iri(kVoid, "propertyPartition"), part});
    out.push_back({part, iri(kVoid, "property"), Term::iri(property)});
    out.push_back({part, iri(kVoid, "triples"), count(n)});
  }
  return out;
}

}  // namespace policykg::server
