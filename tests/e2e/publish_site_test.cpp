// policykg publish --site on the seed documents, with the real binary: every internal link of
// every page resolves to a written file, every data file parses with independent readers and is
// what `policykg serve` answers, two runs give the same bytes, a plain static file server serves
// the folder (a resource followed from its page to its Turtle), nginx and Apache serve it by the
// rules publish writes for them (303s and content negotiation as `serve` answers), and bad folders
// are refused.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace fs = std::filesystem;
using policykg::test::read_file;
using policykg::test::run_binary;
using policykg::test::run_policykg;
using policykg::test::shell_quote;

namespace {

const fs::path kSource = POLICYKG_SOURCE_DIR;

fs::path scratch() { return fs::temp_directory_path() / ("policykg-publish-" + std::to_string(::getpid())); }

// Every file under `dir`: relative path → content.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = read_file(e.path());
  return out;
}

std::string html_unescape(std::string s) {
  for (auto [entity, c] : {std::pair{"&amp;", "&"}, std::pair{"&quot;", "\""}, std::pair{"&apos;", "'"},
                           std::pair{"&lt;", "<"}, std::pair{"&gt;", ">"}})
    for (auto at = s.find(entity); at != std::string::npos; at = s.find(entity, at + 1)) s.replace(at, std::string(entity).size(), c);
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The page without its scripts and styles (a library's text may hold "href=" of its own). Plain
// scans: std::regex recurses once a character and overflows the stack on an inlined library.
std::string markup(const std::string& html) {
  std::string out;
  std::size_t at = 0;
  while (at < html.size()) {
    std::size_t open = std::string::npos;
    std::string tag;
    for (const char* name : {"<script", "<style"}) {
      const auto found = html.find(name, at);
      if (found < open) {
        open = found;
        tag = name + 1;
      }
    }
    if (open == std::string::npos) break;
    out.append(html, at, open - at);
    const auto close = html.find("</" + tag, open);
    if (close == std::string::npos) return out;
    at = html.find('>', close);
    at = at == std::string::npos ? html.size() : at + 1;
  }
  if (at < html.size()) out.append(html, at, std::string::npos);
  return out;
}

// The href and src values of a page's markup, unescaped.
std::vector<std::string> links(const std::string& html) {
  std::vector<std::string> out;
  const std::string text = markup(html);
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!std::isspace(static_cast<unsigned char>(text[at]))) continue;
    std::size_t value = std::string::npos;
    for (std::string_view name : {"href=\"", "src=\""})
      if (text.compare(at + 1, name.size(), name) == 0) value = at + 1 + name.size();
    if (value == std::string::npos) continue;
    const auto end = text.find('"', value);
    if (end == std::string::npos) break;
    out.push_back(html_unescape(text.substr(value, end - value)));
    at = end;
  }
  return out;
}

// The site of the seed documents, written once (-j 2) and only read by the tests. Under ctest the
// fixture e2e_seed_site writes it once for every test of this file (POLICYKG_TEST_SEED_SITE names
// the folder holding site/ and summary.json); run alone, the suite writes its own.
class PublishSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::remove_all(scratch());
    fs::create_directories(scratch());
    if (const char* shared = std::getenv("POLICYKG_TEST_SEED_SITE"); shared && *shared) {
      site_ = fs::path(shared) / "site";
      summary_ = read_file(fs::path(shared) / "summary.json");
      ASSERT_TRUE(fs::is_regular_file(site_ / ".policykg-site")) << "the fixture e2e_seed_site wrote no site in " << shared;
      return;
    }
    site_ = scratch() / "site";
    auto r = run_policykg({"publish", "--site", site_.string(), "-j", "2", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summary_ = r.out;
  }
  static void TearDownTestSuite() { fs::remove_all(scratch()); }
  static const fs::path& site() { return site_; }
  static fs::path site_;
  static std::string summary_;
};
fs::path PublishSite::site_;
std::string PublishSite::summary_;

}  // namespace

