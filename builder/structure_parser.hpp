// Structure parser: checked text in, document tree out. Finds the header (title, publication
// date, addressees), the numbered units in whatever numbering style the text uses, the headed
// initiatives, the measures, the list of annexes, the signer and the date, and the annexes
// printed after the main text, each as a document of its own.
#pragma once

#include "builder/document.hpp"
#include "builder/rules.hpp"
#include "builder/source_text.hpp"

namespace policykg::builder {

/// The tree of `text`. A text without recognisable structure yields a document of kind Other
/// without title or units (never an error: what is there is kept, nothing is invented).
ParsedDocument parse_structure(const SourceText& text, const StructureRules& rules);

/// Whether a sentence reads as a heading: starts with a capital, at most `max_words` words, no
/// finite verb ("shall", "is", ...).
bool is_heading_sentence(std::string_view text, Span sentence, const StructureRules& rules, std::size_t max_words);

/// An ISO date (YYYY-MM-DD) if the whole span is a date ("January 31, 2019", "31 January 2019",
/// "2019-01-31", "2019年1月31日", optionally followed by a time).
std::optional<std::string> read_date(std::string_view text, Span span, const StructureRules& rules);

}  // namespace policykg::builder
