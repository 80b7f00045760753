#include "rdf/input_checks.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

namespace {

[[noreturn]] void fail(std::string_view text, std::size_t at, std::string_view where, const std::string& message) {
  throw Error(Error::Category::Syntax, Place::in(std::string(where), text, at), message);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
         c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

// The start of a value quoted for a message, at most 60 bytes of it.
std::string quoted(std::string_view value) {
  std::string out(value.substr(0, 60));
  while (!out.empty() && first_invalid_utf8(out)) out.pop_back();  // no half characters
  return "'" + out + (value.size() > 60 ? "...'" : "'");
}

// Reads an RDF/XML document's prolog and internal DTD subset, enough to know its entities.
class RdfXmlScan {
 public:
  RdfXmlScan(std::string_view text, std::string_view where) : text_(text), where_(where) {}

  void run() {
    prolog();
    check_references();
    check_languages();
  }

 private:
  bool at(std::string_view s) const { return text_.substr(i_).starts_with(s); }
  void skip_spaces() {
    while (i_ < text_.size() && is_space(text_[i_])) ++i_;
  }
  // Past the next `end`; at the end of the text when there is none (libxml reports that).
  void skip_past(std::string_view end) {
    auto e = text_.find(end, i_);
    i_ = e == std::string_view::npos ? text_.size() : e + end.size();
  }
  // Past the '>' that ends a declaration, quoted text skipped.
  void skip_declaration() {
    while (i_ < text_.size() && text_[i_] != '>') {
      if (text_[i_] == '"' || text_[i_] == '\'') skip_quoted();
      else ++i_;
    }
    if (i_ < text_.size()) ++i_;
  }
  // From an opening quote to past its closing one; returns what is between them.
  std::string_view skip_quoted() {
    const std::size_t start = i_ + 1;
    const std::size_t end = std::min(text_.find(text_[i_], start), text_.size());
    i_ = std::min(end + 1, text_.size());
    return text_.substr(start, end - start);
  }
  std::string_view name() {
    const std::size_t start = i_;
    while (i_ < text_.size() && is_name_char(text_[i_])) ++i_;
    return text_.substr(start, i_ - start);
  }

  void prolog() {
    if (at("\xEF\xBB\xBF")) i_ = 3;
    for (;;) {
      skip_spaces();
      if (at("<?")) skip_past("?>");
      else if (at("<!--")) skip_past("-->");
      else if (at("<!DOCTYPE")) return doctype();
      else return;
    }
  }

  void doctype() {
    i_ += 9;
    while (i_ < text_.size() && text_[i_] != '[' && text_[i_] != '>') {
      if (text_[i_] == '"' || text_[i_] == '\'') skip_quoted();
      else ++i_;
    }
    if (i_ >= text_.size() || text_[i_] == '>') {  // no internal subset
      body_ = i_;
      return;
    }
    ++i_;
    for (;;) {
      skip_spaces();
      const std::size_t start = i_;
      if (i_ >= text_.size()) fail(text_, start, where_, "the DOCTYPE is not closed");
      if (text_[i_] == ']') break;
      if (at("<!--")) {
        skip_past("-->");
      } else if (at("<?")) {
        skip_past("?>");
      } else if (at("<!ENTITY")) {
        entity();
      } else if (at("<!ATTLIST")) {
        skip_declaration();
        if (text_.substr(start, i_ - start).find("xml:lang") != std::string_view::npos)
          fail(text_, start, where_, "default values for xml:lang are not supported");
      } else if (at("<!ELEMENT") || at("<!NOTATION")) {
        skip_declaration();
      } else if (text_[i_] == '%') {
        fail(text_, start, where_, "parameter entity references are not supported");
      } else {
        fail(text_, start, where_, "cannot read this declaration of the DOCTYPE");
      }
    }
    body_ = i_;
  }

  void entity() {
    const std::size_t start = i_;
    i_ += 8;
    skip_spaces();
    if (i_ < text_.size() && text_[i_] == '%') fail(text_, start, where_, "parameter entities are not supported");
    const std::string entity_name(name());
    skip_spaces();
    if (i_ < text_.size() && (text_[i_] == '"' || text_[i_] == '\'')) {
      const std::string_view value = skip_quoted();
      if (value.find('<') != std::string_view::npos)
        fail(text_, start, where_, "the entity '" + entity_name + "' holds markup, which is not supported");
      if (value.find("&#") != std::string_view::npos || value.find('%') != std::string_view::npos)
        fail(text_, start, where_, "the entity '" + entity_name + "' holds character or parameter entity references, which are not supported");
      entities_.emplace(entity_name, value);  // the first declaration counts
    }
    skip_declaration();  // an external entity (SYSTEM, PUBLIC) is not loaded
  }

  // The length of the text an entity expands to, at most budget_ + 1.
  std::size_t expanded(const std::string& entity, std::size_t at_offset) {
    if (auto known = sizes_.find(entity); known != sizes_.end()) return known->second;
    auto it = entities_.find(entity);
    if (it == entities_.end()) return entity.size() + 2;  // predefined, external or undeclared
    if (!expanding_.insert(entity).second) fail(text_, at_offset, where_, "the entity '" + entity + "' refers to itself");
    std::string_view value = it->second;
    std::size_t size = 0;
    for (std::size_t k = 0; k < value.size() && size <= budget_; ++k) {
      std::size_t semicolon = value[k] == '&' ? value.find(';', k) : std::string_view::npos;
      if (semicolon == std::string_view::npos) {
        ++size;
        continue;
      }
      size += expanded(std::string(value.substr(k + 1, semicolon - k - 1)), at_offset);
      k = semicolon;
    }
    expanding_.erase(entity);
    size = std::min(size, budget_ + 1);
    sizes_.emplace(entity, size);
    return size;
  }

  void check_references() {
    if (entities_.empty()) return;
    budget_ = std::max(kMinEntityBudget, text_.size());
    std::size_t total = 0;
    for (std::size_t k = text_.find('&', body_); k != std::string_view::npos; k = text_.find('&', k + 1)) {
      std::size_t end = k + 1;
      while (end < text_.size() && is_name_char(text_[end])) ++end;
      if (end >= text_.size() || text_[end] != ';') continue;
      const std::string entity(text_.substr(k + 1, end - k - 1));
      if (!entities_.contains(entity)) continue;
      total += expanded(entity, k);
      if (total > budget_)
        fail(text_, k, where_, "entity references expand to more than " + std::to_string(budget_) +
                                   " bytes (the bound is 1 MiB or the document's size, whichever is larger)");
    }
  }

  // Raptor reads xml:lang attributes by name; a tag over 255 characters corrupts its heap.
  void check_languages() {
    for (std::size_t k = text_.find("xml:lang"); k != std::string_view::npos; k = text_.find("xml:lang", k + 1)) {
      i_ = k + 8;
      skip_spaces();
      if (i_ >= text_.size() || text_[i_] != '=') continue;  // not an attribute
      ++i_;
      skip_spaces();
      if (i_ >= text_.size() || (text_[i_] != '"' && text_[i_] != '\'')) fail(text_, k, where_, "the xml:lang value is not quoted");
      const std::string_view value = skip_quoted();
      if (value.find('&') != std::string_view::npos) fail(text_, k, where_, "xml:lang values may not hold references");
      if (!value.empty() && !is_language_tag(value))
        fail(text_, k, where_, "the language tag " + quoted(value) + " is not a BCP 47 tag of at most " +
                                   std::to_string(kMaxLanguageTag) + " characters");
    }
  }

  std::string_view text_;
  std::string_view where_;
  std::size_t i_ = 0;
  std::size_t body_ = 0;  // where the document after the DOCTYPE starts
  std::size_t budget_ = 0;
  std::map<std::string, std::string_view> entities_;  // internal general entities: name, value
  std::map<std::string, std::size_t> sizes_;
  std::set<std::string> expanding_;
};

}  // namespace

void check_text(std::string_view text, std::string_view where) { check_text(text, where, 0, text.size()); }

void check_text(std::string_view text, std::string_view where, std::size_t from, std::size_t to) {
  auto at = first_invalid_text_byte(text.substr(from, to - from));
  if (!at) return;
  *at += from;
  if (text[*at] == '\0') fail(text, *at, where, "a NUL byte (byte offset " + std::to_string(*at) + ")");
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[*at])));
  fail(text, *at, where, std::string("not valid UTF-8: byte ") + byte + " (byte offset " + std::to_string(*at) + ")");
}

