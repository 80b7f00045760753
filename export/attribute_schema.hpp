// The columns every writer shares: one per literal predicate of a view, with the name it has in
// every format and the value type its literals allow, so that GraphML keys, GEXF attributes, CSV
// headers and Cytoscape data agree.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "query/traversal/graph_view.hpp"
#include "rdf/term.hpp"

namespace policykg::exports {

/// The value type of an attribute: what every one of its literals parses as.
enum class ValueType { Boolean, Int, Long, Double, Date, DateTime, Duration, String };

struct Attribute {
  std::string predicate;  ///< full predicate IRI
  std::string name;       ///< key in every format: the local name, or prefix_local on a clash
  std::string datatype;   ///< the datatype all values share ("" when plain or mixed)
  ValueType type = ValueType::String;
  bool multi = false;     ///< some node has several values
};

struct AttributeSchema {
  std::vector<Attribute> attributes;  ///< sorted by predicate IRI
  std::map<std::string, std::size_t, std::less<>> by_predicate;
};

/// The schema of the literal attributes of every node of `view`.
AttributeSchema attribute_schema(const query::GraphView& view);

/// The value of an attribute as text in a typed column: booleans as true/false, numbers as
/// written; several values joined with `separator`.
std::string attribute_text(const std::vector<rdf::Term>& values, const Attribute& attribute,
                           std::string_view separator = "; ");

/// The label shown for a node or edge: its own, or Options::labels[iri] when its own is only
/// the IRI's last segment.
std::string_view shown_label(std::string_view label, std::string_view iri,
                             const std::map<std::string, std::string, std::less<>>& labels);

/// The local name of an IRI: after the last '#', '/' or ':'.
std::string local_name(std::string_view iri);
/// prefix:local with the project prefixes (id: for `base`), or the IRI itself.
std::string compact_iri(std::string_view iri, std::string_view base);
/// The readable name of a class ("Measure"); "Sector" and "InstrumentType" for the concept
/// schemes pol:Sectors and pol:InstrumentTypes; "Resource" for an untyped node.
std::string class_label(std::string_view cls);

}  // namespace policykg::exports
