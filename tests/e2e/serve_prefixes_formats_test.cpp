// The endpoint a researcher points pandas or R at: the predefined prefixes need no PREFIX lines
// (GET and POST), a query's own PREFIX overrides them, and format=/output= choose the result
// format over Accept, so that a plain URL loads as CSV.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/e2e/http_client.hpp"
#include "tests/e2e/run.hpp"
#include "tests/e2e/serve_process.hpp"

using policykg::test::http_request;
using policykg::test::ServeProcess;
using policykg::test::url_encode;

namespace {

const std::string kDistricts = "SELECT ?d WHERE { ?d a pol:District } ORDER BY ?d";
const std::string kBase = "https://w3id.org/policykg/id/";

std::vector<std::string> district_column(const std::string& json) {
  std::vector<std::string> out;
  const auto doc = nlohmann::json::parse(json);
  for (const auto& b : doc["results"]["bindings"]) out.push_back(b["d"]["value"]);
  return out;
}

class ServeCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { serve_ = new ServeProcess({}); }
  static void TearDownTestSuite() {
    delete serve_;
    serve_ = nullptr;
  }
  void SetUp() override { ASSERT_GT(serve_->port(), 0) << serve_->stderr_text(); }
  static int port() { return serve_->port(); }
  static ServeProcess* serve_;
};
ServeProcess* ServeCorpus::serve_ = nullptr;

}  // namespace

TEST_F(ServeCorpus, PredefinedPrefixesWorkWithoutPrefixLinesByGetAndPost) {
  auto get = http_request(port(), "GET", "/sparql?query=" + url_encode(kDistricts));
  ASSERT_EQ(get.status, 200) << get.body;
  auto districts = district_column(get.body);
  ASSERT_FALSE(districts.empty());
  for (const auto& d : districts) EXPECT_EQ(d.rfind(kBase + "district/", 0), 0u) << d;

  auto posted = http_request(port(), "POST", "/sparql", {{"Content-Type", "application/sparql-query"}}, kDistricts);
  ASSERT_EQ(posted.status, 200) << posted.body;
  EXPECT_EQ(district_column(posted.body), districts);
  auto form = http_request(port(), "POST", "/sparql", {{"Content-Type", "application/x-www-form-urlencoded"}},
                           "query=" + url_encode(kDistricts));
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(district_column(form.body), districts);

  // id: is the instance base; a query's own PREFIX overrides a predefined one.
  auto by_id = http_request(port(), "GET", "/sparql?query=" + url_encode("ASK { id:district\\/xicheng a pol:District }"));
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_TRUE(nlohmann::json::parse(by_id.body)["boolean"].get<bool>());
  auto overridden = http_request(
      port(), "GET", "/sparql?query=" + url_encode("PREFIX pol: <http://example.org/other#>\n" + kDistricts));
  ASSERT_EQ(overridden.status, 200) << overridden.body;
  EXPECT_TRUE(district_column(overridden.body).empty());
}

TEST_F(ServeCorpus, ARelativeIriWithoutBaseIsA400AtItsPlace) {
  auto res = http_request(port(), "GET", "/sparql?query=" + url_encode("SELECT ?p WHERE {\n <doc/x> ?p ?o }"));
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("query:2:2"), std::string::npos) << res.body;
  EXPECT_NE(res.body.find("relative IRI <doc/x> needs a BASE: write <" + kBase + "doc/x>, or BASE <" + kBase + ">"),
            std::string::npos)
      << res.body;
}

