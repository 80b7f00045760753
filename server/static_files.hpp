// Files served from web/: only the pages' own folders and the built browser libraries, never a
// path outside them (no "..", no symlink out, no hidden files).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace policykg::server {

/// The file `relative` (a URL path below /web/, already percent-decoded) names under `web_dir`,
/// or nullopt when it is not a regular file inside one of the served folders.
std::optional<std::filesystem::path> served_file(const std::filesystem::path& web_dir, std::string_view relative);

/// The media type served for a file name's extension.
std::string_view file_media_type(const std::filesystem::path& file);

}  // namespace policykg::server
