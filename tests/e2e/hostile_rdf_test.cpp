// RDF input not to be trusted, through the real binary: each document that once crashed a reader,
// took minutes or was read in part gives one error naming the file and line and exit code 1.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "tests/e2e/run.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using policykg::test::run_policykg;

namespace {

fs::path write(const std::string& name, const std::string& text) {
  const fs::path file = policykg::test::process_temp_dir() / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

// `stats` reads --data into a store, `query` straight into triples: both readers are run.
void expect_refused(const fs::path& file, const std::string& place, const std::string& message) {
  for (std::vector<std::string> args : {std::vector<std::string>{"stats", "--data", file.string()},
                                        {"query", "--data", file.string(), "-e", "SELECT * WHERE { ?s ?p ?o }"}}) {
    auto r = run_policykg(args);
    EXPECT_EQ(r.exit_code, 1) << args[0] << " " << file << ": " << r.err;
    EXPECT_NE(r.err.find(file.string() + place), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args[0] << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args[0] << ": " << r.out;
  }
}

}  // namespace

TEST(HostileRdf, LongLanguageTagsAreRefused) {
  // 300 characters aborted in raptor (malloc(): invalid size), 10,000 were a SIGSEGV.
  for (std::size_t n : {300u, 10000u}) {
    const std::string tag(n, 'a');
    expect_refused(write("lang.ttl", "<http://a> <http://b> \"c\"@" + tag + " .\n"), ":1:", "language tag");
    expect_refused(write("lang.rdf", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n"
                                     "<rdf:Description rdf:about=\"http://a\"><ex:p xml:lang=\"" + tag + "\">c</ex:p></rdf:Description>\n"
                                     "</rdf:RDF>\n"),
                   ":2:", "language tag");
  }
}

TEST(HostileRdf, NulAndBadUtf8AreRefusedNotTruncated) {
  expect_refused(write("nul.nt", "<http://a> <http://b> \"c\" .\n<http://a> <http://b> \"c" + std::string(1, '\0') + "d\" .\n"),
                 ":2:25", "NUL");
  expect_refused(write("ff.ttl", "<http://a> <http://b> \"c\xff\" .\n"), ":1:25", "not valid UTF-8");
}

TEST(HostileRdf, NQuadsInTwoGraphsAreReadAsTheirUnion) {
  auto r = policykg::test::run_policykg(
      {"query", "--data", write("two.nq", "<http://a> <http://b> \"c\" <http://g> .\n<http://a> <http://b> \"d\" <http://h> .\n").string(),
       "--format", "tsv", "-e", "SELECT ?o WHERE { <http://a> <http://b> ?o } ORDER BY ?o"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?o\n\"c\"\n\"d\"\n");
}

TEST(HostileRdf, DeepJsonLdIsRefused) {
  std::string text = "{\"@id\": \"http://a\", \"http://b\": ";
  for (int i = 0; i < 10000; ++i) text += "[";
  expect_refused(write("deep.jsonld", text), ":1:", "nested too deeply");
}

TEST(HostileRdf, DeepTurtleIsRefused) {
  expect_refused(write("deep.ttl", "<http://a> <http://b> " + std::string(30000, '(') + "\n"), ":1:", "nested too deeply");
}

TEST(HostileRdf, RdfXmlEntityExpansionIsBounded) {
  // 106 KB like this took 14 s and 2 GB.
  std::string text = "<!DOCTYPE rdf:RDF [<!ENTITY e \"" + std::string(10000, 'x') + "\">]>\n"
                     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n"
                     "<rdf:Description rdf:about=\"http://a\"><ex:p>";
  for (int i = 0; i < 20000; ++i) text += "&e;";
  text += "</ex:p></rdf:Description></rdf:RDF>\n";
  expect_refused(write("entities.rdf", text), ":3:", "entity references expand to more than");
}

TEST(HostileRdf, StoresThatAreMissingNotFilesOrDamagedAreRefused) {
  const fs::path missing = write("missing.db", "").parent_path() / "never-made.db";
  auto r = run_policykg({"stats", "--store", "sqlite:" + missing.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("no such store"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(missing)) << "a reading command made the store";
  r = run_policykg({"stats", "--store", "sqlite:/dev/null"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
  // A store build made, then damaged in the middle: it read 177 of 2,913 triples with exit 0.
  const fs::path db = missing.parent_path() / "damaged.db";
  fs::remove(db);
  ASSERT_EQ(run_policykg({"build", "--store", "sqlite:" + db.string()}).exit_code, 0);
  ASSERT_GT(fs::file_size(db), 100000u);
  ASSERT_EQ(run_policykg({"stats", "--store", "sqlite:" + db.string()}).exit_code, 0);
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(65536);
    const std::string junk(4096, '\xde');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  for (std::string command : {"stats", "query"}) {
    std::vector<std::string> args = {command, "--store", "sqlite:" + db.string()};
    if (command == "query") args.insert(args.end(), {"-e", "SELECT * WHERE { ?s ?p ?o }"});
    r = run_policykg(args);
    EXPECT_EQ(r.exit_code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find("damaged"), std::string::npos) << command << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << command << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << command;
  }
}
