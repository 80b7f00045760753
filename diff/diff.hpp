// What changed between two versions of a document: their units aligned (unchanged, revised,
// moved, added, removed), a word-level difference for each reworded unit, and the facts of each
// matched unit that changed (responsible party, place, condition). The versions are read from a
// GraphView (any graph that `build` writes), so the same alignment serves documents of one corpus
// and two versions of one text file built in memory.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"

namespace policykg::diff {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// What a unit is, for alignment: units align only with units of the same level. A measure and a
/// statement are both clauses (a reworded measure may read as a statement).
enum class Level { Provision, Section, Task, Initiative, Clause };

/// A stated fact of a unit that the comparison follows.
struct Fact {
  std::string kind;   ///< "responsible" (pol:responsibleParty), "place" (pol:appliesTo), "condition" (pol:condition)
  std::string value;  ///< the IRI, or the condition's words
  std::string label;  ///< readable: the entity's label, or the words
  friend auto operator<=>(const Fact&, const Fact&) = default;
  friend bool operator==(const Fact&, const Fact&) = default;
};

struct Unit {
  std::string iri;
  std::string type;  ///< local name of its class: "Measure", "Statement", "Task", ...
  Level level = Level::Clause;
  std::string key;     ///< citation key (dcterms:identifier): "T9.5.2", "P4"; may be empty
  std::string number;  ///< numeral as printed
  std::string label;
  /// The unit's own words, whitespace collapsed: pol:text without the texts of its parts (a task's
  /// heading, an initiative's heading sentence, a measure's clause), which a change of the unit
  /// itself changes and the word-level difference shows; the whole text when that leaves no
  /// word but its numeral (a provision made of its measures).
  std::string text;
  /// pol:text whole, whitespace collapsed, parts included: what the similarity is computed on, so
  /// that a task is as like another as its content is. Empty: the same as `text`.
  std::string full_text;
  std::size_t root = 0;        ///< index in Version::roots of the document it belongs to
  std::size_t parent = npos;   ///< index in Version::units of the unit it is part of; npos: the root
  std::size_t position = 0;    ///< 1-based among its siblings
  std::size_t depth = 0;       ///< 0 for the units right under the root
  std::vector<Fact> facts;     ///< sorted
};

/// A document (or a unit whose parts are compared) at the top of a version.
struct Root {
  std::string iri;
  std::string label;
  std::string key;  ///< what pairs roots of two versions: "" for the main document, "annex N" for an annex
};

/// One side of a comparison: its roots and their units in document order (each unit after its
/// parent, siblings by pol:position).
struct Version {
  std::string name;  ///< what the user named: the entity or the file
  std::vector<Root> roots;
  std::vector<Unit> units;
};

/// The parts of `root` (a document or a unit) in `view` and everything below them, as a version of
/// one root. Throws Error(Input, name) when `root` has no parts in the graph (a document only cited).
Version read_version(const query::GraphView& view, query::Vertex root, std::string name);

/// The document or unit `entity` names (an IRI, a prefixed name, a label or an identifier, as
/// query::EntityResolver reads them), as a version. Throws Error(Input, entity) when it names
/// nothing, or something that is neither a document nor a unit, or a document without parts.
Version read_entity_version(const query::GraphView& view, const query::EntityResolver& resolver,
                            std::string_view entity);

/// Two versions of one text file, each built in memory by the builder: the main document and each
/// annex printed in it are roots, paired by annex number. Throws Error(Input, file) for an empty,
/// binary or non-UTF-8 file (from the builder) or a text in which no unit is found.
Version read_file_version(const std::string& file, const std::string& base);

enum class Change { Unchanged, Revised, Moved, Added, Removed };
std::string_view change_name(Change change);

/// One run of words of a word-level difference.
struct Words {
  enum class Op { Same, Deleted, Inserted };
  Op op = Op::Same;
  std::string text;  ///< the words, separated by single spaces
  friend bool operator==(const Words&, const Words&) = default;
};

struct FactChange {
  bool added = false;  ///< false: dropped
  Fact fact;
  friend bool operator==(const FactChange&, const FactChange&) = default;
};

/// One line of the comparison: a matched pair, an added unit (old_unit npos) or a removed one
/// (new_unit npos).
struct Row {
  Change change = Change::Unchanged;
  std::size_t old_unit = npos, new_unit = npos;
  double similarity = 0;  ///< of the two texts' content words (Dice), rounded to 3 decimals; 0 for added/removed
  /// "" for a one-to-one match; "split" when the new unit is a further part of an old unit matched
  /// to another (the old unit was split); "merged" when the old unit is a further part of what a
  /// new unit matched to another holds (old units were merged).
  std::string relation;
  std::vector<Words> words;       ///< matched units whose texts differ: the word-level difference
  std::vector<FactChange> facts;  ///< matched units: facts added and dropped, in Fact order
};

struct Options {
  /// Least similarity for two units to match.
  double threshold = 0.5;
  /// Least similarity for two units of one number under matched parents (provision II and
  /// provision II) to match: a unit rewritten in its place.
  double numbered_threshold = 0.2;
  /// Least share of a unit's content words found in another for a split or merged part.
  double containment = 0.8;
};

struct Diff {
  Version old_version, new_version;
  std::vector<Row> rows;  ///< in the new version's order, each removed unit after its old predecessor
  /// Rows of each kind, indexed by Change.
  std::size_t count(Change change) const;
};

/// Aligns the units of two versions (diff/align.cpp says how, and what it costs).
Diff compare(Version old_version, Version new_version, const Options& options = {});

/// Content-word similarity of two texts (Dice coefficient of their sets of lower-cased words,
/// common function words left out): 1 for the same words, 0 for none in common.
double similarity(std::string_view a, std::string_view b);

/// The word-level difference of two texts (words split at white space), by a longest common
/// subsequence of words.
std::vector<Words> word_diff(std::string_view old_text, std::string_view new_text);

}  // namespace policykg::diff
