#include "query/prefixes.hpp"

#include "ontology/terms.hpp"

namespace policykg::query {

namespace {

constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";

}  // namespace

std::vector<PrefixBinding> predefined_prefixes(std::string_view base) {
  std::vector<PrefixBinding> out;
  for (const auto& p : ns::kPrefixes) out.push_back({std::string(p.prefix), std::string(p.iri)});
  out.push_back({"foaf", std::string(kFoaf)});
  out.push_back({"id", std::string(base.empty() ? ns::kDefaultBase : base)});
  return out;
}

std::map<std::string, std::string, std::less<>> predefined_prefix_map(std::string_view base) {
  std::map<std::string, std::string, std::less<>> out;
  for (auto& p : predefined_prefixes(base)) out.emplace(std::move(p.prefix), std::move(p.iri));
  return out;
}

std::string predefined_namespace(std::string_view prefix, std::string_view base) {
  for (auto& p : predefined_prefixes(base))
    if (p.prefix == prefix) return std::move(p.iri);
  return {};
}

}  // namespace policykg::query
