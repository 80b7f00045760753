// The text of one document as read: checked UTF-8 bytes plus an index from byte offsets to
// code-point offsets, the unit every offset the builder emits is counted in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::builder {

/// A half-open byte range [begin, end) into a SourceText.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

class SourceText {
 public:
  /// Checks `bytes` (not empty, no NUL byte, valid UTF-8, not only whitespace) and indexes it;
  /// `name` names the file in errors. Throws policykg::Error(Input) whose place is "name:byte N"
  /// (the file's name alone for an empty or whitespace-only text).
  SourceText(std::string bytes, std::string name);

  const std::string& name() const { return name_; }
  const std::string& bytes() const { return bytes_; }
  std::string_view view(Span s) const { return std::string_view(bytes_).substr(s.begin, s.size()); }
  /// The code-point offset of a byte offset (which must start a code point, or be the end).
  std::size_t code_point(std::size_t byte) const;
  /// Number of code points in the whole text.
  std::size_t code_points() const { return code_point(bytes_.size()); }

 private:
  static constexpr std::size_t kBlock = 256;
  std::string bytes_;
  std::string name_;
  std::vector<std::uint32_t> block_start_;  ///< code points before each kBlock-byte block
};

/// Reads a file whole and checks it as SourceText does; the name is the file's path.
SourceText read_source(const std::filesystem::path& file);

}  // namespace policykg::builder
