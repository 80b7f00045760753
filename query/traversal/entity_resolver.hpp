// EntityResolver: turns the ENTITY a researcher types into a vertex of a GraphView. ENTITY is an
// IRI (bare or in <>), a prefixed name (pol:…, id:… for the instance base, or another project
// prefix), or a label matched case-insensitively, with runs of white space folded, against
// rdfs:label, skos:altLabel, skos:prefLabel and dcterms:identifier (a unit's citation key, such as
// "T9.5.2"), with a final stop, comma or colon ignored, or the tail of an IRI
// ("task/9/initiative/5/measure/2"), or, failing those, any run of whole words of a label or of a
// unit's own text ("human resources service institutions") when exactly one resource has it.
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "query/traversal/graph_view.hpp"

namespace policykg::query {

struct Candidate {
  Vertex vertex{};
  std::string label;  ///< the label that matched or came near
};

class EntityResolver {
 public:
  /// Indexes the labels of `view`; `base` is the instance base that `id:` stands for.
  EntityResolver(const GraphView& view, std::string base);

  /// The vertex ENTITY names. Throws Error(Input, "entity \"TEXT\"") when it names nothing in the
  /// graph (listing the nearest labels) or when a label fits several resources (listing them).
  Vertex resolve(std::string_view entity) const;

  /// The full IRI of an IRI or prefixed name; "" when `entity` is neither (then it is a label).
  std::string expand(std::string_view entity) const;
  /// Every resource one of whose labels equals `label` (case and spacing aside), by IRI.
  std::vector<Candidate> exact(std::string_view label) const;
  /// Up to `count` labels closest to `label`: those containing it first, then by edit distance.
  std::vector<Candidate> nearest(std::string_view label, std::size_t count = 5) const;

 private:
  const GraphView* view_;
  std::string base_;
  std::multimap<std::string, Candidate> by_label_;  ///< folded label -> candidate
};

/// The predicates whose literals are a resource's labels: rdfs:label, skos:altLabel,
/// skos:prefLabel and dcterms:identifier (a unit's citation key).
std::span<const std::string_view> label_predicates();

/// ENTITY without the final stops, commas, semicolons and colons a label may be typed with.
std::string_view without_final_stop(std::string_view entity);

/// The full IRI of an IRI (bare or in <>), a blank node ("_:b1") or a prefixed name (id: for
/// `base`, or a predefined prefix); "" when `entity` is none of them (then it is a label).
std::string expand_entity(std::string_view entity, const std::string& base);

/// Lower-cases ASCII letters, folds runs of white space (no-break spaces included) to one space
/// and trims.
std::string fold_label(std::string_view s);

/// Levenshtein distance between two strings (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace policykg::query
