// The pictures of the plan in a real browser: headless Chromium (Debian's) driven by
// playwright-core (tests/js/pictures-page.mjs) against `policykg serve` on the seed, and the
// pictures tab of `policykg export --format html` opened as a file with every request refused.
// What each picture shows is checked against the SPARQL endpoint's answer to the same question.
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "tests/e2e/browser.hpp"
#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

namespace {

const std::string kPrefixes =
    "PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
    "PREFIX id: <https://w3id.org/policykg/id/> ";
const std::string kBase = "https://w3id.org/policykg/id/";

// The bindings of a SELECT on the endpoint.
json select(int port, const std::string& query) {
  auto r = http_request(port, "GET", "/sparql?query=" + url_encode(kPrefixes + query));
  EXPECT_EQ(r.status, 200) << r.body;
  return json::parse(r.body)["results"]["bindings"];
}

long long count(int port, const std::string& where) {
  auto b = select(port, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { " + where + " }");
  return std::stoll(b[0]["n"]["value"].get<std::string>());
}

std::set<std::string> measures(int port, const std::string& where) {
  std::set<std::string> out;
  for (const auto& b : select(port, "SELECT DISTINCT ?m WHERE { " + where + " }")) out.insert(b["m"]["value"]);
  return out;
}

std::string text_of(int port, const std::string& iri) {
  auto b = select(port, "SELECT ?t WHERE { <" + iri + "> pol:text ?t }");
  return b.empty() ? std::string() : b[0]["t"]["value"].get<std::string>();
}

// A measure the text of which holds `party`'s responsibility, stated or qualified.
std::string assigned_to(const std::string& party) {
  return "?m a pol:Measure . { ?m pol:responsibleParty " + party + " } UNION { ?m pol:qualifiedResponsibility ?q . ?q pol:agent " +
         party + " }";
}

struct Served {
  ServeProcess serve{std::vector<std::string>{}};
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(serve.port()); }
};

json run_picture(const std::vector<std::string>& args, const Served* served = nullptr) {
  auto run = policykg::test::run_browser_script("pictures-page.mjs", args);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err << (served ? served->serve.stderr_text() : "");
  if (run.exit_code != 0) return json();
  auto seen = json::parse(run.out);
  EXPECT_TRUE(seen["errors"].empty()) << seen["errors"].dump();
  EXPECT_TRUE(seen["external"].empty()) << "requests outside the page: " << seen["external"].dump();
  return seen;
}

// The clicked measures' texts are their pol:text, and the first leads to its page showing it.
void expect_clicked_through(int port, const std::string& origin, const json& seen) {
  ASSERT_FALSE(seen["clicked"]["measures"].empty()) << seen.dump();
  for (const auto& m : seen["clicked"]["measures"]) EXPECT_EQ(m["text"], text_of(port, m["iri"])) << m["iri"];
  const std::string first = seen["clicked"]["measures"][0]["iri"];
  ASSERT_TRUE(seen["followed"].is_object()) << seen.dump();
  EXPECT_EQ(seen["followed"]["url"], origin + "/page/" + first.substr(kBase.size()));
  EXPECT_EQ(seen["followed"]["text"], text_of(port, first));
}

// The chart fills its box as drawn, and again after the window shrank.
void expect_fitted(const json& seen) {
  ASSERT_TRUE(seen["fitted"].is_object()) << seen.dump();
  const json& drawn = seen["fitted"]["drawn"];
  const json& resized = seen["fitted"]["resized"];
  EXPECT_EQ(drawn["chart"], drawn["box"]);
  EXPECT_EQ(resized["chart"], resized["box"]);
  EXPECT_LT(resized["box"][0].get<int>(), drawn["box"][0].get<int>()) << "the window shrank";
}

}  // namespace

