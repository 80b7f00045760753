// Helpers shared by the validate tests: models from Turtle text, results as comparable keys.
#pragma once

#include <set>
#include <string>
#include <tuple>

#include "ontology/files.hpp"
#include "rdf/model.hpp"
#include "validate/report.hpp"

namespace policykg::test {

inline rdf::Model turtle(const std::string& text) {
  rdf::Model m;
  m.load_string(text, rdf::Format::Turtle, "http://example.org/");
  return m;
}

/// The local name of an IRI: what follows its last '/' or '#'.
inline std::string local_name(std::string_view iri) {
  auto at = iri.find_last_of("/#");
  return std::string(at == std::string_view::npos ? iri : iri.substr(at + 1));
}

/// Results as (focus local name, path with local names, component local name).
inline std::set<std::tuple<std::string, std::string, std::string>> local_keys(const validate::Report& r) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& v : r.violations)
    out.emplace(local_name(v.focus.value),
                v.path ? validate::to_string(*v.path, [](std::string_view iri) { return local_name(iri); }) : "",
                local_name(v.constraint));
  return out;
}

/// ontology/shapes.ttl with ontology/policykg.ttl, as `policykg validate` loads them.
inline rdf::Model project_shapes() {
  rdf::Model m;
  m.load_file(ontology::shapes_file());
  m.load_file(ontology::ontology_file());
  return m;
}

/// A file of tests/validate/data/.
inline std::string data_file(std::string_view name) {
  return std::string(POLICYKG_SOURCE_DIR) + "/tests/validate/data/" + std::string(name);
}

}  // namespace policykg::test
