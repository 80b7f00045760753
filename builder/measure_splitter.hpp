// Measure splitter: a stretch of text into sentences, and each sentence into the clauses a
// "We shall ...; ...; and ..." sentence lists: each clause is one measure.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "builder/rules.hpp"
#include "builder/source_text.hpp"

namespace policykg::builder {

/// Sentences of `within` (trimmed; the final one may lack its full stop when the text is cut).
/// A full stop ends a sentence unless it follows an abbreviation ("No.", "etc."), sits inside
/// parentheses or between digits, or is not followed by a space and a capital, quote or digit.
/// With a `limit`, stops once it has found that many (a caller that only needs the first
/// sentence of a long paragraph need not split the rest).
std::vector<Span> split_sentences(std::string_view text, Span within, const StructureRules& rules,
                                  std::size_t limit = SIZE_MAX);

/// Clauses of a sentence split at semicolons outside parentheses, each trimmed of spaces, of a
/// leading conjunction ("and", "and,") and of the final semicolon or full stop. Clauses without
/// a letter are dropped.
std::vector<Span> split_clauses(std::string_view text, Span sentence, const StructureRules& rules);

/// `within` without surrounding whitespace.
Span trim(std::string_view text, Span within);

/// Number of words (space-separated runs) in a span.
std::size_t word_count(std::string_view text, Span s);

}  // namespace policykg::builder