TEST(PicturesBrowser, MapShadesXichengByItsSparqlCountsAndLeadsToAMeasuresText) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  Served s;
  ASSERT_GT(s.serve.port(), 0) << s.serve.stderr_text();
  const int port = s.serve.port();
  const std::string applies = "?m a pol:Measure ; pol:appliesTo <" + kBase + "district/xicheng>";
  ASSERT_GT(count(port, applies), 0) << "the seed has measures for Xicheng";

  auto seen = run_picture({s.origin(), "map", "Xicheng District"}, &s);
  ASSERT_FALSE(seen.is_null());
  EXPECT_EQ(seen["shown"]["applies"], count(port, applies));
  EXPECT_EQ(seen["shown"]["assigned"], count(port, assigned_to("<" + kBase + "district/xicheng>")));
  // Districts, zones and names on one canvas: a canvas more is a copy more on every frame.
  EXPECT_EQ(seen["canvases"], 1);
  EXPECT_EQ(seen["chooser"], true) << "the seed and its family are four documents: the chooser is shown";
  // The click on Xicheng lists exactly the measures that apply to it.
  std::set<std::string> listed;
  for (const auto& m : seen["clicked"]["measures"]) listed.insert(m["iri"]);
  EXPECT_EQ(listed, measures(port, applies));
  expect_clicked_through(port, s.origin(), seen);
  expect_fitted(seen);
}

TEST(PicturesBrowser, AGraphOfOneDocumentShowsNoDocumentChooser) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  auto dir = fs::temp_directory_path() / ("policykg-e2e-one-document-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto graph = dir / "seed.nt";
  auto built = policykg::test::run_policykg({"build", policykg::test::kSeedDocument, "-o", graph.string()});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  {
    ServeProcess serve{std::vector<std::string>{"--data", graph.string()}};
    ASSERT_GT(serve.port(), 0) << serve.stderr_text();
    auto seen = run_picture({"http://127.0.0.1:" + std::to_string(serve.port()), "map", "Xicheng District", "--no-click"});
    ASSERT_FALSE(seen.is_null());
    EXPECT_EQ(seen["chooser"], false) << "one document: nothing to choose";
    EXPECT_EQ(seen["shown"]["applies"], count(serve.port(), "?m a pol:Measure ; pol:appliesTo <" + kBase + "district/xicheng>"));
  }
  fs::remove_all(dir);
}

TEST(PicturesBrowser, MatrixCountsTheBusiestPartysMeasuresPerTaskAsSparqlDoes) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  Served s;
  ASSERT_GT(s.serve.port(), 0) << s.serve.stderr_text();
  const int port = s.serve.port();
  // The party responsible for the most measures, and its measures per main task.
  auto busiest = select(port, "SELECT ?p ?l (COUNT(DISTINCT ?m) AS ?n) WHERE { " + assigned_to("?p") +
                                  " ?p rdfs:label ?l } GROUP BY ?p ?l ORDER BY DESC(?n) ?p LIMIT 1");
  ASSERT_EQ(busiest.size(), 1u);
  const std::string party = "<" + busiest[0]["p"]["value"].get<std::string>() + ">";
  const long long total = std::stoll(busiest[0]["n"]["value"].get<std::string>());
  std::map<std::string, long long> expected;
  long long in_tasks = 0;
  for (const auto& b : select(port, "SELECT ?task (COUNT(DISTINCT ?m) AS ?n) WHERE { " + assigned_to(party) +
                                        " ?m dcterms:isPartOf+ ?task . ?task a pol:Task } GROUP BY ?task")) {
    expected[b["task"]["value"]] = std::stoll(b["n"]["value"].get<std::string>());
    in_tasks += expected[b["task"]["value"]];
  }
  if (total > in_tasks) expected["outside"] = total - in_tasks;

  // Shown after the map, as a reader clicks from one picture to the next: its parts of ECharts are
  // loaded then.
  auto seen = run_picture({s.origin(), "matrix", busiest[0]["l"]["value"], "--after", "map"}, &s);
  ASSERT_FALSE(seen.is_null());
  using Counts = std::map<std::string, long long>;
  EXPECT_EQ(seen["shown"]["row"].get<Counts>(), expected) << seen["shown"].dump();
  expect_clicked_through(port, s.origin(), seen);
  expect_fitted(seen);
}

