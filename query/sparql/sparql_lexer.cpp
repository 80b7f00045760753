#include "query/sparql/internal/sparql_lexer.hpp"

#include <cctype>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace policykg::query {

namespace {

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c >= 0x80; }
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
// What IRIREF does not allow written out (SPARQL 1.1 grammar [139]), '>' included.
bool iri_forbidden(char c) {
  return static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
         c == '|' || c == '^' || c == '`' || c == '\\';
}

}  // namespace

void Lexer::fail(const std::string& message) const {
  throw Error(Error::Category::Syntax, Place{"query", line_, column_, chars_}, message);
}

void Lexer::advance(std::size_t n) {
  for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: the same character
    ++chars_;
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
  }
}

void Lexer::skip_space(bool& skipped) {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      advance();
      skipped = true;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n') advance();
      skipped = true;
    } else {
      break;
    }
  }
}

void Lexer::read_escape(std::string& out) {
  // at the backslash
  char e = peek(1);
  auto hex = [&](std::size_t n) {
    unsigned long cp = 0;
    for (std::size_t i = 0; i < n; ++i) {
      char h = peek(2 + i);
      if (!is_hex(h)) fail("bad \\u escape");
      cp = cp * 16 + static_cast<unsigned long>(std::stoi(std::string(1, h), nullptr, 16));
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) fail("escape of a surrogate code point");
    if (cp > 0x10FFFF) fail("escape beyond the last code point");
    utf8_append(out, static_cast<char32_t>(cp));
    advance(2 + n);
  };
  switch (e) {
    case 't': out += '\t'; advance(2); break;
    case 'n': out += '\n'; advance(2); break;
    case 'r': out += '\r'; advance(2); break;
    case 'b': out += '\b'; advance(2); break;
    case 'f': out += '\f'; advance(2); break;
    case '"': out += '"'; advance(2); break;
    case '\'': out += '\''; advance(2); break;
    case '\\': out += '\\'; advance(2); break;
    case 'u': hex(4); break;
    case 'U': hex(8); break;
    default: fail(std::string("bad escape \\") + e);
  }
}

std::string Lexer::read_string(char quote, bool long_form) {
  std::string out;
  advance(long_form ? 3 : 1);
  while (true) {
    if (pos_ >= text_.size()) fail("unterminated string");
    char c = text_[pos_];
    if (long_form) {
      if (c == quote && peek(1) == quote && peek(2) == quote) {
        // a long string may end with up to two extra quotes inside it
        while (peek(3) == quote) {
          out += quote;
          advance();
        }
        advance(3);
        return out;
      }
    } else {
      if (c == quote) {
        advance();
        return out;
      }
      if (c == '\n' || c == '\r') fail("line break in a short string");
    }
    if (c == '\\') {
      read_escape(out);
    } else {
      out += c;
      advance();
    }
  }
}

std::string Lexer::read_iri() {
  std::string out;
  advance();  // <
  while (true) {
    if (pos_ >= text_.size()) fail("unterminated IRI");
    char c = text_[pos_];
    if (c == '>') {
      advance();
      return out;
    }
    if (c == '\\' && (peek(1) == 'u' || peek(1) == 'U')) {
      // An escape may not give what IRIREF forbids written out: a space, a control character or
      // one of <>"{}|^`\ (the IRI would otherwise hold what no IRI holds, and print unreadably).
      const std::size_t at = out.size();
      read_escape(out);
      if (out.size() == at + 1 && iri_forbidden(out[at])) fail("escape in an IRI of a character IRIs may not hold");
      continue;
    }
    out += c;
    advance();
  }
}

