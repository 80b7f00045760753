// --endpoint and publish on the real binary: against `policykg serve` (which answers queries and
// refuses uploads), against servers that are no SPARQL endpoint, and against Virtuoso 7 when
// POLICYKG_TEST_VIRTUOSO names one (scripts/virtuoso starts it; .ci/run does so for CI): the graph
// published there answers every example query, stats, export and every traversal as the file it
// was built into.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_binary;
using test::run_policykg;
using test::RunResult;

const fs::path kExamples = fs::path(POLICYKG_SOURCE_DIR) / "examples" / "queries";
const std::string kGraphs = "https://w3id.org/policykg/id/*";  // every graph publish writes

std::vector<fs::path> example_queries() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kExamples))
    if (e.path().extension() == ".rq") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs policykg with `environment` ("NAME=value ...") and with no credentials but those given.
RunResult run_with(const std::string& environment, const std::vector<std::string>& args) {
  return run_binary(POLICYKG_BINARY, args, {}, "env -u POLICYKG_ENDPOINT_USER -u POLICYKG_ENDPOINT_PASSWORD -u NETRC " + environment);
}

// The first line where two outputs differ, for a message shorter than both.
std::string first_difference(const std::string& remote, const std::string& local) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < std::min(remote.size(), local.size()) && remote[i] == local[i]; ++i)
    if (remote[i] == '\n') ++line, start = i + 1;
  auto line_of = [&](const std::string& s) { return s.substr(start, s.find('\n', start) - start); };
  return "line " + std::to_string(line) + ":\n  remote: " + line_of(remote) + "\n  local:  " + line_of(local);
}

// The same outcome: exit status, standard output and standard error (an ASK query asked for TSV
// fails alike).
void expect_same(const RunResult& remote, const RunResult& local, const std::string& what) {
  EXPECT_EQ(remote.exit_code, local.exit_code) << what << "\n" << remote.err;
  EXPECT_TRUE(remote.out == local.out) << what << ": " << first_difference(remote.out, local.out);
  EXPECT_EQ(remote.err, local.err) << what;
}

// What Virtuoso 7.2 does to the data it stores: an xsd:duration literal becomes its number of
// months ("P3Y", the one duration of the corpus, is answered as "36"), which no client can undo
// (docs/remote-servers.md).
RunResult as_virtuoso_keeps_it(RunResult r) {
  for (auto at = r.out.find("P3Y"); at != std::string::npos; at = r.out.find("P3Y", at)) r.out.replace(at, 3, "36");
  return r;
}

// One line on stderr, exit 1.
void expect_one_error(const RunResult& r, const std::string& part) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// Every traversal command, with each kind of ENTITY (a citation key, a run of words, a label, an
// IRI, a document number), each output format and their options: --endpoint fetches only what
// each reads, and must answer as the whole file does.
std::vector<std::vector<std::string>> traversal_cases() {
  return {{"responsible", "T9.5.2"},
          {"responsible", "human resources service institutions", "--all", "--format", "json"},
          {"responsible", "--all-units", "--format", "tsv"},
          {"duties", "Ministry of Commerce", "--inherited", "--include-sub", "--format", "csv"},
          {"duties", "Xicheng District", "--format", "json"},
          {"duties", "Ministry of Commerce", "--include-sub"},
          {"deps", "T7.7.10"},
          {"deps", "id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1", "--reverse", "--format", "json"},
          {"impact", "No. 81 [2015]"},
          {"path", "Xicheng District", "Ministry of Finance"},
          {"path", "T9.5.2", "T7.7.10", "--via", "dcterms:isPartOf", "--format", "json"}};
}

// Each traversal case asked of `endpoint_args` and of the file: the same output.
void expect_traversals_as_the_file(const std::string& local_file, const std::vector<std::string>& endpoint_args) {
  for (auto args : traversal_cases()) {
    std::string what;
    for (const auto& a : args) what += " " + a;
    auto local_args = args;
    local_args.insert(local_args.end(), {"--data", local_file});
    auto local = run_policykg(local_args);
    ASSERT_EQ(local.exit_code, 0) << what << "\n" << local.err;
    EXPECT_GT(std::count(local.out.begin(), local.out.end(), '\n'), 3) << what;
    args.insert(args.end(), endpoint_args.begin(), endpoint_args.end());
    expect_same(run_with("", args), local, what);
  }
}

