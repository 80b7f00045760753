#include "validate/prefixed_name.hpp"

#include <cctype>

#include "ontology/terms.hpp"

namespace policykg::validate {

namespace {

// A local name is written bare only when it needs no escaping in Turtle.
bool plain_local(std::string_view local) {
  if (local.empty()) return true;
  for (char c : local) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '_' || c == '-' || c == '/' || c == '.')) return false;
  }
  return local.back() != '.';
}

}  // namespace

std::string prefixed_name(std::string_view iri, std::string_view base) {
  if (!base.empty() && iri.starts_with(base) && plain_local(iri.substr(base.size())))
    return "id:" + std::string(iri.substr(base.size()));
  auto try_prefix = [&](std::string_view prefix, std::string_view ns) -> std::string {
    if (iri.starts_with(ns)) {
      auto local = iri.substr(ns.size());
      if (local.find('/') == std::string_view::npos && plain_local(local))
        return std::string(prefix) + ":" + std::string(local);
    }
    return {};
  };
  for (const auto& p : ns::kPrefixes)
    if (auto name = try_prefix(p.prefix, p.iri); !name.empty()) return name;
  if (auto name = try_prefix("sh", ns::kSh); !name.empty()) return name;
  return "<" + std::string(iri) + ">";
}

std::string prefixed_name(const rdf::Term& term, std::string_view base) {
  if (term.is_iri()) return prefixed_name(term.value, base);
  if (term.is_blank()) return "_:" + term.value;
  return term.to_ntriples();
}

}  // namespace policykg::validate
