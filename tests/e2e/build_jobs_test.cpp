// policykg build on many files: -j N gives the same bytes as -j 1, a broken file stops the build
// with nothing written or, with --keep-going, is skipped and named while the rest are written,
// and --progress / --quiet choose what goes to stderr.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_policykg;

class BuildJobs : public test::TempFolderTest {
 protected:
  // The corpus's texts, each copied under three names, and `broken` (not UTF-8) when asked.
  fs::path corpus(bool broken) {
    fs::path dir = dir_ / "corpus";
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(fs::path(POLICYKG_SOURCE_DIR) / "data/documents")) {
      if (entry.path().extension() != ".txt") continue;
      for (int copy = 1; copy <= 3; ++copy)
        fs::copy_file(entry.path(), dir / (entry.path().stem().string() + "-" + std::to_string(copy) + ".txt"));
    }
    if (broken) std::ofstream(dir / "m-broken.txt", std::ios::binary) << "Plan\n\xFF\xFE not text\n";
    return dir;
  }
};

TEST_F(BuildJobs, AnyNumberOfThreadsGivesTheSameBytes) {
  const fs::path dir = corpus(false);
  std::string first;
  for (std::string jobs : {"1", "2", "5", "0"}) {
    const fs::path out = dir_ / ("graph-" + jobs + ".nq");
    auto r = run_policykg({"build", dir.string(), "-j", jobs, "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << jobs << "\n" << r.err;
    const std::string bytes = test::read_file(out);
    ASSERT_GT(bytes.size(), 100000u);
    if (first.empty()) first = bytes;
    EXPECT_EQ(bytes, first) << "-j " << jobs;
  }
}

TEST_F(BuildJobs, ABrokenFileStopsTheBuildWithNothingWritten) {
  const fs::path dir = corpus(true);
  const fs::path out = dir_ / "graph.ttl";
  auto r = run_policykg({"build", dir.string(), "-j", "2", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("m-broken.txt:2:1: not UTF-8"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(BuildJobs, KeepGoingSkipsTheBrokenFileBuildsTheRestAndExitsOne) {
  const fs::path dir = corpus(true);
  const fs::path out = dir_ / "graph.nt", clean = dir_ / "clean.nt";
  auto r = run_policykg({"build", dir.string(), "-j", "2", "--keep-going", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("skipped " + (dir / "m-broken.txt").string() + ":2:1: not UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 document skipped (the graph holds the others): " + (dir / "m-broken.txt").string()),
            std::string::npos)
      << r.err;
  // What was written is the graph of the other files.
  fs::remove(dir / "m-broken.txt");
  ASSERT_EQ(run_policykg({"build", dir.string(), "-o", clean.string()}).exit_code, 0);
  EXPECT_EQ(test::read_file(out), test::read_file(clean));
}

TEST_F(BuildJobs, ProgressAndQuiet) {
  const fs::path dir = corpus(false);
  auto progress = run_policykg({"build", dir.string(), "--progress", "-o", (dir_ / "a.ttl").string()});
  ASSERT_EQ(progress.exit_code, 0) << progress.err;
  const std::size_t files = 3 * 4;
  EXPECT_NE(progress.err.find(std::to_string(files) + "/" + std::to_string(files) + " files"), std::string::npos)
      << progress.err;
  EXPECT_NE(progress.err.find(" MB/s, "), std::string::npos);
  EXPECT_NE(progress.err.find(" s left"), std::string::npos);
  auto quiet = run_policykg({"build", dir.string(), "--quiet", "-o", (dir_ / "b.ttl").string()});
  ASSERT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(run_policykg({"build", "--quiet", "--progress"}).exit_code, 2);
}

}  // namespace
}  // namespace policykg
