// policykg index (docs/index-format.md) through the real binary: every example query answers the
// same, byte for byte, from the index as from the N-Triples it was made from; other commands read
// it through --data; the same input gives the same bytes (from `index` and from `build -o
// FILE.pkgi`); and each kind of damage (empty, foreign, truncated at several points, another
// version, a flipped byte in any section) gives one line naming the file and the problem, never a
// crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_policykg;

const fs::path kExamples = fs::path(POLICYKG_SOURCE_DIR) / "examples" / "queries";

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  if (fs::exists(kExamples))
    for (const auto& entry : fs::directory_iterator(kExamples))
      if (entry.path().extension() == ".rq") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// The seed graph as N-Triples and as an index made from it, shared by the suite.
class IndexCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("policykg-index-command-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto built = run_policykg({"build", "-o", (dir_ / "graph.nt").string()});
    auto indexed = run_policykg({"index", (dir_ / "graph.nt").string(), "-o", (dir_ / "graph.pkgi").string()});
    setup_error_ = built.exit_code != 0 ? built.err : indexed.exit_code != 0 ? indexed.err : "";
    if (setup_error_.empty()) index_bytes_ = test::read_file(dir_ / "graph.pkgi");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override { ASSERT_EQ(setup_error_, ""); }
  static fs::path nt() { return dir_ / "graph.nt"; }
  static fs::path index() { return dir_ / "graph.pkgi"; }
  static fs::path dir_;
  static std::string setup_error_, index_bytes_;
};
fs::path IndexCommand::dir_;
std::string IndexCommand::setup_error_, IndexCommand::index_bytes_;

class IndexExamples : public IndexCommand, public ::testing::WithParamInterface<std::string> {};

TEST_P(IndexExamples, AnswerIsTheSameFromTheIndex) {
  const fs::path rq = kExamples / (GetParam() + ".rq");
  for (const char* format : {"json", "table"}) {
    auto from_nt = run_policykg({"query", rq.string(), "--data", nt().string(), "--format", format});
    auto from_index = run_policykg({"query", rq.string(), "--data", index().string(), "--format", format});
    ASSERT_EQ(from_nt.exit_code, 0) << from_nt.err;
    ASSERT_EQ(from_index.exit_code, 0) << from_index.err;
    EXPECT_FALSE(from_nt.out.empty());
    EXPECT_EQ(from_index.out, from_nt.out) << rq << " --format " << format;
  }
}

