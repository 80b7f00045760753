// Errors raised by the rdf layer: a category, a message and the place they concern.
#pragma once

#include <stdexcept>
#include <string>

namespace policykg {

/// Base of every error policykg reports; `where` names a file, an offset, a line:column,
/// a store or a query, so that the CLI can print one line saying what and where.
class Error : public std::runtime_error {
 public:
  enum class Category { Input, Syntax, Store, Query, Usage, Io, Internal };
  Error(Category category, std::string where, const std::string& message)
      : std::runtime_error(message), category_(category), where_(std::move(where)) {}
  Category category() const { return category_; }
  const std::string& where() const { return where_; }
  /// "where: message", or the message alone when there is no place.
  std::string describe() const { return where_.empty() ? what() : where_ + ": " + what(); }

 private:
  Category category_;
  std::string where_;
};

}  // namespace policykg
