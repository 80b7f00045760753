// Small text and file helpers shared by the modules: ASCII lower case, a match at a position, a
// whole file read into memory.
#pragma once

#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace policykg {

/// `s` with ASCII letters in lower case (bytes of multi-byte characters unchanged).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Whether `s` holds `what` at byte `i`. The first-byte test keeps the common case, no match,
/// free of a memcmp call.
inline bool starts_at(std::string_view s, std::size_t i, std::string_view what) {
  if (what.empty()) return i <= s.size();
  return i < s.size() && s[i] == what[0] && s.compare(i, what.size(), what) == 0;
}

/// The bytes of a regular file, or nothing when it is not one or cannot be read.
inline std::optional<std::string> read_regular_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace policykg
