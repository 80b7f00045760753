// Whole sites of the server's fixture graph: every file is what the server answers, the folder is
// replaced whole or left as it was, and the same graph gives the same bytes on any thread count.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "site/site_writer.hpp"
#include "tests/server/test_server.hpp"

namespace fs = std::filesystem;
using policykg::site::SiteOptions;
using policykg::site::write_site;
using policykg::test::TestServer;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every file under `dir` (relative path → content).
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = read(e.path());
  return out;
}

class SiteWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("policykg-site-writer-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(root_);
  }
  SiteOptions options(const fs::path& dir) const {
    SiteOptions o;
    o.dir = dir;
    o.server = policykg::test::fixture_options();
    return o;
  }
  // Nothing but `names` in root_: no temporary folder left behind.
  void expect_only(std::vector<std::string> names) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(root_)) found.push_back(e.path().filename().string());
    std::sort(found.begin(), found.end());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(found, names);
  }
  fs::path root_;
};

}  // namespace

TEST_F(SiteWriter, EveryDocumentIsWhatTheServerAnswers) {
  TestServer server;
  const std::string origin = "http://127.0.0.1:" + std::to_string(server.port());
  auto o = options(root_ / "site");
  o.site_url = origin;
  o.endpoint = origin + "/sparql";
  const auto summary = write_site(server.model(), o);
  EXPECT_GT(summary.resources, 5u);
  const auto files = tree(root_ / "site");
  EXPECT_EQ(summary.files, files.size());
  auto client = server.client();
  auto served = [&](const std::string& path, const std::string& accept) {
    auto res = client.Get(path, {{"Accept", accept}, {"Accept-Encoding", "identity"}});
    EXPECT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    return res ? res->body : std::string();
  };
  const std::string measure = "doc/sample-reply/provision/1/measure/1";
  for (const std::string& name : {measure, std::string("agency/state-council"), std::string("doc/sample-reply")}) {
    for (auto [ext, type] : {std::pair{"ttl", "text/turtle"}, std::pair{"nt", "application/n-triples"},
                             std::pair{"jsonld", "application/ld+json"}, std::pair{"rdf", "application/rdf+xml"}}) {
      ASSERT_TRUE(files.contains("id/" + name + "." + ext)) << name << "." << ext;
      EXPECT_EQ(files.at("id/" + name + "." + ext), served("/data/" + name + "." + ext, type)) << name << "." << ext;
    }
    ASSERT_TRUE(files.contains("id/" + name + ".html"));
  }
  for (auto [file, path, type] : {std::tuple{"ontology.ttl", "/ontology.ttl", "text/turtle"},
                                  std::tuple{"ontology.jsonld", "/ontology.jsonld", "application/ld+json"},
                                  std::tuple{".well-known/void.ttl", "/.well-known/void", "text/turtle"},
                                  std::tuple{".well-known/void.nt", "/.well-known/void", "application/n-triples"},
                                  std::tuple{"dcat.ttl", "/dcat", "text/turtle"},
                                  std::tuple{"dcat.rdf", "/dcat", "application/rdf+xml"},
                                  std::tuple{"dump.nq", "/dump.nq", "application/n-quads"},
                                  std::tuple{"dump.ttl", "/dump.ttl", "text/turtle"},
                                  std::tuple{"site.css", "/site.css", "text/css"}}) {
    ASSERT_TRUE(files.contains(file)) << file;
    // The ontology's blank nodes are labelled by a counter of the process that read it (the
    // server of this test and the site's read it once each), so the labels' prefix is left out.
    const std::regex counter("_:t[0-9]+_");
    EXPECT_EQ(std::regex_replace(files.at(file), counter, "_:"), std::regex_replace(served(path, type), counter, "_:"))
        << file;
  }
  // the pages: the server's, with relative links and without what needs the server
  const std::string& page = files.at("id/" + measure + ".html");
  EXPECT_NE(page.find("href=\"../../../../../../site.css\""), std::string::npos);
  EXPECT_NE(page.find("href=\"../../../../../../id/doc/sample-reply.html\""), std::string::npos) << page;
  EXPECT_NE(page.find("href=\"../../../../../../id/" + measure + ".ttl\""), std::string::npos);
  EXPECT_EQ(page.find("href=\"/"), std::string::npos);
  EXPECT_EQ(page.find("data-needs-server"), std::string::npos);
  EXPECT_EQ(page.find("graph?focus"), std::string::npos);
  EXPECT_NE(files.at("pictures.html").find("\"suffix\":\".html\""), std::string::npos);
  for (auto name : {".htaccess", "nginx.conf", "README.md", ".policykg-site", ".nojekyll", "index.html", "graph.html"})
    EXPECT_TRUE(files.contains(name)) << name;
  expect_only({"site"});
}