TEST_F(PublishSite, WritesEveryResourceAndTheDatasetFiles) {
  auto summary = nlohmann::json::parse(summary_);
  EXPECT_GT(summary["resources"].get<std::size_t>(), 300u) << summary_;
  const auto files = tree(site());
  EXPECT_EQ(summary["files"].get<std::size_t>(), files.size());
  for (auto name : {"index.html", "site.css", "graph.html", "pictures.html", "ontology.html", "ontology.ttl",
                    "ontology.nt", "ontology.jsonld", "ontology.rdf", ".well-known/void.html", ".well-known/void.ttl",
                    "dcat.html", "dcat.jsonld", "dump.ttl", "dump.nt", "dump.nq", "dump.rdf", "dump.jsonld", ".htaccess",
                    "nginx.conf", "README.md", ".policykg-site", "id/agency/ministry-of-commerce.html",
                    "id/agency/ministry-of-commerce.ttl", "id/district/haidian.jsonld", "id/zone/zhongguancun.rdf"})
    EXPECT_TRUE(files.contains(name)) << name;
  // every resource has its five files
  std::map<std::string, std::set<std::string>> formats;
  for (const auto& [file, content] : files)
    if (file.starts_with("id/")) formats[file.substr(0, file.rfind('.'))].insert(file.substr(file.rfind('.') + 1));
  EXPECT_EQ(formats.size(), summary["resources"].get<std::size_t>());
  for (const auto& [resource, exts] : formats)
    EXPECT_EQ(exts, (std::set<std::string>{"html", "jsonld", "nt", "rdf", "ttl"})) << resource;
  EXPECT_NE(files.at(".htaccess").find("RewriteRule ^id/(.+)$ id/$1.ttl [R=303"), std::string::npos);
  EXPECT_NE(files.at("nginx.conf").find("return 303 $uri.$policykg_ext;"), std::string::npos);
}

TEST_F(PublishSite, EveryInternalLinkResolvesToAWrittenFile) {
  std::size_t pages = 0, checked = 0;
  const std::string ontology = read_file(site() / "ontology.html");
  for (const auto& e : fs::recursive_directory_iterator(site())) {
    if (!e.is_regular_file() || e.path().extension() != ".html") continue;
    ++pages;
    const std::string page = read_file(e.path());
    const std::string rel = fs::relative(e.path(), site()).string();
    EXPECT_EQ(page.find("data-needs-server"), std::string::npos) << rel;
    for (const std::string& link : links(page)) {
      if (link.starts_with("#") || link.starts_with("http://") || link.starts_with("https://") ||
          link.starts_with("mailto:"))
        continue;
      ASSERT_FALSE(link.starts_with("/")) << rel << " links " << link << " from the root of the host";
      ASSERT_EQ(link.find(':'), std::string::npos) << rel << " links " << link;
      std::string path = link, fragment;
      if (auto hash = path.find('#'); hash != std::string::npos) {
        fragment = path.substr(hash + 1);
        path.resize(hash);
      }
      ASSERT_EQ(path.find('?'), std::string::npos) << rel << " links " << link;
      const fs::path target = (e.path().parent_path() / percent_decode(path)).lexically_normal();
      const auto inside = fs::relative(target, site()).string();
      ASSERT_FALSE(inside.starts_with("..")) << rel << " links " << link << " outside the site";
      ASSERT_TRUE(fs::is_regular_file(target)) << rel << " links " << link << ": no file " << inside;
      if (inside == "ontology.html" && !fragment.empty()) {
        EXPECT_NE(ontology.find("id=\"" + fragment + "\""), std::string::npos) << rel << " links " << link;
      }
      ++checked;
    }
  }
  EXPECT_GT(pages, 300u);
  EXPECT_GT(checked, 10000u);
}

TEST_F(PublishSite, EveryDataFileParsesWithIndependentReaders) {
  ASSERT_TRUE(fs::exists(kSource / "tests/js/node_modules/n3")) << "tests/js/node_modules is missing: run scripts/install-deps";
  auto r = run_binary("/usr/bin/env", {"node", (kSource / "tests/js/site-parse.mjs").string(), site().string()});
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 4000);
  auto parsed = nlohmann::json::parse(r.out);
  EXPECT_GT(parsed["resources"].get<std::size_t>(), 300u) << r.out;
  EXPECT_GT(parsed["triples"].get<std::size_t>(), 10000u) << r.out;
  // RDF/XML with raptor (rapper), every file in one shell
  auto rdfxml = run_binary("/bin/sh", {"-c", "cd " + shell_quote(site().string()) +
                                                 " && find . -name '*.rdf' | sort | while read f; do "
                                                 "rapper -q -i rdfxml -c \"$f\" >/dev/null 2>&1 || echo \"$f\"; done"});
  EXPECT_EQ(rdfxml.exit_code, 0);
  EXPECT_EQ(rdfxml.out, "") << "RDF/XML files raptor cannot read";
}