// The seed built once into a Turtle file, which serve reads, and into an index file of it, the
// local side of every comparison: an index answers every command as the file it was made from
// (index_command_test.cpp), and opens at once where each Turtle read would parse the graph again.
class RemoteEndpoint : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("policykg-remote-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    seed_ = (dir_ / "seed.ttl").string();
    local_ = (dir_ / "seed.pkgi").string();
    auto r = run_policykg({"build", "-o", seed_, "--quiet"});
    if (r.exit_code == 0) r = run_policykg({"index", seed_, "-o", local_});
    build_err_ = r.exit_code == 0 ? "" : r.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  void SetUp() override { ASSERT_TRUE(build_err_.empty()) << build_err_; }
  static fs::path dir_;
  static std::string seed_, local_, build_err_;
};
fs::path RemoteEndpoint::dir_;
std::string RemoteEndpoint::seed_, RemoteEndpoint::local_, RemoteEndpoint::build_err_;

TEST_F(RemoteEndpoint, QueriesToServeAnswerAsTheFile) {
  test::ServeProcess serve({"--data", seed_});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string sparql = "http://127.0.0.1:" + std::to_string(serve.port()) + "/sparql";
  // every query as TSV; one in three as a table too (the same rows through another writer)
  const auto queries = example_queries();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    for (const char* format : {"tsv", "table"}) {
      if (format == std::string("table") && i % 3 != 0) continue;
      auto local = run_policykg({"query", queries[i].string(), "--data", local_, "--format", format});
      auto remote = run_with("", {"query", queries[i].string(), "--endpoint", sparql, "--format", format});
      expect_same(remote, local, queries[i].string() + " --format " + format);
    }
  }
  // graphs, and the predefined prefixes undeclared
  const std::string construct = "CONSTRUCT { ?d rdfs:label ?l } WHERE { ?d a pol:Document ; rdfs:label ?l }";
  auto local = run_policykg({"query", "-e", construct, "--data", local_, "--format", "ntriples"});
  auto remote = run_with("", {"query", "-e", construct, "--endpoint", sparql, "--format", "ntriples"});
  EXPECT_FALSE(remote.out.empty());
  expect_same(remote, local, construct);
  for (const char* format : {"table", "json"}) {
    auto local_stats = run_policykg({"stats", "--data", local_, "--format", format});
    auto remote_stats = run_with("", {"stats", "--endpoint", sparql, "--format", format});
    expect_same(remote_stats, local_stats, std::string("stats --format ") + format);
  }
  auto local_export = run_policykg({"export", "--format", "graphml", "--data", local_});
  auto remote_export = run_with("", {"export", "--format", "graphml", "--endpoint", sparql});
  expect_same(remote_export, local_export, "export --format graphml");
}

TEST_F(RemoteEndpoint, TraversalsToServeAnswerAsTheFile) {
  test::ServeProcess serve({"--data", seed_});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string sparql = "http://127.0.0.1:" + std::to_string(serve.port()) + "/sparql";
  expect_traversals_as_the_file(local_, {"--endpoint", sparql});
  // an entity the graph does not hold: one error naming it
  expect_one_error(run_with("", {"responsible", "no such agency anywhere", "--endpoint", sparql}),
                   "entity \"no such agency anywhere\": no resource has this label");
  expect_one_error(run_with("", {"deps", "id:no/such/unit", "--endpoint", sparql}),
                   "no resource <https://w3id.org/policykg/id/no/such/unit> in the graph");
}

