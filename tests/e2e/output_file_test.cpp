// -o on the real binary (build, export, query): never an input, a folder, a device or a FIFO; a
// symbolic link's target is written; a replaced file keeps its mode; no temporary file is left.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/run.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::test::read_file;
using policykg::test::run_policykg;

const std::string& kSeed = policykg::test::kSeedDocument;

class OutputFile : public policykg::test::TempFolderTest {
 protected:
  void TearDown() override {
    for (const auto& entry : fs::directory_iterator(dir_))
      EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    TempFolderTest::TearDown();
  }
  std::string at(const std::string& name) const { return (dir_ / name).string(); }
  // The seed built to `name`.
  std::string built(const std::string& name) {
    auto r = run_policykg({"build", kSeed, "-o", at(name)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return at(name);
  }

};

TEST_F(OutputFile, BuildRefusesToOverwriteItsInput) {
  fs::copy_file(kSeed, at("d.txt"));
  const std::string text = read_file(at("d.txt"));
  auto r = run_policykg({"build", at("d.txt"), "-o", at("d.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "policykg: " + at("d.txt") + ": is the same file as the input " + at("d.txt") +
                       "; refusing to overwrite an input\n");
  EXPECT_EQ(read_file(at("d.txt")), text);

  // The same file by another name: compared by device and inode.
  fs::create_hard_link(at("d.txt"), at("hard.ttl"));
  fs::create_symlink("d.txt", at("soft.ttl"));
  for (const std::string& out : {at("hard.ttl"), at("soft.ttl"), dir_.string() + "/./d.txt"}) {
    r = run_policykg({"build", at("d.txt"), "-o", out});
    EXPECT_EQ(r.exit_code, 2) << out;
    EXPECT_NE(r.err.find("refusing to overwrite an input"), std::string::npos) << r.err;
  }
  EXPECT_EQ(read_file(at("d.txt")), text);
  EXPECT_TRUE(fs::is_symlink(at("soft.ttl")));
}

TEST_F(OutputFile, RefusesDevicesFifosAndFolders) {
  auto r = run_policykg({"build", kSeed, "-o", "/dev/null"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "policykg: /dev/null: is a character device; an output must be a regular file\n");
  EXPECT_TRUE(fs::is_character_file("/dev/null"));

  ASSERT_EQ(::mkfifo(at("fifo").c_str(), 0600), 0);
  r = run_policykg({"build", kSeed, "-o", at("fifo")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "policykg: " + at("fifo") + ": is a FIFO (named pipe); an output must be a regular file\n");
  EXPECT_TRUE(fs::is_fifo(at("fifo")));

  fs::create_directory(at("folder"));
  for (const std::string& out : {at("folder"), at("folder") + "/"}) {
    r = run_policykg({"build", kSeed, "-o", out});
    EXPECT_EQ(r.exit_code, 1) << out;
    EXPECT_EQ(r.err.find("Success"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("policykg: " + out + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("folder"), std::string::npos) << r.err;
  }
  EXPECT_TRUE(fs::is_empty(at("folder")));
  EXPECT_EQ(run_policykg({"build", kSeed, "-o", at("folder")}).err,
            "policykg: " + at("folder") + ": is a directory; an output must be a regular file\n");
}

TEST_F(OutputFile, WritesThroughASymbolicLinkAndKeepsTheMode) {
  const std::string real = built("real.ttl");
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  std::ofstream(real, std::ios::trunc) << "old";
  fs::create_symlink("real.ttl", at("link.ttl"));
  auto r = run_policykg({"build", kSeed, "-o", at("link.ttl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(at("link.ttl")));
  EXPECT_EQ(read_file(real).rfind("@prefix", 0), 0u);
  struct stat st{};
  ASSERT_EQ(::stat(real.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
}

TEST_F(OutputFile, ExportAndQueryRefuseTheirInputsAndDevices) {
  const std::string graph = built("g.ttl");
  const std::string before = read_file(graph);
  auto r = run_policykg({"export", "--format", "graphml", "--data", graph, "-o", graph});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(graph + ": is the same file as the input " + graph), std::string::npos) << r.err;
  // The csv export's two files are checked too.
  fs::create_symlink("g.ttl", at("out-nodes.csv"));
  r = run_policykg({"export", "--format", "csv", "--data", graph, "-o", at("out.csv")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(at("out-nodes.csv") + ": is the same file as the input"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(at("out-edges.csv")));

  std::ofstream(at("q.rq")) << "SELECT * WHERE { ?s ?p ?o } LIMIT 1\n";
  r = run_policykg({"query", at("q.rq"), "--data", graph, "-o", at("q.rq")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(at("q.rq") + ": is the same file as the input " + at("q.rq")), std::string::npos) << r.err;
  r = run_policykg({"query", at("q.rq"), "--data", graph, "-o", graph});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_file(graph), before);

  ASSERT_EQ(::mkfifo(at("fifo").c_str(), 0600), 0);
  r = run_policykg({"export", "--format", "dot", "--data", graph, "-o", at("fifo")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a FIFO"), std::string::npos) << r.err;
  r = run_policykg({"query", at("q.rq"), "--data", graph, "-o", "/dev/null"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/dev/null: is a character device"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_fifo(at("fifo")));

  // A good output still works, and a second run replaces it.
  r = run_policykg({"query", at("q.rq"), "--data", graph, "--format", "csv", "-o", at("rows.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(at("rows.csv")).rfind("s,p,o", 0), 0u);
}

}  // namespace
