// What the RDF readers refuse before a parser sees a document, and the bounds they keep: text
// that is not UTF-8 or holds a NUL, RDF/XML whose entities expand past a bound or whose language
// tags would corrupt raptor's heap, JSON nested deeper than the readers recurse.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policykg::rdf {

/// The longest term (IRI, blank node label or literal) a reader accepts, in bytes.
inline constexpr std::size_t kMaxTermBytes = std::size_t{16} << 20;
/// How deeply JSON arrays and objects may nest.
inline constexpr int kMaxJsonDepth = 256;
/// Entity references in an RDF/XML document may add at most this many bytes, or as many as the
/// document has when it is longer.
inline constexpr std::size_t kMinEntityBudget = std::size_t{1} << 20;

/// Throws Error(Syntax) at the first NUL or byte that is not well-formed UTF-8.
void check_text(std::string_view text, std::string_view where);
/// The same for text[from, to), which begins and ends between characters; the place of an
/// error is in the whole text.
void check_text(std::string_view text, std::string_view where, std::size_t from, std::size_t to);

/// Throws Error(Syntax) for RDF/XML that raptor must not see: a DOCTYPE whose internal subset
/// declares parameter entities, entities holding markup or character references, or attribute
/// defaults for xml:lang; entity references that expand past max(kMinEntityBudget, the document's
/// size); an xml:lang value that is not a language tag (is_language_tag) or is not quoted.
void check_rdfxml(std::string_view text, std::string_view where);

/// Throws Error(Syntax) "nested too deeply" at the bracket that opens level max_depth + 1 of JSON
/// text (strings are skipped; the text need not be valid JSON).
void check_json_depth(std::string_view text, std::string_view where, int max_depth = kMaxJsonDepth);

/// How deeply Turtle collections "( … )" and blank nodes "[ … ]" may nest: serd reads
/// them by recursion, and 26,000 levels outgrow a thread's stack.
inline constexpr int kMaxTurtleDepth = 256;

/// Throws Error(Syntax) "nested too deeply" at the bracket that opens level max_depth + 1 of
/// Turtle text; IRIs, strings and comments are skipped (the text need not be valid).
void check_turtle_depth(std::string_view text, std::string_view where, int max_depth = kMaxTurtleDepth);

}  // namespace policykg::rdf