TEST_F(PublishSite, DataFilesAreWhatServeAnswers) {
  policykg::test::ServeProcess serve({});
  ASSERT_GT(serve.port(), 0) << serve.stderr_text();
  const std::string origin = "http://127.0.0.1:" + std::to_string(serve.port());
  const fs::path dir = scratch() / "against-serve";
  auto r = run_policykg({"publish", "--site", dir.string(), "--site-url", origin, "--sparql-endpoint", origin + "/sparql"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::pair<const char*, const char*> formats[] = {{"ttl", "text/turtle"}, {"nt", "application/n-triples"},
                                                          {"jsonld", "application/ld+json"}, {"rdf", "application/rdf+xml"}};
  auto expect_served = [&](const std::string& file, const std::string& target, const std::string& accept) {
    auto res = policykg::test::http_request(serve.port(), "GET", target, {{"Accept", accept}});
    ASSERT_EQ(res.status, 200) << target;
    EXPECT_EQ(read_file(dir / file), res.body) << file << " and GET " << target << " (" << accept << ")";
  };
  // a sample of resources: every seventh
  std::vector<std::string> resources;
  for (const auto& e : fs::recursive_directory_iterator(dir / "id"))
    if (e.path().extension() == ".ttl") {
      std::string rel = fs::relative(e.path(), dir / "id").string();
      resources.push_back(rel.substr(0, rel.size() - 4));
    }
  std::sort(resources.begin(), resources.end());
  for (const auto& name : resources) ASSERT_EQ(name.find('%'), std::string::npos) << name;  // plain names in the seed
  std::size_t compared = 0;
  for (std::size_t i = 0; i < resources.size(); i += 7, ++compared)
    for (auto [ext, type] : formats)
      expect_served("id/" + resources[i] + "." + ext, "/data/" + resources[i] + "." + ext, type);
  EXPECT_GT(compared, 40u);
  for (auto [ext, type] : formats) {
    expect_served(std::string(".well-known/void.") + ext, "/.well-known/void", type);
    expect_served(std::string("dcat.") + ext, "/dcat", type);
    expect_served(std::string("ontology.") + ext, std::string("/ontology.") + ext, type);
    expect_served(std::string("dump.") + ext, std::string("/dump.") + ext, type);
  }
  expect_served("dump.nq", "/dump.nq", "application/n-quads");
  expect_served("site.css", "/site.css", "text/css");
  // a page is the server's page, links made relative
  auto page = policykg::test::http_request(serve.port(), "GET", "/page/agency/ministry-of-commerce", {{"Accept", "text/html"}});
  ASSERT_EQ(page.status, 200);
  const std::string written = read_file(dir / "id/agency/ministry-of-commerce.html");
  auto h1 = [](const std::string& html) { return html.substr(html.find("<h1>"), html.find("</h1>") - html.find("<h1>")); };
  EXPECT_EQ(h1(written), h1(page.body));
  EXPECT_EQ(serve.stop(), 0);
}

TEST_F(PublishSite, TwoRunsGiveTheSameBytesWhateverTheThreads) {
  // A copy of the -j 2 site, spoilt (a file changed, one added, one removed), published over with
  // -j 1: the site is replaced whole, with the same bytes, and no temporary folder left beside it.
  const fs::path again = scratch() / "again";
  fs::copy(site(), again, fs::copy_options::recursive);
  std::ofstream(again / "index.html") << "stale";
  std::ofstream(again / "id" / "stray.html") << "stray";
  fs::remove(again / "dump.nt");
  auto r = run_policykg({"publish", "--site", again.string(), "-j", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto a = tree(site()), b = tree(again);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [file, content] : a) {
    ASSERT_TRUE(b.contains(file)) << file;
    EXPECT_TRUE(content == b.at(file)) << file << " differs";
  }
  for (const auto& e : fs::directory_iterator(scratch()))
    EXPECT_FALSE(e.path().filename().string().starts_with(".")) << e.path();
}

namespace {

// A free TCP port on loopback (bound, read and released: a server started just after takes it).
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

// A web server run in the foreground (`argv`), its output in `log`, stopped with SIGTERM; ready
// once `port` takes connections.
class WebServer {
 public:
  WebServer(const std::vector<std::string>& argv, const fs::path& log, int port) : log_(log), port_(port) {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // gone with the test, however it ends
      FILE* out = std::freopen(log.c_str(), "a", stdout);
      FILE* err = std::freopen(log.c_str(), "a", stderr);
      (void)out;
      (void)err;
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      std::_Exit(127);
    }
    for (int i = 0; i < 200 && !ready_; ++i) {
      if (int fd = policykg::test::connect_loopback(port_); fd >= 0) {
        ::close(fd);
        ready_ = true;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  }
  ~WebServer() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool ready() const { return ready_; }
  int port() const { return port_; }
  std::string log() const { return read_file(log_); }

 private:
  pid_t pid_ = -1;
  fs::path log_;
  int port_;
  bool ready_ = false;
};

// `href` resolved against the URL path of the page it is on.
std::string resolve(const std::string& page, const std::string& href) {
  std::string base = page.substr(0, page.rfind('/') + 1);
  return fs::path(base + href).lexically_normal().string();
}

}  // namespace

TEST_F(PublishSite, APlainStaticServerServesTheSiteFromPageToTurtle) {
  // `python3 -m http.server` on a free loopback port: a plain static file server
  const int port = free_port();
  WebServer server({"/usr/bin/python3", "-u", "-m", "http.server", std::to_string(port), "--bind", "127.0.0.1",
                    "--directory", site().string()},
                   scratch() / "http-server.log", port);
  ASSERT_GT(server.port(), 0) << server.log();
  ASSERT_TRUE(server.ready()) << server.log();
  auto index = policykg::test::http_request(server.port(), "GET", "/");
  ASSERT_EQ(index.status, 200) << server.log();
  // from the index to a document's page, to an agency it names, to that agency's Turtle (the
  // first document whose page names an agency: a document only cited names none)
  std::string document, agency;
  for (const auto& link : links(index.body)) {
    if (!link.starts_with("id/doc/") || !agency.empty()) continue;
    document = "/" + link;
    auto page = policykg::test::http_request(server.port(), "GET", document);
    ASSERT_EQ(page.status, 200) << document;
    EXPECT_NE(page.header("content-type").find("text/html"), std::string::npos);
    for (const auto& named : links(page.body))
      if (named.find("/id/agency/") != std::string::npos && named.ends_with(".html")) agency = resolve(document, named);
  }
  ASSERT_FALSE(document.empty()) << index.body;
  ASSERT_FALSE(agency.empty()) << "no document page names an agency";
  auto agency_page = policykg::test::http_request(server.port(), "GET", agency);
  ASSERT_EQ(agency_page.status, 200) << agency;
  // its Turtle, as the page announces it: <link rel="alternate" type="text/turtle" href="...">
  std::smatch m;
  const std::regex alternate(R"re(<link rel="alternate" type="text/turtle" href="([^"]+)">)re");
  ASSERT_TRUE(std::regex_search(agency_page.body, m, alternate)) << agency_page.body;
  const std::string turtle_url = resolve(agency, html_unescape(m[1].str()));
  auto turtle = policykg::test::http_request(server.port(), "GET", turtle_url);
  ASSERT_EQ(turtle.status, 200) << turtle_url;
  const fs::path file = scratch() / "followed.ttl";
  std::ofstream(file, std::ios::binary) << turtle.body;
  // parsed by raptor, and it describes the agency
  const std::string iri = "https://w3id.org/policykg" + agency.substr(0, agency.size() - 5);
  auto parsed = run_binary("/usr/bin/rapper", {"-q", "-i", "turtle", "-o", "ntriples", file.string(), "http://example.org/"});
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  EXPECT_NE(parsed.out.find("<" + iri + "> <http://www.w3.org/2000/01/rdf-schema#label> "), std::string::npos)
      << iri << "\n" << parsed.out.substr(0, 2000);
  // and the stylesheet and the ontology the page links are there too
  for (const auto& link : links(agency_page.body)) {
    if (link.starts_with("http") || link.starts_with("#")) continue;
    std::string target = resolve(agency, link.substr(0, link.find('#')));
    if (target.ends_with("site.css") || target.ends_with("ontology.html")) {
      EXPECT_EQ(policykg::test::http_request(server.port(), "GET", target).status, 200) << target;
    }
  }
}

namespace {

// What a publisher's server must answer for the site at /policykg/, as `policykg serve` does:
// an instance's IRI 303 to its page or data by Accept (Turtle when the client names none), the
// ontology, VoID and DCAT negotiated in place, the dataset's IRI to its VoID, the pictures by
// their name, 404 for an IRI with no resource; every answer with CORS and nosniff, the negotiated
// ones with Vary: Accept, and every file's bytes and media type as written.
void expect_site_rules(int port, const fs::path& site, const std::string& server) {
  using policykg::test::http_request;
  const std::pair<const char*, const char*> formats[] = {{"ttl", "text/turtle"},
                                                          {"nt", "application/n-triples"},
                                                          {"jsonld", "application/ld+json"},
                                                          {"rdf", "application/rdf+xml"},
                                                          {"html", "text/html"}};
  auto expect_common = [&](const policykg::test::HttpResponse& r, const std::string& what) {
    EXPECT_EQ(r.header("access-control-allow-origin"), "*") << server << ": " << what;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << server << ": " << what;
  };
  auto expect_negotiated = [&](const policykg::test::HttpResponse& r, const std::string& what) {
    expect_common(r, what);
    EXPECT_NE(r.header("vary").find("Accept"), std::string::npos) << server << ": " << what;
  };
  // the file a redirect leads to: its bytes and media type
  auto expect_file = [&](const std::string& target, const std::string& file, const std::string& type) {
    auto r = http_request(port, "GET", target);
    ASSERT_EQ(r.status, 200) << server << ": GET " << target;
    EXPECT_TRUE(r.body == read_file(site / file)) << server << ": GET " << target << " is not " << file;
    EXPECT_EQ(r.header("content-type").substr(0, r.header("content-type").find(';')), type) << server << ": " << target;
    expect_common(r, "GET " + target);
  };
  std::vector<std::string> resources;
  for (const auto& e : fs::recursive_directory_iterator(site / "id"))
    if (e.path().extension() == ".ttl") {
      const std::string rel = fs::relative(e.path(), site / "id").string();
      resources.push_back(rel.substr(0, rel.size() - 4));
    }
  std::sort(resources.begin(), resources.end());
  ASSERT_GT(resources.size(), 300u);
  std::size_t followed = 0;
  for (std::size_t i = 0; i < resources.size(); i += 40) {
    const std::string iri = "/policykg/id/" + resources[i];
    for (auto [ext, type] : formats) {
      const std::string what = "GET " + iri + " (" + type + ")";
      auto r = http_request(port, "GET", iri, {{"Accept", type}});
      ASSERT_EQ(r.status, 303) << server << ": " << what;
      EXPECT_TRUE(r.header("location").ends_with(iri + "." + ext)) << server << ": " << what << " to " << r.header("location");
      expect_negotiated(r, what);
      expect_file(iri + "." + ext, "id/" + resources[i] + "." + ext, type);
      ++followed;
    }
    // a browser's Accept, then */* and none: the page, then Turtle
    auto page = http_request(port, "GET", iri, {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
    EXPECT_TRUE(page.header("location").ends_with(iri + ".html")) << server << ": " << iri;
    auto any = http_request(port, "GET", iri, {{"Accept", "*/*"}});
    EXPECT_EQ(any.status, 303) << server << ": " << iri;
    EXPECT_TRUE(any.header("location").ends_with(iri + ".ttl")) << server << ": " << iri << " for */*";
    auto none = http_request(port, "GET", iri);
    EXPECT_TRUE(none.header("location").ends_with(iri + ".ttl")) << server << ": " << iri << " with no Accept";
  }
  EXPECT_GE(followed, 40u);
  for (const char* negotiated : {"ontology", "dcat", ".well-known/void"})
    for (auto [ext, type] : formats) {
      const std::string name = negotiated;
      const std::string target = "/policykg/" + name;
      auto r = http_request(port, "GET", target, {{"Accept", type}});
      ASSERT_EQ(r.status, 200) << server << ": GET " << target << " (" << type << ")";
      EXPECT_TRUE(r.body == read_file(site / (name + "." + ext))) << server << ": " << target << " (" << type << ")";
      expect_negotiated(r, "GET " + target + " (" + type + ")");
    }
  auto dataset = http_request(port, "GET", "/policykg/id/dataset", {{"Accept", "text/turtle"}});
  EXPECT_EQ(dataset.status, 303) << server;
  EXPECT_TRUE(dataset.header("location").ends_with("/policykg/.well-known/void")) << server << ": " << dataset.header("location");
  expect_negotiated(dataset, "GET /policykg/id/dataset");
  for (const char* page : {"/policykg/pictures", "/policykg/graph", "/policykg/"}) {
    auto r = http_request(port, "GET", page);
    EXPECT_EQ(r.status, 200) << server << ": GET " << page;
    EXPECT_NE(r.header("content-type").find("text/html"), std::string::npos) << server << ": GET " << page;
  }
  auto missing = http_request(port, "GET", "/policykg/id/agency/no-such-agency", {{"Accept", "text/turtle"}});
  EXPECT_EQ(missing.status, 404) << server;
  expect_common(missing, "GET /policykg/id/agency/no-such-agency");
}

// The site copied where a server may read it (a folder of mode 0755), as /policykg/ under `root`.
fs::path site_under(const fs::path& root, const fs::path& site) {
  fs::create_directories(root);
  fs::permissions(root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  fs::copy(site, root / "policykg", fs::copy_options::recursive);
  return root / "policykg";
}

}  // namespace

TEST_F(PublishSite, NginxServesTheSiteByItsSnippet) {
  if (!fs::exists("/usr/sbin/nginx")) GTEST_SKIP() << "no /usr/sbin/nginx: run scripts/install-deps";
  // The snippet as its comment says: the map in the http block, the locations in a server block,
  // `root` the folder holding the site as /policykg/.
  const fs::path dir = scratch() / "nginx";
  const fs::path served = site_under(dir / "www", site());
  const std::string snippet = read_file(served / "nginx.conf");
  const auto map_at = snippet.find("map $http_accept");
  ASSERT_NE(map_at, std::string::npos) << snippet;
  const auto map_end = snippet.find("\n}\n", map_at) + 3;
  std::string locations = snippet.substr(map_end);
  for (auto at = locations.find("root /srv/www;"); at != std::string::npos; at = locations.find("root /srv/www;", at))
    locations.replace(at, 14, "root " + (dir / "www").string() + ";");
  const int port = free_port();
  const std::string d = dir.string();
  std::ofstream(dir / "nginx.conf") << "daemon off;\nmaster_process off;\npid " << d << "/nginx.pid;\nerror_log " << d
                                    << "/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n"
                                    << "  client_body_temp_path " << d << "/body;\n  proxy_temp_path " << d << "/proxy;\n"
                                    << "  fastcgi_temp_path " << d << "/fastcgi;\n  uwsgi_temp_path " << d << "/uwsgi;\n"
                                    << "  scgi_temp_path " << d << "/scgi;\n  default_type application/octet-stream;\n"
                                    << snippet.substr(map_at, map_end - map_at) << "  server {\n    listen 127.0.0.1:"
                                    << port << ";\n"
                                    << locations << "  }\n}\n";
  WebServer nginx({"/usr/sbin/nginx", "-p", d, "-c", (dir / "nginx.conf").string()}, dir / "out.log", port);
  ASSERT_TRUE(nginx.ready()) << nginx.log() << read_file(dir / "error.log");
  expect_site_rules(port, served, "nginx");
}

TEST_F(PublishSite, ApacheServesTheSiteByItsHtaccess) {
  if (!fs::exists("/usr/sbin/apache2")) GTEST_SKIP() << "no /usr/sbin/apache2: run scripts/install-deps";
  // The folder as /policykg/ of the document root, with the AllowOverride its README asks for:
  // nothing else configured.
  const fs::path dir = scratch() / "apache";
  const fs::path served = site_under(dir / "www", site());
  const std::string readme = read_file(served / "README.md");
  const auto override_at = readme.find("`AllowOverride ");
  ASSERT_NE(override_at, std::string::npos) << "the site's README names no AllowOverride";
  const std::string allow_override = readme.substr(override_at + 1, readme.find('`', override_at + 1) - override_at - 1);
  const int port = free_port();
  const std::string d = dir.string(), modules = "/usr/lib/apache2/modules/";
  std::ofstream conf(dir / "httpd.conf");
  conf << "ServerRoot " << d << "\nServerName 127.0.0.1\nListen 127.0.0.1:" << port << "\nPidFile " << d
       << "/httpd.pid\nErrorLog " << d << "/error.log\n";
  for (const char* m : {"mpm_event", "authz_core", "dir", "mime", "rewrite", "headers"})
    conf << "LoadModule " << m << "_module " << modules << "mod_" << m << ".so\n";
  if (::geteuid() == 0) conf << "User nobody\nGroup nogroup\n";
  conf << "TypesConfig /etc/mime.types\nDocumentRoot " << d << "/www\n<Directory " << d
       << "/www>\n  " << allow_override << "\n  Require all granted\n</Directory>\n";
  conf.close();
  WebServer apache({"/usr/sbin/apache2", "-f", (dir / "httpd.conf").string(), "-DFOREGROUND"}, dir / "out.log", port);
  ASSERT_TRUE(apache.ready()) << apache.log() << read_file(dir / "error.log");
  expect_site_rules(port, served, "Apache");
}

class PublishRefusal : public policykg::test::TempFolderTest {};

TEST_F(PublishRefusal, WithoutSiteOrToItIsAUsageError) {
  auto r = run_policykg({"publish"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give --site DIR"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--to URL"), std::string::npos) << r.err;
  auto both = run_policykg({"publish", "--site", (dir_ / "site").string(), "--to", "http://127.0.0.1:9/store"});
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_FALSE(fs::exists(dir_ / "site"));
}

TEST_F(PublishRefusal, ARegularFileIsNeverReplaced) {
  const fs::path file = dir_ / "site.html";
  std::ofstream(file) << "mine";
  auto r = run_policykg({"publish", "--site", file.string(), "--force"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("is a file"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(file), "mine");
}

TEST_F(PublishRefusal, ANonEmptyFolderPublishDidNotWriteNeedsForce) {
  const fs::path folder = dir_ / "notes";
  fs::create_directories(folder);
  std::ofstream(folder / "todo.txt") << "keep";
  auto r = run_policykg({"publish", "--site", folder.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(folder / "todo.txt"), "keep");
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir_)) entries += e.path() == folder ? 0 : 1;
  EXPECT_EQ(entries, 0u) << "something was written beside the folder";
}

TEST_F(PublishRefusal, AFolderHoldingTheInputIsRefusedEvenWithForce) {
  std::ofstream(dir_ / "graph.nt") << "<https://w3id.org/policykg/id/agency/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n";
  auto r = run_policykg({"publish", "--data", (dir_ / "graph.nt").string(), "--site", dir_.string(), "--force"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("graph.nt"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "graph.nt"));
}

TEST_F(PublishRefusal, AParentThatCannotTakeTheSite) {
  // a parent that does not exist, one that is a file, and one nobody may write (/proc)
  std::ofstream(dir_ / "plain") << "x";
  for (const fs::path& target : {dir_ / "no" / "such" / "site", dir_ / "plain" / "site", fs::path("/proc/policykg-site")}) {
    auto r = run_policykg({"publish", "--site", target.string()});
    EXPECT_EQ(r.exit_code, 1) << target;
    EXPECT_NE(r.err.find(target.string()), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(target));
  }
  if (::geteuid() != 0) {
    fs::create_directories(dir_ / "locked");
    fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    auto r = run_policykg({"publish", "--site", (dir_ / "locked" / "site").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("not writable"), std::string::npos) << r.err;
    fs::permissions(dir_ / "locked", fs::perms::owner_all);
  }
}

TEST_F(PublishRefusal, AnIriThatWouldLeaveTheFolderIsNamed) {
  std::ofstream(dir_ / "graph.nt") << "<https://w3id.org/policykg/id/a/../../../x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n";
  auto r = run_policykg({"publish", "--data", (dir_ / "graph.nt").string(), "--site", (dir_ / "site").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("https://w3id.org/policykg/id/a/../../../x"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "site"));
  for (const auto& e : fs::directory_iterator(dir_)) EXPECT_EQ(e.path().filename(), "graph.nt");
}
