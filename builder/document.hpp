// Document: the structure tree the structure parser finds in a text, as spans of the source
// (no copies). Units nest by containment: a unit's span covers its heading and its children.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "builder/source_text.hpp"

namespace policykg::builder {

enum class UnitKind { Provision, Section, Task, Initiative, Measure };

struct Unit {
  UnitKind kind = UnitKind::Measure;
  std::string number;  ///< numeral as printed ("II", "7", "(i)" -> "i"); empty when unnumbered
  Span span;           ///< the whole unit, numeral included
  Span heading;        ///< heading text (section or task title, initiative heading sentence)
  Span sentence;       ///< measures: the sentence the clause belongs to
  std::vector<Unit> children;
};

enum class DocumentKind { Reply, Plan, Other };

/// An entry of a reply's list of annexes.
struct AnnexEntry {
  std::string number;
  Span title;
};

struct ParsedDocument {
  DocumentKind kind = DocumentKind::Other;
  std::string annex_number;  ///< set for a document printed as an annex of another
  Span title;                ///< empty when the text has none
  std::optional<std::string> published;  ///< ISO date of web publication
  std::optional<std::string> issued;     ///< ISO date of signature
  Span addressees;  ///< the paragraph naming the addressees ("... :")
  Span signer;      ///< the paragraph naming the issuing body
  Span body;        ///< from the first unit to the last
  std::vector<AnnexEntry> annex_list;
  std::vector<Unit> units;
  std::vector<ParsedDocument> annexes;
};

}  // namespace policykg::builder
