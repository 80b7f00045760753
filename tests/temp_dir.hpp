// Scratch folders for tests: each a fresh folder under the system's temporary folder, removed with
// everything in it when the test is done, so that a suite run leaves nothing behind.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace policykg::test {

/// A fresh, uniquely named folder (`<tmp>/<prefix>-XXXXXX`, made by mkdtemp), removed with its
/// contents when the object is destroyed. A child process forked from the test leaves it alone:
/// only the process that made it removes it.
class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "policykg-test") : owner_(::getpid()) {
    std::string pattern = (std::filesystem::temp_directory_path() / prefix).string() + "-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    path_ = pattern;
  }
  ~TempDir() {
    if (::getpid() != owner_) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `content` to the file `name` in the folder and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
  pid_t owner_;
};

/// One scratch folder for the whole test process, made on first use and removed when the process
/// exits normally.
inline const std::filesystem::path& process_temp_dir() {
  static const TempDir dir("policykg-test");
  return dir.path();
}

}  // namespace policykg::test