TEST_F(ServeCorpus, FormatParameterWinsOverAccept) {
  const std::string q = "/sparql?query=" + url_encode(kDistricts);
  auto csv = http_request(port(), "GET", q + "&format=csv", {{"Accept", "application/sparql-results+json"}});
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  auto json = http_request(port(), "GET", q);
  std::string expected = "d\r\n";
  for (const auto& d : district_column(json.body)) expected += d + "\r\n";
  EXPECT_EQ(csv.body, expected);

  auto tsv = http_request(port(), "GET", q + "&output=tsv");
  EXPECT_EQ(tsv.status, 200);
  EXPECT_EQ(tsv.header("content-type"), "text/tab-separated-values; charset=utf-8");
  EXPECT_EQ(tsv.body.rfind("?d\n<" + kBase + "district/", 0), 0u) << tsv.body;
  auto xml = http_request(port(), "GET", q + "&format=xml", {{"Accept", "text/csv"}});
  EXPECT_EQ(xml.header("content-type"), "application/sparql-results+xml");
  auto typed = http_request(port(), "GET", q + "&format=" + url_encode("text/csv"));
  EXPECT_EQ(typed.header("content-type"), "text/csv; charset=utf-8");
  auto both = http_request(port(), "GET", q + "&format=json&output=csv");
  EXPECT_EQ(both.header("content-type"), "application/sparql-results+json");
  // A POSTed form carries it as a field.
  auto form = http_request(port(), "POST", "/sparql", {{"Content-Type", "application/x-www-form-urlencoded"}},
                           "format=csv&query=" + url_encode(kDistricts));
  EXPECT_EQ(form.body, expected);

  // Graphs: turtle, ntriples, jsonld; json means JSON-LD for a graph.
  const std::string construct = "/sparql?query=" + url_encode("CONSTRUCT WHERE { ?d a pol:District }");
  auto nt = http_request(port(), "GET", construct + "&format=ntriples", {{"Accept", "text/turtle"}});
  EXPECT_EQ(nt.header("content-type"), "application/n-triples; charset=utf-8");
  EXPECT_EQ(nt.body.rfind("<" + kBase + "district/", 0), 0u) << nt.body;
  auto ld = http_request(port(), "GET", construct + "&output=json");
  EXPECT_EQ(ld.header("content-type"), "application/ld+json");
  EXPECT_EQ(http_request(port(), "GET", construct + "&format=turtle").header("content-type"), "text/turtle; charset=utf-8");

  // A format the result cannot take is 406; one that does not exist 400.
  EXPECT_EQ(http_request(port(), "GET", construct + "&format=csv").status, 406);
  EXPECT_EQ(http_request(port(), "GET", q + "&format=turtle").status, 406);
  auto bad = http_request(port(), "GET", q + "&format=excel");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("unknown format 'excel'"), std::string::npos) << bad.body;
}

TEST_F(ServeCorpus, ACsvUrlLoadsStraightIntoPython) {
  // pandas when Debian's python3-pandas is installed (scripts/install-deps), else the csv module.
  const std::string url = "http://127.0.0.1:" + std::to_string(port()) + "/sparql?query=" +
                          url_encode("SELECT ?d ?label WHERE { ?d a pol:District ; rdfs:label ?label } ORDER BY ?d") +
                          "&format=csv";
  const std::string script =
      "import json, sys, urllib.request\n"
      "url = sys.argv[1]\n"
      "try:\n"
      "    import pandas as pd\n"
      "    df = pd.read_csv(url)\n"
      "    print(json.dumps({'reader': 'pandas', 'columns': list(df.columns), 'rows': df.values.tolist()}))\n"
      "except ImportError:\n"
      "    import csv, io\n"
      "    rows = list(csv.reader(io.StringIO(urllib.request.urlopen(url).read().decode('utf-8'))))\n"
      "    print(json.dumps({'reader': 'csv', 'columns': rows[0], 'rows': rows[1:]}))\n";
  auto r = policykg::test::run_binary("/usr/bin/python3", {"-c", script, url});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto read = nlohmann::json::parse(r.out);
  EXPECT_EQ(read["columns"], nlohmann::json::array({"d", "label"})) << r.out;
  auto json = nlohmann::json::parse(
      http_request(port(), "GET", "/sparql?query=" + url_encode("SELECT ?d ?label WHERE { ?d a pol:District ; rdfs:label ?label } ORDER BY ?d")).body);
  const auto& bindings = json["results"]["bindings"];
  ASSERT_EQ(read["rows"].size(), bindings.size()) << r.out;
  ASSERT_FALSE(bindings.empty());
  for (std::size_t i = 0; i < bindings.size(); ++i) {
    EXPECT_EQ(read["rows"][i][0], bindings[i]["d"]["value"]);
    EXPECT_EQ(read["rows"][i][1], bindings[i]["label"]["value"]);
  }
}
