// Facts: what the relation rules conclude about documents, units and entities, as plain values
// keyed by IRI path (no base, no RDF); the emitter turns them into triples.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "builder/document.hpp"
#include "builder/gazetteer.hpp"

namespace policykg::builder {

struct EntityFacts {
  std::string id;
  EntityKind kind = EntityKind::Agency;
  std::string label;
  std::set<std::string> alt_labels;
  std::string parent;      ///< org:subOrganizationOf
  std::string located_in;  ///< pol:locatedIn
};

struct DocumentFacts {
  std::string id;
  std::string type = "Document";  ///< OfficialReply, Plan or Document
  std::string label, title, identifier;
  std::string issued, published, valid_for;
  std::set<std::string> issued_by, addressed_to, approves, has_annex, references, keeps_in_force, prevails_over,
      responsible;
  bool parsed = false;  ///< its text was read (not only cited)
};

struct UnitFacts {
  std::string id, parent, document;
  UnitKind kind = UnitKind::Measure;
  std::size_t position = 0;
  std::string number, label;
  std::string_view text;  ///< in the source document, which outlives the facts of its units
  std::size_t start = 0, end = 0;  ///< code points
  std::set<std::string> responsible, applies_to, mentions, references, depends_on, conditions, sectors;
  std::string instrument;
};

/// Everything known about a corpus. Documents and entities merge across texts: the first title
/// or label found is kept, so output does not depend on anything but the input order.
struct Facts {
  std::map<std::string, DocumentFacts> documents;
  std::vector<UnitFacts> units;
  std::map<std::string, EntityFacts> entities;

  DocumentFacts& document(const std::string& id);
};

}  // namespace policykg::builder
