// SPARQL 1.1 tokens: IRIs, prefixed names, variables, literals, keywords and punctuation, each
// with its line and column (in code points, 1-based) for error messages. Internal to
// query/sparql/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policykg::query {

struct Token {
  enum class Kind {
    End, IriRef, PrefixedName, BlankLabel, Var, LangTag, Integer, Decimal, Double, String,
    Keyword,  ///< a bare word (SELECT, a, true, function names); `text` upper case except "a"
    Nil,      ///< ()
    Anon,     ///< []
    Punct,    ///< { } ( ) [ ] . , ; * / | ^ ^^ ! ? + - = != < > <= >= && ||
  };
  Kind kind = Kind::End;
  std::string text;   ///< decoded value: IRI, "prefix:local", var name, lexical form, ...
  std::string raw;    ///< the keyword as written (for error messages)
  std::size_t line = 1, column = 1;  ///< where the token starts, from 1, in code points
  std::size_t offset = 0;       ///< code points before the token
  std::size_t end = 0;          ///< byte offset just past the token
  bool space_before = false;    ///< whitespace or a comment precedes the token
};

/// Splits query text into tokens on demand. Throws Error(Syntax) at the place of the bad character
/// (source "query").
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}
  Token next();
  /// Byte offset of the next unread character.
  std::size_t offset() const { return pos_; }

 private:
  [[noreturn]] void fail(const std::string& message) const;
  void skip_space(bool& skipped);
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  void advance(std::size_t n = 1);
  std::string read_string(char quote, bool long_form);
  std::string read_iri();
  void read_escape(std::string& out);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1, column_ = 1, chars_ = 0;  // of the next unread character, in code points
};

}  // namespace policykg::query
