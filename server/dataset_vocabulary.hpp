// IRIs of the vocabularies the dataset descriptions use (VoID, DCAT, SPARQL service description,
// W3C formats), a shorthand for writing their triples, and what both VoID and DCAT say of the
// dataset in the same words (its title, description and licence).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ontology/terms.hpp"
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

// The dataset's title, description and licence: one wording, whichever description names it, so
// that VoID and DCAT merged into one graph do not give the dataset two descriptions.
inline std::vector<rdf::Triple> dataset_summary(const rdf::Term& dataset) {
  return {
      {dataset, iri(ns::kDcterms, "title"), rdf::Term::lang_literal("policykg knowledge graph", "en")},
      {dataset, iri(ns::kDcterms, "description"),
       rdf::Term::lang_literal("State Council policy documents as a knowledge graph: documents and their units down "
                               "to single measures with their source text, the agencies responsible, the places "
                               "they apply to, and the relations between documents and measures.",
                               "en")},
      {dataset, iri(ns::kDcterms, "license"), rdf::Term::iri(std::string(kLicense))},
  };
}

}  // namespace policykg::server::vocab