TEST_F(SiteWriter, AStaticSiteNamesNoEndpoint) {
  TestServer server;
  write_site(server.model(), options(root_ / "site"));
  const auto files = tree(root_ / "site");
  EXPECT_EQ(files.at(".well-known/void.ttl").find("sparqlEndpoint"), std::string::npos);
  EXPECT_EQ(files.at("dcat.ttl").find("DataService"), std::string::npos);
  // the default site URL: the base without "id/"
  EXPECT_NE(files.at(".well-known/void.nt").find("<https://w3id.org/policykg/dump.ttl>"), std::string::npos);
  EXPECT_NE(files.at(".htaccess").find("RewriteBase /policykg/"), std::string::npos);
}

TEST_F(SiteWriter, TheSameGraphGivesTheSameBytesOnAnyThreadCount) {
  TestServer server;
  auto one = options(root_ / "one");
  one.threads = 1;
  auto four = options(root_ / "four");
  four.threads = 4;
  write_site(server.model(), one);
  write_site(server.model(), four);
  // Each site read the ontology once, and Turtle's blank nodes are labelled by a counter of the
  // process (two processes give the same bytes: PublishSite.TwoRunsGiveTheSameBytesWhateverTheThreads).
  const std::regex counter("_:t[0-9]+_");
  auto without_counter = [&](std::map<std::string, std::string> files) {
    for (auto& [name, content] : files) content = std::regex_replace(content, counter, "_:");
    return files;
  };
  EXPECT_EQ(without_counter(tree(root_ / "one")), without_counter(tree(root_ / "four")));
}

TEST_F(SiteWriter, APreviousSiteIsReplacedWhole) {
  TestServer server;
  const fs::path dir = root_ / "site";
  write_site(server.model(), options(dir));
  std::ofstream(dir / "id" / "stale.html") << "old";
  const auto before = fs::status(dir).permissions();
  write_site(server.model(), options(dir));
  EXPECT_FALSE(fs::exists(dir / "id" / "stale.html"));
  EXPECT_TRUE(fs::exists(dir / "index.html"));
  EXPECT_EQ(fs::status(dir).permissions(), before);
  expect_only({"site"});
}

TEST_F(SiteWriter, AForeignFolderIsReplacedOnlyWithForce) {
  TestServer server;
  const fs::path dir = root_ / "mine";
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "keep me";
  try {
    write_site(server.model(), options(dir));
    FAIL() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), dir.string());
    EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read(dir / "notes.txt"), "keep me");
  auto forced = options(dir);
  forced.force = true;
  write_site(server.model(), forced);
  EXPECT_FALSE(fs::exists(dir / "notes.txt"));
  expect_only({"mine"});
  // an empty folder needs no force
  fs::create_directories(root_ / "empty");
  EXPECT_NO_THROW(write_site(server.model(), options(root_ / "empty")));
}

TEST_F(SiteWriter, RefusesAFileAFolderHoldingAnInputAndAnUnwritableParent) {
  TestServer server;
  std::ofstream(root_ / "file.txt") << "a file";
  EXPECT_THROW(write_site(server.model(), options(root_ / "file.txt")), policykg::Error);
  EXPECT_EQ(read(root_ / "file.txt"), "a file");

  fs::create_directories(root_ / "data");
  std::ofstream(root_ / "data" / "graph.ttl") << "";
  auto holding = options(root_);
  holding.inputs = {root_ / "data" / "graph.ttl"};
  holding.force = true;
  try {
    write_site(server.model(), holding);
    FAIL() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_NE(std::string(e.what()).find("graph.ttl"), std::string::npos) << e.what();
  }
  EXPECT_THROW(write_site(server.model(), options(root_ / "no" / "such" / "parent")), policykg::Error);

  if (::geteuid() != 0) {  // root writes anywhere
    fs::create_directories(root_ / "locked");
    fs::permissions(root_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    try {
      write_site(server.model(), options(root_ / "locked" / "site"));
      FAIL() << "no error";
    } catch (const policykg::Error& e) {
      EXPECT_NE(std::string(e.what()).find("not writable"), std::string::npos) << e.what();
    }
    fs::permissions(root_ / "locked", fs::perms::owner_all);
  }
}

TEST_F(SiteWriter, AnIriThatWouldLeaveTheFolderIsRefusedBeforeAnythingIsWritten) {
  policykg::rdf::Model model;
  model.load_string(
      "<https://w3id.org/policykg/id/agency/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"
      "<https://w3id.org/policykg/id/a/../../../etc/x> <http://www.w3.org/2000/01/rdf-schema#label> \"y\" .\n",
      policykg::rdf::Format::NTriples, "http://example.org/");
  try {
    write_site(model, options(root_ / "site"));
    FAIL() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "https://w3id.org/policykg/id/a/../../../etc/x");
    EXPECT_EQ(e.category(), policykg::Error::Category::Input);
  }
  expect_only({});
}
