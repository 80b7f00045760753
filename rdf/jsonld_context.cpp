#include "rdf/jsonld_context.hpp"

#include "core/error.hpp"

namespace policykg::rdf {

namespace {
bool is_absolute(std::string_view s) {
  auto colon = s.find(':');
  return colon != std::string_view::npos && s.substr(colon + 1, 2) == "//";
}
}  // namespace

JsonLdContext::JsonLdContext(const nlohmann::json& context, std::string_view where) {
  if (!context.is_object()) throw Error(Error::Category::Syntax, std::string(where), "@context must be an object");
  if (auto it = context.find("@language"); it != context.end() && it->is_string()) language_ = *it;
  // Prefixes first, so that term definitions written as compact IRIs can be expanded.
  for (const auto& [key, value] : context.items()) {
    if (key.starts_with('@')) continue;
    if (value.is_string()) {
      std::string v = value;
      if (is_absolute(v) && (v.ends_with('#') || v.ends_with('/'))) prefixes_[key] = v;
    }
  }
  for (const auto& [key, value] : context.items()) {
    if (key.starts_with('@')) continue;
    TermDefinition def;
    if (value.is_string()) {
      def.iri = expand(value.get<std::string>(), false);
    } else if (value.is_object()) {
      if (auto id = value.find("@id"); id != value.end() && id->is_string()) def.iri = expand(id->get<std::string>(), false);
      else def.iri = expand(key, false);
      if (auto t = value.find("@type"); t != value.end() && t->is_string()) {
        std::string type = *t;
        def.type = (type == "@id" || type == "@vocab") ? "@id" : expand(type, false);
      }
      if (auto l = value.find("@language"); l != value.end() && l->is_string()) def.language = *l;
      else if (def.type.empty()) def.language = language_;
    } else {
      throw Error(Error::Category::Syntax, std::string(where), "@context entry '" + key + "' is neither a string nor an object");
    }
    if (value.is_string() && def.type.empty()) def.language = language_;
    terms_[key] = def;
  }
}

std::string JsonLdContext::expand(std::string_view value, bool vocab) const {
  if (vocab) {
    if (auto it = terms_.find(value); it != terms_.end()) return it->second.iri;
  }
  if (value.starts_with("_:") || is_absolute(value)) return std::string(value);
  auto colon = value.find(':');
  if (colon != std::string_view::npos) {
    if (auto it = prefixes_.find(value.substr(0, colon)); it != prefixes_.end())
      return it->second + std::string(value.substr(colon + 1));
  }
  return std::string(value);
}

const TermDefinition* JsonLdContext::term(std::string_view key) const {
  auto it = terms_.find(key);
  return it == terms_.end() ? nullptr : &it->second;
}

std::string JsonLdContext::compact_iri(std::string_view iri) const {
  std::string best(iri);
  for (const auto& [prefix, ns] : prefixes_) {
    if (iri.size() > ns.size() && iri.starts_with(ns)) {
      std::string local(iri.substr(ns.size()));
      // A local part that looks like "//..." or holds characters JSON-LD would misread stays absolute.
      if (local.starts_with("//")) continue;
      std::string candidate = prefix + ":" + local;
      if (candidate.size() < best.size()) best = candidate;
    }
  }
  return best;
}

std::vector<std::pair<std::string, const TermDefinition*>> JsonLdContext::terms_for(std::string_view iri) const {
  std::vector<std::pair<std::string, const TermDefinition*>> out;
  for (const auto& [name, def] : terms_)
    if (def.iri == iri && prefixes_.find(name) == prefixes_.end()) out.emplace_back(name, &def);
  return out;
}

}  // namespace policykg::rdf