TEST(PicturesBrowser, TreeCountsEachTasksMeasuresAsSparqlDoes) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  Served s;
  ASSERT_GT(s.serve.port(), 0) << s.serve.stderr_text();
  const int port = s.serve.port();
  auto seen = run_picture({s.origin(), "tree", "-"}, &s);
  ASSERT_FALSE(seen.is_null());
  const auto tasks = select(port, "SELECT ?task (COUNT(DISTINCT ?m) AS ?n) WHERE { ?task a pol:Task . "
                                  "OPTIONAL { ?m a pol:Measure ; dcterms:isPartOf+ ?task } } GROUP BY ?task");
  ASSERT_FALSE(tasks.empty());
  for (const auto& b : tasks) {
    const std::string task = b["task"]["value"];
    ASSERT_TRUE(seen["shown"]["units"].contains(task)) << task;
    EXPECT_EQ(seen["shown"]["units"][task], std::stoll(b["n"]["value"].get<std::string>())) << task;
  }
  // Every measure of the graph is in the tree once: the roots' counts add up to them all.
  long long roots = 0;
  for (const auto& b : select(port, "SELECT DISTINCT ?d WHERE { { ?u dcterms:isPartOf ?d } UNION { ?d pol:hasAnnex ?a } "
                                    "FILTER NOT EXISTS { ?d dcterms:isPartOf ?up } FILTER NOT EXISTS { ?x pol:hasAnnex ?d } }"))
    roots += seen["shown"]["units"].value(b["d"]["value"].get<std::string>(), 0LL);
  EXPECT_EQ(roots, count(port, "?m a pol:Measure"));
  expect_clicked_through(port, s.origin(), seen);
}

TEST(PicturesBrowser, TypologyCountsSectorsByInstrumentAndFiltersByPlaceAsSparqlDoes) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  Served s;
  ASSERT_GT(s.serve.port(), 0) << s.serve.stderr_text();
  const int port = s.serve.port();
  auto grouped = [&](const std::string& extra) {
    std::map<std::string, long long> out;
    for (const auto& b : select(port, "SELECT ?s ?i (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a pol:Measure ; pol:sector ?s ; "
                                      "pol:instrumentType ?i . " + extra + " } GROUP BY ?s ?i"))
      out[b["s"]["value"].get<std::string>() + "|" + b["i"]["value"].get<std::string>()] =
          std::stoll(b["n"]["value"].get<std::string>());
    return out;
  };
  auto typed_only = [](const json& shown) {  // the bars of measures with both a sector and a type
    std::map<std::string, long long> out;
    for (const auto& [k, v] : shown.items())
      if (k.find("none") == std::string::npos) out[k] = v;
    return out;
  };
  auto seen = run_picture({s.origin(), "typology", "Xicheng District", "--after", "matrix"}, &s);
  ASSERT_FALSE(seen.is_null());
  EXPECT_EQ(typed_only(seen["shown"]["all"]), grouped(""));
  const auto in_xicheng = grouped("?m pol:appliesTo <" + kBase + "district/xicheng> .");
  ASSERT_FALSE(in_xicheng.empty());
  EXPECT_EQ(typed_only(seen["shown"]["place"]), in_xicheng);
  expect_clicked_through(port, s.origin(), seen);
  expect_fitted(seen);
}

