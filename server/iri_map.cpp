#include "server/iri_map.hpp"

#include "ontology/terms.hpp"

namespace policykg::server {

IriMap::IriMap(std::string base) : base_(base.empty() ? std::string(ns::kDefaultBase) : std::move(base)) {}

std::optional<std::string> IriMap::local(std::string_view iri) const {
  if (iri.starts_with(base_) && iri.size() > base_.size()) return "/id/" + std::string(iri.substr(base_.size()));
  if (iri == ns::kOntology) return std::string("/ontology");
  if (iri.starts_with(ns::kPol)) return "/ontology#" + std::string(iri.substr(ns::kPol.size()));
  return std::nullopt;
}

std::string IriMap::compact(std::string_view iri) const {
  if (iri.starts_with(base_) && iri.size() > base_.size()) return "id:" + std::string(iri.substr(base_.size()));
  for (const auto& p : ns::kPrefixes)
    if (iri.starts_with(p.iri) && iri.size() > p.iri.size())
      return std::string(p.prefix) + ":" + std::string(iri.substr(p.iri.size()));
  return std::string(iri);
}

std::string IriMap::data_path(std::string_view local_name, rdf::Format f) {
  return "/data/" + std::string(local_name) + "." + std::string(served_extension(f));
}

std::string_view served_extension(rdf::Format f) { return rdf::file_extension(f); }

std::optional<rdf::Format> format_of_extension(std::string_view ext) {
  for (auto f : {rdf::Format::Turtle, rdf::Format::NTriples, rdf::Format::NQuads, rdf::Format::RdfXml,
                 rdf::Format::JsonLd})
    if (served_extension(f) == ext) return f;
  return std::nullopt;
}

}  // namespace policykg::server