TEST_F(RemoteEndpoint, ServeRefusesUploads) {
  test::ServeProcess serve({"--data", seed_});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string url = "http://127.0.0.1:" + std::to_string(serve.port()) + "/sparql";
  auto r = run_with("", {"publish", test::kSeedDocument, "--to", url});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("PUT " + url + "?graph="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HTTP 4"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST_F(RemoteEndpoint, UsageErrors) {
  auto r = run_with("", {"publish"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--to"), std::string::npos) << r.err;
  r = run_with("", {"query", "-e", "ASK {}", "--endpoint", "http://127.0.0.1:1/sparql", "--data", seed_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--endpoint"), std::string::npos) << r.err;
  r = run_with("", {"query", "-e", "ASK {}", "--endpoint", "http://dba:secret@127.0.0.1:1/sparql"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find("secret"), std::string::npos) << r.err;
  r = run_with("", {"stats", "--endpoint-graph", "http://ex/g"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--endpoint"), std::string::npos) << r.err;
}

TEST_F(RemoteEndpoint, UnreachableSilentAndForeignServersAreOneErrorEach) {
  // nothing listens: refused at once, retried, then one error
  int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(probe, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string closed = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/sparql";
  expect_one_error(run_with("", {"query", "-e", "ASK {}", "--endpoint", closed}), "cannot connect");
  // listening, never answering: the read timeout ends it
  ASSERT_EQ(::listen(probe, 4), 0);
  const auto started = std::chrono::steady_clock::now();
  expect_one_error(run_with("", {"stats", "--endpoint", closed, "--endpoint-timeout", "1"}), "no complete answer within 1 s");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  ::close(probe);
  // a web server that is no SPARQL endpoint: serve's pages
  test::ServeProcess serve({"--data", seed_});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string origin = "http://127.0.0.1:" + std::to_string(serve.port());
  expect_one_error(run_with("", {"query", "-e", "SELECT * { ?s ?p ?o }", "--endpoint", origin + "/no-such-page"}), "HTTP 4");
  expect_one_error(run_with("", {"query", "-e", "SELECT * { ?s ?p ?o }", "--endpoint", origin + "/sparql", "--endpoint-graph",
                                 "http://ex/g"}),
                   "HTTP 400");
}

// Virtuoso, when scripts/virtuoso started one.
class Virtuoso : public RemoteEndpoint {
 protected:
  void SetUp() override {
    RemoteEndpoint::SetUp();
    const char* url = std::getenv("POLICYKG_TEST_VIRTUOSO");
    const char* netrc = std::getenv("POLICYKG_TEST_VIRTUOSO_NETRC");
    if (!url || !*url || !netrc || !*netrc)
      GTEST_SKIP() << "no Virtuoso: start one with scripts/virtuoso start DIR and source DIR/env "
                      "(POLICYKG_TEST_VIRTUOSO, POLICYKG_TEST_VIRTUOSO_NETRC), as .ci/run does";
    sparql_ = std::string(url) + "/sparql";
    store_ = std::string(url) + "/sparql-graph-crud-auth";
    netrc_ = std::string("NETRC=") + test::shell_quote(netrc);
  }
  std::string sparql_, store_, netrc_;
};

TEST_F(Virtuoso, PublishedGraphsAnswerAsTheFile) {
  // small batches, so that graphs go as a PUT and POSTs
  auto published = run_with(netrc_, {"publish", "--to", store_, "--batch-size", "64"});
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_NE(published.out.find("https://w3id.org/policykg/id/graph/shared\t"), std::string::npos) << published.out;
  EXPECT_NE(published.err.find("published "), std::string::npos) << published.err;
  // every query as TSV; one in three as JSON too (the same terms through another writer)
  const auto queries = example_queries();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    for (const char* format : {"tsv", "json"}) {
      if (format == std::string("json") && i % 3 != 0) continue;
      auto local = run_policykg({"query", queries[i].string(), "--data", local_, "--format", format});
      auto remote = run_with(
          "", {"query", queries[i].string(), "--endpoint", sparql_, "--endpoint-graph", kGraphs, "--format", format});
      expect_same(remote, as_virtuoso_keeps_it(local), queries[i].string() + " --format " + format);
    }
  }
  auto local_stats = run_policykg({"stats", "--data", local_, "--format", "json"});
  auto remote_stats = run_with("", {"stats", "--endpoint", sparql_, "--endpoint-graph", kGraphs, "--format", "json"});
  expect_same(remote_stats, local_stats, "stats --format json");
  auto local_export = run_policykg({"export", "--format", "graphml", "--data", local_});
  auto remote_export = run_with("", {"export", "--format", "graphml", "--endpoint", sparql_, "--endpoint-graph", kGraphs});
  expect_same(remote_export, as_virtuoso_keeps_it(local_export), "export --format graphml");
  expect_traversals_as_the_file(local_, {"--endpoint", sparql_, "--endpoint-graph", kGraphs});
}

TEST_F(Virtuoso, UploadsNeedCredentials) {
  expect_one_error(run_with("HOME=" + test::shell_quote(dir_.string()), {"publish", test::kSeedDocument, "--to", store_}),
                   "HTTP 401 Unauthorized (give credentials in POLICYKG_ENDPOINT_USER");
  auto r = run_with("POLICYKG_ENDPOINT_USER=dba POLICYKG_ENDPOINT_PASSWORD=not-the-password",
                    {"publish", test::kSeedDocument, "--to", store_});
  expect_one_error(r, "were refused");
  EXPECT_EQ(r.err.find("not-the-password"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace policykg
