// policykg builds and writes graphs without Redland, and runs every other command through the
// commands module beside it (cli/main.cpp): both halves through the real binaries.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "tests/e2e/run.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::test::run_binary;
using policykg::test::run_policykg;

const std::string& kSeed = policykg::test::kSeedDocument;

class CommandsModule : public policykg::test::TempFolderTest {
 protected:
};

TEST_F(CommandsModule, BuildWritesEveryFormatWithoutLoadingRedland) {
  for (std::string f : {"ttl", "nt", "rdf", "jsonld"}) {
    auto r = run_binary(POLICYKG_BINARY, {"build", kSeed, "-o", (dir_ / ("seed." + f)).string()}, {},
                        "LD_DEBUG=libs");
    ASSERT_EQ(r.exit_code, 0) << f << ": " << r.err;
    EXPECT_NE(r.err.find("find library=libc.so"), std::string::npos) << "LD_DEBUG printed nothing:\n" << r.err;
    EXPECT_EQ(r.err.find("librdf"), std::string::npos) << f << " loaded Redland";
    EXPECT_EQ(r.err.find(POLICYKG_COMMANDS_MODULE), std::string::npos) << f << " loaded the commands module";
  }
  // A command that needs Redland loads it.
  auto r = run_binary(POLICYKG_BINARY, {"query", "--data", (dir_ / "seed.ttl").string(), "-e", "ASK { ?s ?p ?o }"}, {},
                      "LD_DEBUG=libs");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("librdf"), std::string::npos);
}

TEST_F(CommandsModule, BuildNeedsNoModuleButOtherCommandsSayWhereItIsMissing) {
  const fs::path alone = dir_ / "policykg";
  fs::copy_file(POLICYKG_BINARY, alone);
  const fs::path out = dir_ / "seed.nt";
  auto built = run_binary(alone, {"build", kSeed, "-o", out.string()});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  auto reference = run_policykg({"build", kSeed, "--format", "ntriples"});
  ASSERT_EQ(reference.exit_code, 0);
  EXPECT_TRUE(policykg::test::read_file(out) == reference.out) << "the lone binary built another graph";

  for (std::vector<std::string> args : {std::vector<std::string>{"query", "-e", "ASK {}"},
                                        std::vector<std::string>{"--version"},
                                        std::vector<std::string>{"build", kSeed, "--store", "memory"}}) {
    auto r = run_binary(alone, args);
    EXPECT_EQ(r.exit_code, 1) << args.front();
    EXPECT_NE(r.err.find("cannot load the commands module"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((dir_ / POLICYKG_COMMANDS_MODULE).string()), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST_F(CommandsModule, BuildIntoAStoreRunsInTheModule) {
  const std::string store = "sqlite:" + (dir_ / "seed.db").string();
  auto built = run_policykg({"build", kSeed, "--store", store});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_TRUE(built.out.empty());
  auto ntriples = run_policykg({"build", kSeed, "--format", "ntriples"});
  std::size_t lines = static_cast<std::size_t>(std::count(ntriples.out.begin(), ntriples.out.end(), '\n'));
  auto count = run_policykg({"query", "--store", store, "--format", "tsv", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"});
  ASSERT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(count.out, "?n\n" + std::to_string(lines) + "\n");
}

}  // namespace