INSTANTIATE_TEST_SUITE_P(Queries, IndexExamples, ::testing::ValuesIn(example_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

TEST_F(IndexCommand, OtherCommandsReadTheIndexThroughData) {
  for (std::vector<std::string> args : {std::vector<std::string>{"stats"},
                                        {"responsible", "T9.5.2"},
                                        {"responsible", "human resources service institutions", "--all", "--format", "json"},
                                        {"responsible", "--all-units", "--format", "tsv"},
                                        {"duties", "Ministry of Commerce", "--include-sub"},
                                        {"duties", "Xicheng District", "--inherited", "--format", "csv"},
                                        {"deps", "T7.7.10", "--format", "json"},
                                        {"impact", "No. 81 [2015]"},
                                        {"path", "Xicheng District", "Ministry of Finance"},
                                        {"export", "--format", "dot"}}) {
    std::string what;
    for (const auto& arg : args) what += " " + arg;
    auto a = args, b = args;
    a.insert(a.end(), {"--data", nt().string()});
    b.insert(b.end(), {"--data", index().string()});
    auto from_nt = run_policykg(a), from_index = run_policykg(b);
    ASSERT_EQ(from_nt.exit_code, 0) << what << ": " << from_nt.err;
    EXPECT_EQ(from_index.exit_code, 0) << what << ": " << from_index.err;
    EXPECT_GT(std::count(from_nt.out.begin(), from_nt.out.end(), '\n'), 2) << what;
    EXPECT_EQ(from_index.out, from_nt.out) << what;
  }
}

TEST_F(IndexCommand, TheSameInputGivesTheSameBytes) {
  const fs::path again = dir_ / "again.pkgi", built = dir_ / "built.pkgi";
  auto r = run_policykg({"index", nt().string(), "-o", again.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(again), index_bytes_);
  // build -o FILE.pkgi writes what index writes from the N-Triples build writes
  r = run_policykg({"build", "-o", built.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(built), index_bytes_);
  // the name does not matter: the magic bytes do
  fs::copy_file(index(), dir_ / "graph.ttl", fs::copy_options::overwrite_existing);
  auto q = run_policykg({"query", "-e", "ASK { ?s ?p ?o }", "--data", (dir_ / "graph.ttl").string(), "--format", "json"});
  EXPECT_EQ(q.exit_code, 0) << q.err;
  EXPECT_NE(q.out.find("true"), std::string::npos);
}

TEST_F(IndexCommand, VerifySaysWhatTheIndexHolds) {
  auto r = run_policykg({"index", "--verify", index().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("every section's checksum matches"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 named graphs"), std::string::npos) << r.out;
}

TEST_F(IndexCommand, NamedGraphsAreKept) {
  const fs::path named = dir_ / "named.pkgi";
  const std::string graph = "https://example.org/graph/seed";
  auto r = run_policykg({"index", nt().string(), "--named", graph + "=" + nt().string(), "-o", named.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
  auto from_files = run_policykg({"query", "-e", q, "--data", nt().string(), "--named", graph + "=" + nt().string(), "--format", "csv"});
  auto from_index = run_policykg({"query", "-e", q, "--data", named.string(), "--format", "csv"});
  ASSERT_EQ(from_files.exit_code, 0) << from_files.err;
  ASSERT_EQ(from_index.exit_code, 0) << from_index.err;
  EXPECT_NE(from_index.out.find(graph), std::string::npos) << from_index.out;
  EXPECT_EQ(from_index.out, from_files.out);
}

TEST_F(IndexCommand, AnIndexIsReadAlone) {
  auto r = run_policykg({"query", "-e", "ASK {}", "--data", index().string(), "--data", nt().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("only --data"), std::string::npos) << r.err;
}

// serve maps the index and reads it where it lies: every kind of page and answer is the same, byte
// for byte, as when it serves the N-Triples the index was made from.
TEST_F(IndexCommand, ServeAnswersTheSameFromTheIndex) {
  test::ServeProcess from_nt({"--data", nt().string()}), from_index({"--data", index().string()});
  ASSERT_GT(from_nt.port(), 0) << from_nt.stderr_text();
  ASSERT_GT(from_index.port(), 0) << from_index.stderr_text();
  const std::string pol = "PREFIX pol: <https://w3id.org/policykg/ontology#> ";
  const std::string measures = pol + "SELECT ?m ?t WHERE { ?m a pol:Measure ; pol:text ?t } ORDER BY ?m";
  const std::string id = "/id/doc/state-council-reply-2019-beijing-service-sector-plan";
  const std::string task = "/page/doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/7";
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"/", "text/html"},
      {"/sparql?query=" + test::url_encode(measures), "application/sparql-results+json"},
      {"/sparql?query=" + test::url_encode(pol + "CONSTRUCT WHERE { ?m pol:sector ?s }"), "application/n-triples"},
      {"/sparql", "text/turtle"},
      {"/.well-known/void", "text/turtle"},
      {"/dcat", "text/turtle"},
      {"/dump.nt", "application/n-triples"},
      {"/dump.ttl", "text/turtle"},
      {task, "text/html"},
      {"/page/agency/ministry-of-commerce", "text/html"},
      {"/data/agency/ministry-of-commerce.ttl", "text/turtle"},
      {id, "text/turtle"},
      {"/data" + id.substr(3) + ".jsonld", "application/ld+json"},
      {"/graph?focus=" + test::url_encode("https://w3id.org/policykg/id/district/xicheng") + "&hops=2", "text/html"},
      {"/search?q=" + test::url_encode("human resources") + "&format=json", "application/json"},
      {"/pictures", "text/html"},
      {"/page/no/such/thing", "text/html"},
  };
  // The descriptions name the server's own address, which differs by its port.
  auto without_port = [](std::string body, int port) {
    const std::string origin = "127.0.0.1:" + std::to_string(port);
    for (auto at = body.find(origin); at != std::string::npos; at = body.find(origin, at))
      body.replace(at, origin.size(), "ORIGIN");
    return body;
  };
  for (const auto& [target, accept] : requests) {
    auto a = test::http_request(from_nt.port(), "GET", target, {{"Accept", accept}});
    auto b = test::http_request(from_index.port(), "GET", target, {{"Accept", accept}});
    EXPECT_EQ(b.status, a.status) << target;
    EXPECT_EQ(b.header("content-type"), a.header("content-type")) << target;
    const std::string body_a = without_port(a.body, from_nt.port()), body_b = without_port(b.body, from_index.port());
    auto differs = std::mismatch(body_a.begin(), body_a.end(), body_b.begin(), body_b.end());
    EXPECT_TRUE(body_a == body_b) << target << ": the bodies differ from byte " << (differs.first - body_a.begin())
                                  << ": " << std::string(differs.first, body_a.end()).substr(0, 120) << " | "
                                  << std::string(differs.second, body_b.end()).substr(0, 120);
    if (target != "/page/no/such/thing") {
      EXPECT_LT(a.status, 400) << target << ": " << a.body.substr(0, 200);
    }
  }
  // Both say they serve the same number of triples.
  auto count = [](const std::string& log) { return log.substr(0, log.find(" at http")); };
  EXPECT_EQ(count(from_index.stderr_text()), count(from_nt.stderr_text()));
}

// The damaged file given to query --data, index --verify and serve: exit 1 with one line naming
// the file and `expected`; never a signal.
void expect_refused(const fs::path& file, const std::string& expected, bool structure_sees_it = true) {
  std::vector<std::vector<std::string>> runs = {{"index", "--verify", file.string()}};
  if (structure_sees_it) runs.push_back({"query", "-e", "SELECT * WHERE { ?s ?p ?o }", "--data", file.string()});
  for (const auto& args : runs) {
    auto r = run_policykg(args);
    test::expect_no_sanitizer_report(args[0], r.err);
    EXPECT_EQ(r.exit_code, 1) << args[0] << " " << expected << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(file.string() + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << args[0] << ": " << r.err;
  }
}

TEST_F(IndexCommand, EmptyForeignAndOtherVersionsAreRefused) {
  write_bytes(dir_ / "empty.pkgi", "");
  expect_refused(dir_ / "empty.pkgi", "empty file");
  write_bytes(dir_ / "foreign.pkgi", "PK\x03\x04 a zip file, say");
  auto r = run_policykg({"index", "--verify", (dir_ / "foreign.pkgi").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a policykg index file"), std::string::npos) << r.err;
  std::string v7 = index_bytes_;
  v7[8] = 7;
  write_bytes(dir_ / "v7.pkgi", v7);
  expect_refused(dir_ / "v7.pkgi", "index format version 7; this policykg reads version 2");
}

TEST_F(IndexCommand, ATruncatedIndexIsRefused) {
  const std::size_t size = index_bytes_.size();
  for (std::size_t cut : {std::size_t{8}, std::size_t{20}, std::size_t{33}, std::size_t{200}, size / 3, size / 2, size - 1}) {
    const fs::path p = dir_ / ("cut-" + std::to_string(cut) + ".pkgi");
    write_bytes(p, index_bytes_.substr(0, cut));
    expect_refused(p, "index truncated");
  }
}

TEST_F(IndexCommand, AFlippedByteIsFoundInEverySection) {
  // the section table: S at byte 16, 32-byte entries from byte 32 (kind, graph, offset, length)
  std::uint32_t count;
  std::memcpy(&count, index_bytes_.data() + 16, 4);
  ASSERT_EQ(count, 7u);  // the dictionary's three, the default graph's four
  const char* names[] = {"", "term offsets", "term bytes", "term order", "SPO of the default graph",
                         "POS of the default graph", "OSP of the default graph", "statistics of the default graph"};
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* entry = index_bytes_.data() + 32 + 32 * i;
    std::uint32_t kind;
    std::uint64_t offset, length;
    std::memcpy(&kind, entry, 4);
    std::memcpy(&offset, entry + 8, 8);
    std::memcpy(&length, entry + 16, 8);
    ASSERT_TRUE(kind >= 1 && kind <= 7);
    ASSERT_GT(length, 0u);
    std::string damaged = index_bytes_;
    damaged[offset + length / 2] ^= 0x20;
    const fs::path p = dir_ / ("flipped-" + std::to_string(kind) + ".pkgi");
    write_bytes(p, damaged);
    expect_refused(p, std::string("index damaged: the ") + names[kind], false);
    // reading it unverified may answer wrongly or fail, but neither crashes nor hangs
    auto q = run_policykg({"query", "-e", "SELECT ?s ?o WHERE { ?s a ?o } ORDER BY ?s", "--data", p.string()});
    test::expect_no_sanitizer_report("query", q.err);
    EXPECT_TRUE(q.exit_code == 0 || q.exit_code == 1) << names[kind] << ": exit " << q.exit_code << " " << q.err;
    // serve checks every section before it starts
    auto s = run_policykg({"serve", "--data", p.string(), "--port", "0"});
    EXPECT_EQ(s.exit_code, 1) << names[kind] << ": " << s.err;
    EXPECT_NE(s.err.find("fails its checksum"), std::string::npos) << s.err;
  }
  // a flipped byte in the section table
  std::string table = index_bytes_;
  table[32 + 32 * 2 + 17] ^= 0x01;
  write_bytes(dir_ / "table.pkgi", table);
  expect_refused(dir_ / "table.pkgi", "header or section table fails its checksum");
}

}  // namespace
}  // namespace policykg
