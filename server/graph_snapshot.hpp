// GraphSnapshot: what the pages read of the served graph, through the SPARQL dataset's sorted
// permutations (a snapshot of the store taken at start-up, or a memory-mapped index file), so that
// pages never wait for the store (librdf serialises every call, and a long query holds it) and a
// large graph is never copied: a page decodes only the triples it shows.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/sparql/dataset.hpp"
#include "rdf/term.hpp"

namespace policykg::server {

class GraphSnapshot {
 public:
  /// The default graph of `dataset`, which outlives the snapshot.
  explicit GraphSnapshot(const query::Dataset& dataset);
  /// Triples indexed in a dataset of the snapshot's own (the ontology).
  explicit GraphSnapshot(const std::vector<rdf::Triple>& triples);
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  /// How many triples the graph holds.
  std::size_t size() const { return graph().size(); }
  /// Every triple, sorted: decoded on first use and kept (whole-graph dumps, pictures, views).
  const std::vector<rdf::Triple>& triples() const;
  /// Triples whose subject is `s`, sorted by predicate and object.
  std::vector<rdf::Triple> outgoing(const rdf::Term& s) const;
  /// Triples whose object is `o`, sorted by subject and predicate; when more than `limit` link
  /// there, `limit` of them (the first in the index's order), sorted.
  std::vector<rdf::Triple> incoming(const rdf::Term& o,
                                    std::size_t limit = std::numeric_limits<std::size_t>::max()) const;
  /// How many triples have `o` as their object.
  std::size_t incoming_count(const rdf::Term& o) const;
  /// Whether `t` occurs as a subject or an object.
  bool mentions(const rdf::Term& t) const;
  /// The outgoing triples of `s`, those of the blank nodes they reach, and the incoming triples:
  /// what a linked-data document about `s` holds. Sorted.
  std::vector<rdf::Triple> description(const rdf::Term& s) const;
  /// Subjects of `predicate object`, sorted.
  std::vector<rdf::Term> subjects(std::string_view predicate, const rdf::Term& object) const;
  /// IRI subjects of `rdf:type type`, sorted.
  std::vector<rdf::Term> instances(std::string_view type) const;

  /// rdfs:label of an IRI: English first, then untagged, then any; nullopt when none.
  std::optional<std::string> label(std::string_view iri) const;
  /// rdf:type values of an IRI, sorted.
  std::vector<std::string> types(std::string_view iri) const;
  /// The first value of a predicate, in the order of outgoing().
  std::optional<rdf::Term> value(const rdf::Term& s, std::string_view predicate) const;

  /// VoID figures.
  std::size_t distinct_subjects() const { return graph().distinct_subjects(); }
  std::size_t distinct_objects() const { return graph().distinct_objects(); }
  /// IRI subjects whose IRI starts with `prefix`.
  std::size_t subjects_under(std::string_view prefix) const;
  /// Instances of each class (IRI objects of rdf:type), by class IRI.
  std::map<std::string, std::size_t> class_counts() const;
  /// Triples of each predicate, by predicate IRI.
  std::map<std::string, std::size_t> property_counts() const;

 private:
  const query::IndexedGraph& graph() const { return dataset_->default_graph(); }
  query::TermId id(const rdf::Term& t) const { return dataset_->dictionary().find(t); }
  const rdf::Term& term(query::TermId id) const { return dataset_->dictionary().term(id); }
  rdf::Triple decode(query::TermId s, query::TermId p, query::TermId o) const { return {term(s), term(p), term(o)}; }
  /// Objects of `s predicate`, in the index's order (the dictionary keeps the terms).
  std::vector<const rdf::Term*> objects(const rdf::Term& s, std::string_view predicate) const;

  std::unique_ptr<query::Dataset> own_;  ///< the dataset, when the snapshot indexed its triples
  const query::Dataset* dataset_;
  mutable std::once_flag decoded_;
  mutable std::vector<rdf::Triple> triples_;
};

}  // namespace policykg::server
