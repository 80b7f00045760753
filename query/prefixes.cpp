#include "query/prefixes.hpp"

#include "ontology/terms.hpp"

namespace policykg::query {

namespace {

constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";

// Whether `local` can stand as the local part of a prefixed name as written here.
bool plain_local(std::string_view local) {
  if (local.empty()) return false;
  for (char c : local)
    if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '#' || c == '?' || c == '{' ||
        c == '}' || c == '\\')
      return false;
  return true;
}

}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && a[i2] == '0') ++i2;
      while (j2 < b.size() && b[j2] == '0') ++j2;
      std::size_t ie = i2, je = j2;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      if (ie - i2 != je - j2) return ie - i2 < je - j2;
      if (auto c = a.substr(i2, ie - i2).compare(b.substr(j2, je - j2)); c != 0) return c < 0;
      if (ie - i != je - j) return ie - i < je - j;  // fewer leading zeros first
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::string compact_iri(std::string_view iri, std::string_view base) {
  if (iri.starts_with("_:")) return std::string(iri);
  if (!base.empty() && iri.starts_with(base) && plain_local(iri.substr(base.size())))
    return "id:" + std::string(iri.substr(base.size()));
  for (const auto& p : predefined_prefixes(base)) {
    if (p.prefix == "id") continue;
    if (iri.starts_with(p.iri) && plain_local(iri.substr(p.iri.size())) &&
        iri.substr(p.iri.size()).find('/') == std::string_view::npos)
      return p.prefix + ":" + std::string(iri.substr(p.iri.size()));
  }
  return "<" + std::string(iri) + ">";
}


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
