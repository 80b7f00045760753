// Writing an output file atomically, so that a failed run never leaves a half-written file.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace policykg::rdf {

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so that
/// a failed run never leaves a half-written file. Throws Error(Io).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);
/// The same with the content written by `write` to the temporary file's stream.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace policykg::rdf
