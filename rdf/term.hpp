// Value types for RDF terms and triples: how nodes cross module boundaries, so that
// no module other than rdf/ ever sees a Redland type.
#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace policykg::rdf {

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/// One RDF term: an IRI, a blank node or a literal (with datatype or language tag).
struct Term {
  enum class Kind { Iri, Blank, Literal };
  Kind kind = Kind::Iri;
  std::string value;     ///< IRI, blank node label (without "_:") or lexical form
  std::string datatype;  ///< literal datatype IRI; empty for plain xsd:string literals
  std::string lang;      ///< language tag, lower case; empty when none

  static Term iri(std::string v) { return {Kind::Iri, std::move(v), {}, {}}; }
  static Term blank(std::string label) { return {Kind::Blank, std::move(label), {}, {}}; }
  static Term literal(std::string lex) { return {Kind::Literal, std::move(lex), {}, {}}; }
  static Term lang_literal(std::string lex, std::string tag) {
    return {Kind::Literal, std::move(lex), {}, std::move(tag)};
  }
  static Term typed(std::string lex, std::string dt) {
    return {Kind::Literal, std::move(lex), std::move(dt), {}};
  }
  /// An xsd:integer literal.
  static Term integer(long long v) { return typed(std::to_string(v), std::string(kXsd) + "integer"); }
  /// A literal typed with an xsd: local name ("date", "duration", ...).
  static Term xsd(std::string lex, std::string_view local) {
    return typed(std::move(lex), std::string(kXsd) + std::string(local));
  }

  bool is_iri() const { return kind == Kind::Iri; }
  bool is_blank() const { return kind == Kind::Blank; }
  bool is_literal() const { return kind == Kind::Literal; }

  /// N-Triples form: <iri>, _:label or "lex"^^<dt> / "lex"@lang.
  std::string to_ntriples() const;

  friend auto operator<=>(const Term&, const Term&) = default;
  friend bool operator==(const Term&, const Term&) = default;
};

/// One statement.
struct Triple {
  Term s, p, o;
  friend auto operator<=>(const Triple&, const Triple&) = default;
  friend bool operator==(const Triple&, const Triple&) = default;
};

/// Escapes a string for the inside of an N-Triples/Turtle quoted literal.
std::string escape_literal(std::string_view s);

/// The longest language tag read or stored. Raptor keeps a tag's length in a byte: a longer one
/// corrupts its heap, so no longer tag ever reaches Redland.
inline constexpr std::size_t kMaxLanguageTag = 64;
/// Whether `tag` has the shape of a BCP 47 tag (xsd:language: letters, then subtags of letters and
/// digits, each 1 to 8 long, joined by '-') and at most kMaxLanguageTag characters.
bool is_language_tag(std::string_view tag);

}  // namespace policykg::rdf
