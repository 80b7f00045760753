// The error every module reports: a category, a message and the place it concerns. A place is a
// source (a file, a query, a store, an option) and, within a text, a position in code points.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace policykg {

/// Where an error is. `line` and `column` count from 1 and `offset` from 0, all in code points
/// (characters, not bytes); `line` is 0 when the place has no position in a text, `column` 0 when
/// the reader that failed gave a line only (raptor, for some errors).
struct Place {
  std::string source;
  std::size_t line = 0, column = 0, offset = 0;

  /// The place of byte `byte` of `text` (its end when past it), counted in code points.
  static Place in(std::string source, std::string_view text, std::size_t byte) {
    Place p{std::move(source), 1, 1, 0};
    const std::size_t end = byte < text.size() ? byte : text.size();
    for (std::size_t i = 0; i < end; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) == 0x80) continue;  // a continuation byte: the same character
      ++p.offset;
      if (c == '\n') {
        ++p.line;
        p.column = 1;
      } else {
        ++p.column;
      }
    }
    return p;
  }
  /// "source:line:column", "source:line" when a reader knows no column, or the source alone.
  std::string to_string() const {
    if (line == 0) return source;
    if (column == 0) return source + ":" + std::to_string(line);
    return source + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
};

/// Base of every error policykg reports, so that the CLI can print one line saying what and where.
class Error : public std::runtime_error {
 public:
  enum class Category { Input, Syntax, Store, Query, Usage, Io, Internal };
  Error(Category category, Place place, const std::string& message)
      : std::runtime_error(message), category_(category), place_(std::move(place)), where_(place_.to_string()) {}
  /// An error about a whole source: a file, a store, an option, a query.
  Error(Category category, std::string where, const std::string& message)
      : Error(category, Place{std::move(where)}, message) {}
  Category category() const { return category_; }
  const Place& place() const { return place_; }
  /// The place as written in messages: "source:line:column" or the source.
  const std::string& where() const { return where_; }
  /// "where: message", or the message alone when there is no place.
  std::string describe() const { return where_.empty() ? what() : where_ + ": " + what(); }

 private:
  Category category_;
  Place place_;
  std::string where_;
};

}  // namespace policykg
