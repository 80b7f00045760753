// The traversal tests' graph (tests/query/data/traversal.ttl) as a GraphView, and short IRIs.
#pragma once

#include <string>

#include "query/traversal/graph_view.hpp"
#include "rdf/model.hpp"

namespace policykg::test {

inline constexpr const char* kBase = "https://w3id.org/policykg/id/";

/// The full IRI of an instance ("doc/plan" -> "https://w3id.org/policykg/id/doc/plan").
inline std::string id(const std::string& local) { return kBase + local; }

inline const query::GraphView& traversal_view() {
  static const query::GraphView view = [] {
    rdf::Model m;
    m.load_file(std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl");
    return query::GraphView(m);
  }();
  return view;
}

/// The vertex of an instance; fails the test when absent.
inline query::Vertex v(const std::string& local) {
  auto found = traversal_view().vertex(id(local));
  if (!found) throw std::runtime_error("no vertex " + local);
  return *found;
}

/// The IRI of a vertex without the base.
inline std::string local(query::Vertex vertex) {
  std::string iri = traversal_view().node(vertex).iri;
  return iri.starts_with(kBase) ? iri.substr(std::string(kBase).size()) : iri;
}

}  // namespace policykg::test
