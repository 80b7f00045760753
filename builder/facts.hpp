// Facts: what the relation rules conclude about documents, units and entities, as plain values
// keyed by IRI path (no base, no RDF); the emitter turns them into triples. What a unit links
// to is named by a Ref, an index into one of the corpus-wide name tables, so that a link costs
// a number and the emitter turns each name into a term once.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "builder/document.hpp"
#include "builder/gazetteer.hpp"

namespace policykg::builder {

using Ref = std::uint32_t;

/// Strings kept once each, named by the order they came in.
class Names {
 public:
  /// The string's ref, added when new.
  Ref ref(std::string_view s);
  const std::string& operator[](Ref r) const { return names_[r]; }
  std::size_t size() const { return names_.size(); }

 private:
  std::deque<std::string> names_;  ///< a deque: the index's views stay valid as it grows
  std::unordered_map<std::string_view, Ref> index_;
};

/// A few refs, each once, in the order first added (a unit links to a handful: a scan beats a
/// tree, and one array is one allocation).
class RefSet {
 public:
  void insert(Ref r) {
    for (Ref x : refs_)
      if (x == r) return;
    refs_.push_back(r);
  }
  void insert(const RefSet& other) {
    for (Ref r : other) insert(r);
  }
  bool contains(Ref r) const {
    for (Ref x : refs_)
      if (x == r) return true;
    return false;
  }
  bool empty() const { return refs_.empty(); }
  std::size_t size() const { return refs_.size(); }
  void clear() { refs_.clear(); }
  void erase(Ref r) { std::erase(refs_, r); }
  std::vector<Ref>::const_iterator begin() const { return refs_.begin(); }
  std::vector<Ref>::const_iterator end() const { return refs_.end(); }

 private:
  std::vector<Ref> refs_;
};

struct EntityFacts {
  std::string id;
  EntityKind kind = EntityKind::Agency;
  std::string label;
  std::set<std::string> alt_labels;
  std::string parent;      ///< org:subOrganizationOf
  std::string located_in;  ///< pol:locatedIn
  std::string name_zh;     ///< skos:prefLabel@zh
  std::string wikidata;    ///< skos:exactMatch <http://www.wikidata.org/entity/…>
};

struct DocumentFacts {
  std::string id;
  std::string type = "Document";  ///< OfficialReply, Plan or Document
  std::string label, title, identifier;
  std::string issued, published, valid_for;
  int year = 0;  ///< the year its number gives (dcterms:date), 0 when unknown
  std::set<std::string> issued_by, addressed_to, approves, has_annex, references, keeps_in_force, prevails_over,
      responsible;
  bool parsed = false;  ///< its text was read (not only cited)
};

/// What a party does for a unit: the values of pol:role (concepts of pol:Roles).
enum class Role : std::uint8_t { Lead, Implement, Coordinate, Supervise, Approve, Addressee };
/// The local name of a role's concept ("LeadRole").
std::string_view role_name(Role role);

struct Responsibility {
  Ref agent;  ///< in Facts::nodes
  Role role;
  bool operator==(const Responsibility&) const = default;
};

/// Where a derived fact of a unit comes from: the words that produced it (code points into the
/// unit's document) and the rule that read them.
struct Evidence {
  enum class Kind : std::uint8_t {
    Responsible, Role, AppliesTo, Excludes, Condition, DependsOn, DependsOnUnit, References, Sector, Instrument,
    Statement
  };
  Kind kind;
  /// The fact's object: in Facts::nodes (Responsible, AppliesTo, Excludes, DependsOn, References),
  /// Facts::literals (Condition), Facts::concepts (Sector, Instrument), UnitFacts::roles (Role),
  /// Facts::units (DependsOnUnit); unused for Statement.
  std::size_t object;
  std::size_t start, end;
  std::string words;      ///< the words at [start, end), whitespace collapsed
  std::string_view rule;  ///< a static string: "subject of shall", "sector keyword", …
};

struct UnitFacts {
  static constexpr std::size_t kNoUnit = SIZE_MAX;
  static constexpr Ref kNoRef = UINT32_MAX;
  std::string id;
  std::size_t parent = kNoUnit;  ///< index in Facts::units of the enclosing unit; kNoUnit: the document
  Ref document = kNoRef;         ///< in Facts::nodes
  UnitKind kind = UnitKind::Measure;
  std::size_t position = 0;
  std::string number, label;
  std::string key;  ///< citation key, dcterms:identifier: T9.5.2 (task 9, initiative 5, measure 2), P4.2
  std::string_view text;  ///< in the source document, which outlives the facts of its units
  std::size_t start = 0, end = 0;  ///< code points
  RefSet responsible, applies_to, excludes, mentions, references, depends_on;  ///< in Facts::nodes
  std::vector<std::size_t> depends_on_units;                          ///< indices in Facts::units
  RefSet conditions;                                                  ///< in Facts::literals
  RefSet sectors;                                                     ///< in Facts::concepts
  Ref instrument = kNoRef;                                            ///< in Facts::concepts
  bool statement = false;  ///< a clause that sets no action: pol:Statement, not pol:Measure
  std::vector<Responsibility> roles;  ///< who does what: pol:qualifiedResponsibility
  std::vector<Evidence> evidence;     ///< collected only when the build asks for evidence
};

/// Everything known about a corpus. Documents and entities merge across texts: the first title
/// or label found is kept, so output does not depend on anything but the input order.
struct Facts {
  std::map<std::string, DocumentFacts> documents;
  /// The units of the document being related (the emitter takes them, then they are cleared).
  std::vector<UnitFacts> units;
  std::map<std::string, EntityFacts> entities;
  Names nodes;     ///< IRI paths of documents, entities and infrastructure
  Names concepts;  ///< local names of pol: concepts (instrument types, sectors)
  Names literals;  ///< plain literals (conditions)

  DocumentFacts& document(const std::string& id);
  /// Adds what one text concluded about documents and entities (read into `text` on its own) as if
  /// it had been read after everything already here: a parsed document keeps its own title, type
  /// and dates over what citations said of it; otherwise the first title, label, type and number
  /// found are kept; sets are joined; an entity keeps its first label, and the other names it is
  /// given become alternative labels.
  void merge_text(Facts&& text);
};

}  // namespace policykg::builder
