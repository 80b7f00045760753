// policykg build with POLICYKG_HOME at a copy of data/ whose rules have one misspelt key: the
// build stops with exit status 1 and one line naming the file, line, column and key.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/run.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::test::read_file;
using policykg::test::run_binary;
using policykg::test::shell_quote;

class RulesError : public policykg::test::TempFolderTest {};

TEST_F(RulesError, AMisspeltKeyStopsTheBuildNamingFileLineAndKey) {
  const fs::path home = dir_ / "home";
  fs::create_directories(home);
  fs::copy(fs::path(POLICYKG_SOURCE_DIR) / "data", home / "data", fs::copy_options::recursive);
  const std::string environment = "POLICYKG_HOME=" + shell_quote(home.string());
  const std::string out = (dir_ / "graph.ttl").string();

  // The copy as it is builds: what fails below is the key.
  auto ok = run_binary(POLICYKG_BINARY, {"build", "--quiet", "-o", out}, {}, environment);
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  ASSERT_TRUE(fs::exists(out));
  fs::remove(out);

  const fs::path relations = home / "data/rules/relations.json";
  std::string text = read_file(relations);
  const std::size_t key = text.find("\"lead_cues\"");
  ASSERT_NE(key, std::string::npos);
  text.replace(key, 11, "\"lead_cue\"");
  std::ofstream(relations, std::ios::binary) << text;
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(key), '\n');
  const auto column = key - text.rfind('\n', key);

  auto r = run_binary(POLICYKG_BINARY, {"build", "--quiet", "-o", out}, {}, environment);
  EXPECT_EQ(r.exit_code, 1);
  const std::string expected = "policykg: " + relations.string() + ":" + std::to_string(line) + ":" +
                               std::to_string(column) + ": unknown key \"lead_cue\" (known: ";
  EXPECT_EQ(r.err.rfind(expected, 0), 0u) << r.err;
  EXPECT_NE(r.err.find("lead_cues"), std::string::npos) << r.err;  // the key meant is listed
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