TEST(PicturesBrowser, TimelineDrawsTheFamilyByYearWithWhatEachKeepsInForce) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  Served s;
  ASSERT_GT(s.serve.port(), 0) << s.serve.stderr_text();
  const int port = s.serve.port();
  const std::string reply = kBase + "doc/state-council-2020-123";
  auto seen = run_picture({s.origin(), "timeline", reply, "--after", "map"}, &s);
  ASSERT_FALSE(seen.is_null());
  // Each dated document at the year of its dcterms:issued, else of its dcterms:date.
  const auto dated = select(port,
                            "SELECT ?d (SAMPLE(COALESCE(YEAR(?issued), xsd:integer(STR(?year)))) AS ?y) WHERE { "
                            "?d a pol:Document . OPTIONAL { ?d dcterms:issued ?issued } "
                            "OPTIONAL { ?d dcterms:date ?year } FILTER(BOUND(?issued) || BOUND(?year)) } GROUP BY ?d");
  ASSERT_GE(dated.size(), 4u) << "the replies of 2015, 2017, 2019 and 2020";
  for (const auto& b : dated) {
    const std::string d = b["d"]["value"];
    ASSERT_TRUE(seen["shown"]["documents"].contains(d)) << d;
    EXPECT_EQ(seen["shown"]["documents"][d], std::stoll(b["y"]["value"].get<std::string>())) << d;
  }
  // Every pol:keepsInForce between documents is an arrow that says so.
  std::set<std::pair<std::string, std::string>> kept, drawn;
  for (const auto& b :
       select(port, "SELECT ?a ?b WHERE { ?a pol:keepsInForce ?b . ?a a pol:Document . ?b a pol:Document }"))
    kept.insert({b["a"]["value"].get<std::string>(), b["b"]["value"].get<std::string>()});
  for (const auto& l : seen["shown"]["links"])
    for (std::size_t i = 2; i < l.size(); ++i)
      if (l[i] == "keepsInForce") drawn.insert({l[0].get<std::string>(), l[1].get<std::string>()});
  EXPECT_FALSE(kept.empty());
  EXPECT_EQ(drawn, kept);
  // The click on the 2020 reply lists its measures.
  std::set<std::string> listed;
  for (const auto& m : seen["clicked"]["measures"]) listed.insert(m["iri"]);
  EXPECT_EQ(listed, measures(port, "?m a pol:Measure ; pol:sourceDocument <" + reply + ">"));
  expect_clicked_through(port, s.origin(), seen);
  expect_fitted(seen);

  // One document chosen: the typology counts its measures only.
  const std::string framework = "<" + kBase + "doc/state-council-2015-81>";
  auto one = run_picture(
      {s.origin(), "typology", "Beijing", "--document", "Official Reply of the State Council on the Framework Plan"}, &s);
  ASSERT_FALSE(one.is_null());
  std::map<std::string, long long> expected, shown;
  for (const auto& b : select(port, "SELECT ?s ?i (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a pol:Measure ; pol:sector ?s ; "
                                    "pol:instrumentType ?i ; pol:sourceDocument " + framework + " } GROUP BY ?s ?i"))
    expected[b["s"]["value"].get<std::string>() + "|" + b["i"]["value"].get<std::string>()] =
        std::stoll(b["n"]["value"].get<std::string>());
  long long all = 0;
  for (const auto& [k, v] : one["shown"]["all"].items()) {
    all += v.get<long long>();
    if (k.find("none") == std::string::npos) shown[k] = v;
  }
  EXPECT_EQ(shown, expected);
  EXPECT_GE(all, count(port, "?m a pol:Measure ; pol:sourceDocument " + framework));
  EXPECT_LT(all, count(port, "?m a pol:Measure")) << "the other documents' measures are left out";
}

TEST(PicturesBrowser, ExportedPageShowsThePicturesOfflineAndIsByteIdenticalTwice) {
  if (auto why = policykg::test::browser_missing(); !why.empty()) GTEST_SKIP() << why;
  auto dir = fs::temp_directory_path() / ("policykg-e2e-pictures-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto page = dir / "plan.html", again = dir / "again.html";
  for (const auto& p : {page, again}) {
    auto r = policykg::test::run_policykg({"export", "--format", "html", "-o", p.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_TRUE(policykg::test::read_file(page) == policykg::test::read_file(again));
  auto q = policykg::test::run_policykg({"query", "-e",
                                         kPrefixes + "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a pol:Measure ; "
                                                     "pol:appliesTo <" + kBase + "district/xicheng> }",
                                         "--format", "json"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  const long long applies = std::stoll(json::parse(q.out)["results"]["bindings"][0]["n"]["value"].get<std::string>());

  auto seen = run_picture({"--file", page.string(), "map", "Xicheng District"});
  ASSERT_FALSE(seen.is_null());
  EXPECT_EQ(seen["shown"]["applies"], applies);
  ASSERT_EQ(seen["clicked"]["measures"].size(), static_cast<std::size_t>(applies));
  EXPECT_FALSE(seen["clicked"]["measures"][0]["text"].get<std::string>().empty());
  fs::remove_all(dir);
}
