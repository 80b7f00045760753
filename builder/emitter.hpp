// Emitter: facts to triples with the ontology's terms, the first place RDF appears.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "builder/facts.hpp"
#include "rdf/graph.hpp"

namespace policykg::builder {

/// Adds facts to one graph, document after document. It remembers the term each name of the
/// facts' tables became, so a link to an entity seen before costs no lookup; those ids hold until
/// the graph is sorted, so the graph is sorted once everything is emitted.
class Emitter {
 public:
  Emitter(std::string_view base, rdf::Graph& out);
  /// Adds the triples of `facts.units`.
  void units(const Facts& facts);
  /// Adds the triples of the documents and entities of `facts`.
  void documents_and_entities(const Facts& facts);

 private:
  using Id = rdf::Graph::Id;
  Id node(std::string_view path);
  Id node(const Facts& facts, Ref r);
  Id concept_term(const Facts& facts, Ref r);
  Id literal(const Facts& facts, Ref r);
  Id integer(std::size_t v);
  void links(Id s, Id p, const Facts& facts, const RefSet& refs);
  void links(Id s, std::string_view p, const std::set<std::string>& paths);
  /// The predicate and object of the fact evidence `e` of unit `u` supports.
  std::pair<Id, Id> fact_of(const Facts& facts, const Evidence& e, const std::vector<Id>& roles);
  static std::string responsibility_label(const Facts& facts, const Responsibility& r);

  std::string base_, buffer_;
  rdf::Graph& g_;
  std::string integer_datatype_;
  std::vector<Id> nodes_, concepts_, literals_, small_integers_;  ///< terms by ref (or value); kUnset until made
  std::vector<Id> unit_terms_;                                     ///< the current document's units
};

}  // namespace policykg::builder
