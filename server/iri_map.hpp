// Where each IRI the server publishes lives on the server: `{base}X` at /id/X (303 to /page/X or
// /data/X.ext), the ontology `https://w3id.org/policykg/ontology` at /ontology and its hash terms
// `pol:X` at /ontology#X. See server/README.md for why.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rdf/format.hpp"

namespace policykg::server {

class IriMap {
 public:
  explicit IriMap(std::string base);
  const std::string& base() const { return base_; }

  /// The local path of an IRI the server publishes ("/id/X", "/ontology", "/ontology#X"),
  /// nullopt for any other IRI.
  std::optional<std::string> local(std::string_view iri) const;
  /// The instance IRI of the local name X in /id/X.
  std::string instance(std::string_view local_name) const { return base_ + std::string(local_name); }
  /// A short form: "pol:Measure", "id:agency/x", "rdfs:label", or the IRI itself.
  std::string compact(std::string_view iri) const;

  /// The HTML page and the data documents of an instance's local name.
  static std::string page_path(std::string_view local_name) { return "/page/" + std::string(local_name); }
  static std::string data_path(std::string_view local_name, rdf::Format f);

 private:
  std::string base_;
};

/// The four machine formats every description is offered in, in the server's order of preference.
inline constexpr rdf::Format kMachineFormats[] = {rdf::Format::Turtle, rdf::Format::NTriples,
                                                  rdf::Format::JsonLd, rdf::Format::RdfXml};
/// The file extension served for a format: ttl, nt, nq, jsonld, rdf.
std::string_view served_extension(rdf::Format f);
/// The format of a served extension, nullopt when unknown.
std::optional<rdf::Format> format_of_extension(std::string_view ext);

}  // namespace policykg::server
