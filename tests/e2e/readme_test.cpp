// The README's "Using it" commands run as written: each `policykg …` line of its first sh block,
// in order, in one folder with data/ and examples/ beside it and `policykg` on the PATH, exits 0.
// `serve` is left out (it runs until stopped; tests/e2e/serve_*_test.cpp cover it).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> usage_commands(const std::string& readme) {
  std::vector<std::string> out;
  std::istringstream in(readme.substr(readme.find("\n## Using it")));
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "```sh") inside = true;
    else if (inside && line == "```") break;
    else if (inside && line.starts_with("policykg ") && !line.starts_with("policykg serve")) out.push_back(line);
  }
  return out;
}

TEST(Readme, UsingItCommandsExitZero) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  const auto commands = usage_commands(test::read_file(source / "README.md"));
  ASSERT_GE(commands.size(), 15u);
  const fs::path dir = fs::temp_directory_path() / ("policykg-readme-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "bin");
  fs::create_directories(dir / "work");
  fs::create_symlink(fs::absolute(POLICYKG_BINARY), dir / "bin/policykg");
  fs::create_directory_symlink(source / "data", dir / "work/data");
  fs::create_directory_symlink(source / "examples", dir / "work/examples");
  for (const auto& command : commands) {
    std::ofstream(dir / "step.sh") << command << "\n";
    auto r = test::run_binary("/bin/bash", {"-euo", "pipefail", (dir / "step.sh").string()}, {},
                              "cd " + test::shell_quote((dir / "work").string()) + " && PATH=" +
                                  test::shell_quote((dir / "bin").string()) + ":/usr/bin:/bin");
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.err;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace policykg
