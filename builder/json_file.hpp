// Strict reading of the JSON data files the builder loads (data/rules/*.json,
// data/gazetteer/*.json): a key the reader never asks for, a key given twice or a value of the
// wrong type is an error, not a rule silently off. Each error is one policykg::Error(Input) whose
// place is the file, line and column ("data/rules/relations.json:41:5") and whose message names
// the key's path ("unknown key \"lead_cue\" (known: …)", "lead_cues[3]: expected a string, found
// a number").
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.hpp"

namespace policykg::builder {

class JsonFile;

/// One value of a file: where it is, and its content read as the type the reader expects.
class JsonValue {
 public:
  /// "patterns[3].head"; "" for the whole file.
  const std::string& path() const { return path_; }
  std::string as_string() const;
  std::size_t as_count() const;  ///< a whole number, 0 or more
  bool as_bool() const;
  std::vector<std::string> as_strings() const;
  std::vector<JsonValue> as_array() const;
  /// Throws policykg::Error(Input) at this value's line and column, the message after its path.
  [[noreturn]] void fail(const std::string& message) const;

 private:
  friend class JsonFile;
  friend class JsonObject;
  JsonValue(const JsonFile* file, const nlohmann::json* value, std::string pointer, std::string path)
      : file_(file), value_(value), pointer_(std::move(pointer)), path_(std::move(path)) {}
  [[noreturn]] void expected(const char* what) const;

  const JsonFile* file_;
  const nlohmann::json* value_;
  std::string pointer_;  ///< JSON pointer ("/patterns/3/head"): where the file locates it
  std::string path_;
};

/// The members of an object, read by name; finish() then rejects any member never asked for
/// (a "comment" member, a string, is allowed in every object).
class JsonObject {
 public:
  explicit JsonObject(const JsonValue& value);  ///< throws unless `value` is an object
  /// Whether the member is there; asking names it as known either way.
  bool has(std::string_view key);
  /// A member that must be there.
  JsonValue at(std::string_view key);
  /// Optional members: `out` keeps its value when the member is absent.
  void get(std::string_view key, std::string& out);
  void get(std::string_view key, std::size_t& out);
  void get(std::string_view key, bool& out);
  void get(std::string_view key, std::vector<std::string>& out);
  /// An optional array's elements (none when absent).
  std::vector<JsonValue> array(std::string_view key);
  /// Throws at the first member, in file order, that no call above asked for.
  void finish() const;

 private:
  JsonValue member(std::string_view key) const;
  JsonValue self_;
  std::vector<std::string> known_;
};

/// A JSON file read whole, with the line and column of each member and element.
class JsonFile {
 public:
  /// Reads and parses `file`; throws policykg::Error(Input) when it cannot be read, is not JSON
  /// (at the line and column of the fault) or gives a key twice in one object.
  explicit JsonFile(const std::filesystem::path& file);
  ~JsonFile();
  JsonFile(const JsonFile&) = delete;
  JsonFile& operator=(const JsonFile&) = delete;

  /// The top-level object.
  JsonObject root() const;
  const std::filesystem::path& file() const { return file_; }
  /// The place of byte `offset`: the file, and line, column and offset in code points.
  Place place(std::size_t offset) const;
  /// The offset of the value or member at JSON pointer `pointer` (its key, for a member).
  std::size_t offset(const std::string& pointer) const;

 private:
  std::filesystem::path file_;
  std::string text_;
  std::unique_ptr<nlohmann::json> json_;
  std::map<std::string, std::size_t> offsets_;
};

}  // namespace policykg::builder