void check_rdfxml(std::string_view text, std::string_view where) { RdfXmlScan(text, where).run(); }

void check_json_depth(std::string_view text, std::string_view where, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        fail(text, i, where, "nested too deeply (more than " + std::to_string(max_depth) + " levels)");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

void check_turtle_depth(std::string_view text, std::string_view where, int max_depth) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {  // a comment, to the end of its line
      i = std::min(text.find_first_of("\r\n", i), text.size());
    } else if (c == '<') {  // an IRI; "<" cannot start anything else outside a string
      i = std::min(text.find('>', i + 1), text.size());
    } else if (c == '"' || c == '\'') {
      const bool long_form = text.substr(i, 3) == std::string(3, c);
      const std::size_t open = long_form ? 3 : 1;
      for (i += open; i < text.size(); ++i) {
        if (text[i] == '\\') {
          ++i;
        } else if (text[i] == c && (!long_form || text.substr(i, 3) == std::string(3, c))) {
          i += open - 1;
          break;
        } else if (!long_form && (text[i] == '\n' || text[i] == '\r')) {
          break;  // not Turtle; serd says where
        }
      }
    } else if (c == '(' || c == '[') {
      if (++depth > max_depth)
        fail(text, i, where,
             "nested too deeply (more than " + std::to_string(max_depth) + " levels of collections and blank nodes)");
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace policykg::rdf
