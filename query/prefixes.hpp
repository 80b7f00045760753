// The prefixes every query may use without declaring them, and the one way IRIs are shortened
// with them for people. The CLI (`policykg query`, ENTITY arguments), the SPARQL endpoint and the
// query page all take them from here; a query's own PREFIX overrides one of the same name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::query {

struct PrefixBinding {
  std::string prefix;  ///< without the colon: "pol"
  std::string iri;     ///< the namespace IRI
};

/// The predefined prefixes, in this order: the project's (ontology/terms.hpp ns::kPrefixes:
/// pol, rdf, rdfs, owl, xsd, skos, dcterms, prov, vann, org, eli, schema), foaf, and id for
/// `base`, the instance base.
std::vector<PrefixBinding> predefined_prefixes(std::string_view base);

/// The same as a map, as QueryOptions::prefixes takes them.
std::map<std::string, std::string, std::less<>> predefined_prefix_map(std::string_view base);

/// The IRI of a predefined prefix ("" when `prefix` is not one).
std::string predefined_namespace(std::string_view prefix, std::string_view base);

/// Natural order of IRIs: runs of digits compare as numbers ("measure/2" < "measure/10"), so that
/// answers list units in document order.
bool natural_less(std::string_view a, std::string_view b);

/// An IRI shortened with the predefined prefixes (above), `id:` for the instance base
/// ("<iri>" otherwise).
std::string compact_iri(std::string_view iri, std::string_view base);

}  // namespace policykg::query
