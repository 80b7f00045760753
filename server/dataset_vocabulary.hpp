// IRIs of the vocabularies the dataset descriptions use (VoID, DCAT, SPARQL service description,
// W3C formats), and a shorthand for writing their triples.
#pragma once

#include <string>
#include <string_view>

#include "rdf/term.hpp"

namespace policykg::server::vocab {

inline constexpr std::string_view kVoid = "http://rdfs.org/ns/void#";
inline constexpr std::string_view kDcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view kSd = "http://www.w3.org/ns/sparql-service-description#";
inline constexpr std::string_view kFormats = "http://www.w3.org/ns/formats/";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view kMediaTypes = "http://www.iana.org/assignments/media-types/";
inline constexpr std::string_view kLicense = "https://creativecommons.org/licenses/by/4.0/";

inline rdf::Term iri(std::string_view ns, std::string_view local) {
  return rdf::Term::iri(std::string(ns) + std::string(local));
}

}  // namespace policykg::server::vocab
