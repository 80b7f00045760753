// IRIs of the SHACL and RDF terms the validator reads and writes.
#pragma once

#include <string>
#include <string_view>

#include "ontology/terms.hpp"

namespace policykg::validate::sh {

/// The IRI of sh:<local>.
inline std::string iri(std::string_view local) { return std::string(ns::kSh) + std::string(local); }
/// The IRI of xsd:<local>.
inline std::string xsd(std::string_view local) { return std::string(ns::kXsd) + std::string(local); }

inline const std::string rdf_type = std::string(ns::kRdf) + "type";
inline const std::string rdf_first = std::string(ns::kRdf) + "first";
inline const std::string rdf_rest = std::string(ns::kRdf) + "rest";
inline const std::string rdf_nil = std::string(ns::kRdf) + "nil";
inline const std::string rdf_lang_string = std::string(ns::kRdf) + "langString";
inline const std::string rdfs_sub_class_of = std::string(ns::kRdfs) + "subClassOf";
inline const std::string rdfs_class = std::string(ns::kRdfs) + "Class";
inline const std::string owl_class = std::string(ns::kOwl) + "Class";

}  // namespace policykg::validate::sh
