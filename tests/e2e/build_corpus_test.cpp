// policykg build on the whole of data/documents/ (the seed and its family), through the real
// binary: one graph of four documents that validates, the 2015 reply's provisions reached through
// the 2019 plan's pol:keepsInForce, a folder argument, and one named graph per document in N-Quads
// and TriG as rdflib reads them.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "tests/e2e/run.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::test::read_file;
using policykg::test::run_policykg;

const std::string kDocuments = std::string(POLICYKG_SOURCE_DIR) + "/data/documents";

using policykg::test::TempDir;

std::string rdflib_python() {
  for (const char* p : {"/usr/bin/python3", "python3"})
    if (std::system((std::string(p) + " -c 'import rdflib' 2>/dev/null").c_str()) == 0) return p;
  return {};
}

}  // namespace

TEST(BuildCorpus, FourDocumentsValidateAndKeepsInForceReachesTheEarlierProvisions) {
  TempDir tmp;
  const std::string out = (tmp.path() / "corpus.ttl").string();
  auto built = run_policykg({"build", "-o", out});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_NE(built.err.find("from 4 documents"), std::string::npos) << built.err;
  auto valid = run_policykg({"validate", out});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  auto q = run_policykg({"query", "--data", out, "--format", "tsv", "-e",
                         "SELECT ?n WHERE { ?plan pol:keepsInForce ?doc . ?doc dcterms:identifier \"No. 81 [2015]\" . "
                         "?p dcterms:isPartOf ?doc ; a pol:Provision ; pol:number ?n } ORDER BY ?n"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_EQ(q.out, "?n\n\"I\"\n\"II\"\n\"III\"\n");
  auto docs = run_policykg({"query", "--data", out, "--format", "tsv", "-e",
                            "SELECT (COUNT(?e) AS ?n) WHERE { ?e a eli:LegalExpression ; eli:realizes ?d . ?d a pol:Document }"});
  EXPECT_NE(docs.out.find("4"), std::string::npos) << docs.out;
  // The same from the folder, and from the files listed.
  const std::string folder = (tmp.path() / "folder.ttl").string();
  ASSERT_EQ(run_policykg({"build", kDocuments, "-o", folder}).exit_code, 0);
  EXPECT_EQ(read_file(folder), read_file(out));
}

TEST(BuildCorpus, NamedGraphPerDocumentInNQuadsAndTrig) {
  TempDir tmp;
  const std::string python = rdflib_python();
  for (const std::string ext : {"nq", "trig"}) {
    const std::string out = (tmp.path() / ("corpus." + ext)).string();
    auto built = run_policykg({"build", "-o", out});
    ASSERT_EQ(built.exit_code, 0) << built.err;
    const std::string again = (tmp.path() / ("again." + ext)).string();
    ASSERT_EQ(run_policykg({"build", "-o", again}).exit_code, 0);
    EXPECT_EQ(read_file(out), read_file(again)) << "not deterministic: " << ext;
    if (python.empty()) {
      std::cerr << "python3-rdflib is missing (scripts/install-deps): the " << ext << " file is not read back\n";
      continue;
    }
    const std::string script = std::string(POLICYKG_SOURCE_DIR) + "/tests/e2e/read_dataset.py";
    const std::string listing = (tmp.path() / "listing.txt").string();
    const std::string cmd = python + " " + policykg::test::shell_quote(script) + " " +
                            (ext == "nq" ? "nquads" : "trig") + " " + policykg::test::shell_quote(out) + " > " +
                            policykg::test::shell_quote(listing);
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::string names;
    std::istringstream lines(read_file(listing));
    for (std::string line; std::getline(lines, line);) names += line.substr(0, line.rfind(' ')) + "\n";
    EXPECT_EQ(names,
              "DEFAULT\n"
              "https://w3id.org/policykg/id/doc/state-council-2015-81/en\n"
              "https://w3id.org/policykg/id/doc/state-council-2017-86/en\n"
              "https://w3id.org/policykg/id/doc/state-council-2020-123/en\n"
              "https://w3id.org/policykg/id/doc/state-council-reply-2019-beijing-service-sector-plan/en\n")
        << ext;
  }
}
