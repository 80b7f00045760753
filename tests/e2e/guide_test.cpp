// docs/for-researchers.md runs as written: each ```sh block, in order, in one empty folder with
// `policykg` on the PATH and examples/ beside it, under bash -euo pipefail; a ```text block right
// after it is what the block must print on standard output (a line "..." stands for any lines).
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

struct Step {
  std::size_t line = 0;  ///< of the ```sh fence, 1-based
  std::string commands;
  bool has_expected = false;
  std::vector<std::string> expected;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<Step> steps(const std::string& markdown) {
  const auto lines = lines_of(markdown);
  std::vector<Step> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == "```sh") {
      Step s;
      s.line = i + 1;
      for (++i; i < lines.size() && lines[i] != "```"; ++i) s.commands += lines[i] + "\n";
      out.push_back(std::move(s));
    } else if (lines[i] == "```text" && !out.empty() && !out.back().has_expected) {
      out.back().has_expected = true;
      for (++i; i < lines.size() && lines[i] != "```"; ++i) out.back().expected.push_back(lines[i]);
    }
  }
  return out;
}

// Whether `actual` matches `expected`, where an expected line "..." matches any lines (none too).
bool matches(const std::vector<std::string>& expected, std::size_t e, const std::vector<std::string>& actual,
             std::size_t a) {
  if (e == expected.size()) return a == actual.size();
  if (expected[e] == "...") {
    for (std::size_t skip = a; skip <= actual.size(); ++skip)
      if (matches(expected, e + 1, actual, skip)) return true;
    return false;
  }
  return a < actual.size() && actual[a] == expected[e] && matches(expected, e + 1, actual, a + 1);
}

TEST(Guide, MatchingIsStrictButForTheEllipsis) {
  EXPECT_TRUE(matches({"a", "...", "d"}, 0, {"a", "b", "c", "d"}, 0));
  EXPECT_TRUE(matches({"a", "..."}, 0, {"a"}, 0));
  EXPECT_FALSE(matches({"a", "...", "d"}, 0, {"a", "b", "c"}, 0));
  EXPECT_FALSE(matches({"a", "b"}, 0, {"a", "b", "c"}, 0));
}

TEST(Guide, ForResearchersRunsAsWritten) {
  const fs::path source = POLICYKG_SOURCE_DIR;
  const std::string guide = test::read_file(source / "docs/for-researchers.md");
  ASSERT_FALSE(guide.empty());
  const auto all = steps(guide);
  // Ten questions, each answered by commands whose output is shown.
  std::size_t questions = 0;
  for (const auto& l : lines_of(guide)) questions += l.starts_with("## ") ? 1 : 0;
  EXPECT_EQ(questions, 10u);
  std::size_t shown = 0;
  for (const auto& s : all) shown += s.has_expected ? 1 : 0;
  EXPECT_GE(shown, 10u);

  const fs::path dir = fs::temp_directory_path() / ("policykg-guide-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "bin");
  fs::create_symlink(fs::absolute(POLICYKG_BINARY), dir / "bin/policykg");
  fs::create_directories(dir / "work");
  fs::create_directory_symlink(source / "examples", dir / "work/examples");
  for (const auto& s : all) {
    const fs::path script = dir / "step.sh";
    std::ofstream(script) << s.commands;
    // Debian's python3 first: the guide's Python uses Debian's pandas and NetworkX.
    auto r = test::run_binary("/bin/bash", {"-euo", "pipefail", script.string()}, {},
                              "cd " + test::shell_quote((dir / "work").string()) + " && PATH=" +
                                  test::shell_quote((dir / "bin").string()) + ":/usr/bin:/bin HOME=" +
                                  test::shell_quote(dir.string()));
    ASSERT_EQ(r.exit_code, 0) << "docs/for-researchers.md:" << s.line << "\n" << s.commands << r.err;
    if (!s.has_expected) continue;
    const auto actual = lines_of(r.out);
    EXPECT_TRUE(matches(s.expected, 0, actual, 0))
        << "docs/for-researchers.md:" << s.line << " prints otherwise:\n" << s.commands << "---\n" << r.out;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace policykg