Token Lexer::next() {
  Token t;
  skip_space(t.space_before);
  t.line = line_;
  t.column = column_;
  t.offset = chars_;
  if (pos_ >= text_.size()) {
    t.end = pos_;
    return t;
  }
  const char c = text_[pos_];
  auto done = [&](Token::Kind k) {
    t.kind = k;
    t.end = pos_;
    return t;
  };
  auto punct = [&](std::size_t n) {
    t.text = std::string(text_.substr(pos_, n));
    advance(n);
    return done(Token::Kind::Punct);
  };

  if (c == '<') {
    // An IRI reference when a matching '>' follows with no forbidden character in between.
    std::size_t i = pos_ + 1;
    bool iri = false;
    while (i < text_.size()) {
      char d = text_[i];
      if (d == '>') {
        iri = true;
        break;
      }
      if (d != '\\' && iri_forbidden(d)) break;
      ++i;
    }
    if (iri) {
      t.text = read_iri();
      return done(Token::Kind::IriRef);
    }
    return punct(peek(1) == '=' ? 2 : 1);
  }
  if (c == '?' || c == '$') {
    // VARNAME: name characters without '-' (SPARQL 1.1 grammar [166]), at least one.
    auto var_char = [&](char ch) { return ch != '-' && is_name_char(static_cast<unsigned char>(ch)); };
    if (var_char(peek(1))) {
      advance();
      while (pos_ < text_.size() && var_char(text_[pos_])) t.text += text_[pos_], advance();
      return done(Token::Kind::Var);
    }
    if (c == '$') fail("'$' without a variable name");
    return punct(1);
  }
  if (c == '"' || c == '\'') {
    bool long_form = peek(1) == c && peek(2) == c;
    t.text = read_string(c, long_form);
    return done(Token::Kind::String);
  }
  if (c == '@') {
    advance();
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '-'))
      t.text += text_[pos_], advance();
    if (t.text.empty()) fail("empty language tag");
    return done(Token::Kind::LangTag);
  }
  if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
    std::size_t i = pos_;
    bool dot = false, exp = false;
    while (i < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i]))) ++i;
    if (i < text_.size() && text_[i] == '.' && i + 1 <= text_.size()) {
      // a dot belongs to the number only when digits or an exponent follow
      std::size_t j = i + 1;
      while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
      bool has_exp = j < text_.size() && (text_[j] == 'e' || text_[j] == 'E');
      if (j > i + 1 || has_exp) {
        dot = true;
        i = j;
      }
    }
    if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
      std::size_t j = i + 1;
      if (j < text_.size() && (text_[j] == '+' || text_[j] == '-')) ++j;
      if (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) {
        while (j < text_.size() && std::isdigit(static_cast<unsigned char>(text_[j]))) ++j;
        exp = true;
        i = j;
      }
    }
    t.text = std::string(text_.substr(pos_, i - pos_));
    advance(i - pos_);
    return done(exp ? Token::Kind::Double : dot ? Token::Kind::Decimal : Token::Kind::Integer);
  }
  if (c == '_' && peek(1) == ':') {
    advance(2);
    while (pos_ < text_.size() && (is_name_char(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
      t.text += text_[pos_];
      advance();
    }
    while (!t.text.empty() && t.text.back() == '.') {
      t.text.pop_back();
      --pos_;
      --column_;
      --chars_;
    }
    if (t.text.empty()) fail("empty blank node label");
    return done(Token::Kind::BlankLabel);
  }
  if (is_name_start(static_cast<unsigned char>(c)) || c == ':') {
    // keyword or prefixed name
    std::size_t i = pos_;
    while (i < text_.size() && (is_name_char(static_cast<unsigned char>(text_[i])) || text_[i] == '.')) ++i;
    while (i > pos_ && text_[i - 1] == '.') --i;
    if (i < text_.size() && text_[i] == ':') {
      std::string prefix(text_.substr(pos_, i - pos_));
      advance(i - pos_ + 1);
      std::string local;
      std::size_t kept = 0;  // length of `local` up to its last escaped character
      while (pos_ < text_.size()) {
        char d = text_[pos_];
        if (is_name_char(static_cast<unsigned char>(d)) || d == ':' ||
            (d == '.' && pos_ + 1 < text_.size() &&
             (is_name_char(static_cast<unsigned char>(text_[pos_ + 1])) || text_[pos_ + 1] == ':' ||
              text_[pos_ + 1] == '%' || text_[pos_ + 1] == '\\' || text_[pos_ + 1] == '.'))) {
          local += d;
          advance();
        } else if (d == '%' && is_hex(peek(1)) && is_hex(peek(2))) {
          local += std::string(text_.substr(pos_, 3));
          advance(3);
        } else if (d == '\\' && peek(1) != '\0' && std::string_view("_~.-!$&'()*+,;=/?#@%").find(peek(1)) != std::string_view::npos) {
          local += peek(1);
          advance(2);
          kept = local.size();
        } else {
          break;
        }
      }
      while (local.size() > kept && local.back() == '.') {
        local.pop_back();
        --pos_;
        --column_;
        --chars_;
      }
      t.text = prefix + ":" + local;
      return done(Token::Kind::PrefixedName);
    }
    std::string word(text_.substr(pos_, i - pos_));
    advance(i - pos_);
    t.raw = word;
    if (word == "a") {
      t.text = "a";
    } else {
      for (char& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      t.text = word;
    }
    return done(Token::Kind::Keyword);
  }
  if (c == '(') {
    std::size_t i = pos_ + 1;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) ++i;
    if (i < text_.size() && text_[i] == ')') {
      advance(i + 1 - pos_);
      return done(Token::Kind::Nil);
    }
    return punct(1);
  }
  if (c == '[') {
    std::size_t i = pos_ + 1;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) ++i;
    if (i < text_.size() && text_[i] == ']') {
      advance(i + 1 - pos_);
      return done(Token::Kind::Anon);
    }
    return punct(1);
  }
  if (c == '^') return punct(peek(1) == '^' ? 2 : 1);
  if (c == '!') return punct(peek(1) == '=' ? 2 : 1);
  if (c == '>') return punct(peek(1) == '=' ? 2 : 1);
  if (c == '&' && peek(1) == '&') return punct(2);
  if (c == '|' && peek(1) == '|') return punct(2);
  if (std::string_view("{}()[].,;*/|+-=").find(c) != std::string_view::npos) return punct(1);
  fail(std::string("unexpected character '") + c + "'");
}

}  // namespace policykg::query
