// policykg build on degenerate text, through the real binary: only whitespace is an error naming
// the file; CR-only and CRLF line ends build the structure LF does.
#include <gtest/gtest.h>
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

class BuildText : public policykg::test::TempFolderTest {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST_F(BuildText, OnlyWhitespaceIsNoText) {
  std::string blank = write("blank.txt", " \n\t\r\n  \n");
  std::string out = (dir_ / "blank.ttl").string();
  auto r = run_policykg({"build", blank, "-o", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "policykg: " + blank + ": no text: the document holds only whitespace\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(BuildText, CrOnlyAndCrlfLineEndsBuildTheSameStructure) {
  const std::string lf = read_file(kSeed);
  std::string cr, crlf;
  for (char c : lf) {
    cr += c == '\n' ? '\r' : c;
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  // The same file name each time, so that the IRIs are the same.
  auto build = [&](const std::string& text) {
    write("seed.txt", text);
    auto r = run_policykg({"build", (dir_ / "seed.txt").string(), "--format", "ntriples"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  const std::string a = build(lf), b = build(cr), c = build(crlf);
  const std::string type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/policykg/ontology#";
  for (const char* cls : {"Provision>", "Section>", "Task>", "Initiative>", "Measure>"}) {
    EXPECT_EQ(count(b, type + cls), count(a, type + cls)) << "CR " << cls;
    EXPECT_EQ(count(c, type + cls), count(a, type + cls)) << "CRLF " << cls;
  }
  EXPECT_GT(count(a, type + "Measure>"), 150u);
  EXPECT_EQ(count(b, "\n"), count(a, "\n"));  // as many triples
  EXPECT_EQ(count(c, "\n"), count(a, "\n"));
}

}  // namespace
