// GraphSnapshot: the served graph's triples copied out of the store at start-up, with the indexes
// the pages need, so that pages never wait for the store (librdf serialises every call, and a
// long query holds it).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/term.hpp"

namespace policykg::server {

class GraphSnapshot {
 public:
  GraphSnapshot() = default;
  explicit GraphSnapshot(std::vector<rdf::Triple> triples);

  /// Every triple, sorted.
  const std::vector<rdf::Triple>& triples() const { return triples_; }
  /// Triples whose subject is `s`, sorted by predicate and object.
  std::vector<const rdf::Triple*> outgoing(const rdf::Term& s) const;
  /// Triples whose object is `o`, sorted by subject and predicate.
  std::vector<const rdf::Triple*> incoming(const rdf::Term& o) const;
  /// Whether `t` occurs as a subject or an object.
  bool mentions(const rdf::Term& t) const;
  /// The outgoing triples of `s`, those of the blank nodes they reach, and the incoming triples:
  /// what a linked-data document about `s` holds. Sorted.
  std::vector<rdf::Triple> description(const rdf::Term& s) const;

  /// rdfs:label of an IRI: English first, then untagged, then any; nullopt when none.
  std::optional<std::string> label(std::string_view iri) const;
  /// rdf:type values of an IRI, sorted.
  std::vector<std::string> types(std::string_view iri) const;
  /// The first value of a literal-valued predicate.
  std::optional<rdf::Term> value(const rdf::Term& s, std::string_view predicate) const;

  /// VoID figures.
  std::size_t distinct_subjects() const { return distinct_subjects_; }
  std::size_t distinct_objects() const { return distinct_objects_; }
  const std::map<std::string, std::size_t>& class_counts() const { return class_counts_; }
  const std::map<std::string, std::size_t>& property_counts() const { return property_counts_; }

 private:
  std::vector<rdf::Triple> triples_;
  std::vector<std::size_t> by_object_;  ///< indexes into triples_, sorted by (o, s, p)
  std::map<std::string, std::string, std::less<>> labels_;
  std::size_t distinct_subjects_ = 0;
  std::size_t distinct_objects_ = 0;
  std::map<std::string, std::size_t> class_counts_;
  std::map<std::string, std::size_t> property_counts_;
};

}  // namespace policykg::server
