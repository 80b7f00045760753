// VoID, DCAT, the dumps, the index and the query page's data.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>

#include "tests/server/test_server.hpp"

using policykg::rdf::Format;
using policykg::test::count_triples;
using policykg::test::TestServer;

TEST(DatasetDescriptions, VoidAtTheWellKnownPath) {
  TestServer server;
  auto res = server.client().Get("/.well-known/void", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const auto& body = res->body;
  EXPECT_NE(body.find("http://rdfs.org/ns/void#Dataset"), std::string::npos);
  auto nt = server.client().Get("/.well-known/void", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(nt);
  EXPECT_NE(nt->body.find("<https://w3id.org/policykg/id/dataset> <http://rdfs.org/ns/void#triples> "
                          "\"46\"^^<http://www.w3.org/2001/XMLSchema#integer> ."),
            std::string::npos)
      << nt->body;  // the fixture's triples
  EXPECT_NE(body.find("/sparql>"), std::string::npos);
  EXPECT_NE(body.find("/dump.nq>"), std::string::npos);
  EXPECT_NE(body.find("classPartition"), std::string::npos);
  EXPECT_GT(count_triples(body, Format::Turtle), 30u);
  auto html = server.client().Get("/.well-known/void", {{"Accept", "text/html"}});
  ASSERT_TRUE(html);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("void#triples"), std::string::npos);
  auto dataset = server.client().Get("/id/dataset");
  ASSERT_TRUE(dataset);
  EXPECT_EQ(dataset->status, 303);
  EXPECT_EQ(dataset->get_header_value("Location"), "/.well-known/void");
}

TEST(DatasetDescriptions, DcatListsEveryDumpAsADistribution) {
  TestServer server;
  auto res = server.client().Get("/dcat", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_GT(count_triples(res->body, Format::NTriples), 40u);
  for (const char* ext : {"ttl", "nt", "nq", "rdf", "jsonld"})
    EXPECT_NE(res->body.find(std::string("/dump.") + ext + "> ."), std::string::npos) << ext;
  EXPECT_NE(res->body.find("http://www.w3.org/ns/dcat#DataService"), std::string::npos);
}

TEST(DatasetDescriptions, VoidAndDcatDescribeTheDatasetInTheSameWords) {
  // Merged into one graph (as a static site or a catalogue harvester does), the two descriptions
  // give the dataset one title, one description and one licence.
  TestServer server;
  auto lines_about = [&](const std::string& path, const std::string& property) {
    auto res = server.client().Get(path, {{"Accept", "application/n-triples"}});
    EXPECT_TRUE(res && res->status == 200) << path;
    std::set<std::string> found;
    std::istringstream in(res ? res->body : std::string());
    const std::string subject = "<https://w3id.org/policykg/id/dataset> <http://purl.org/dc/terms/" + property + "> ";
    for (std::string line; std::getline(in, line);)
      if (line.starts_with(subject)) found.insert(line);
    return found;
  };
  for (const char* property : {"title", "description", "license"}) {
    auto in_void = lines_about("/.well-known/void", property);
    auto in_dcat = lines_about("/dcat", property);
    EXPECT_EQ(in_void.size(), 1u) << property;
    EXPECT_EQ(in_void, in_dcat) << property;
  }
}

TEST(DatasetDescriptions, DumpsInEveryFormatHoldTheWholeGraph) {
  TestServer server;
  auto client = server.client();
  for (auto [ext, format] : {std::pair{"ttl", Format::Turtle}, std::pair{"nt", Format::NTriples},
                             std::pair{"nq", Format::NQuads}, std::pair{"rdf", Format::RdfXml},
                             std::pair{"jsonld", Format::JsonLd}}) {
    auto res = client.Get(std::string("/dump.") + ext);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << ext;
    EXPECT_EQ(count_triples(res->body, format), server.model().size()) << ext;
    auto again = client.Get(std::string("/dump.") + ext);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->body, res->body) << ext;  // deterministic and cached
  }
}

TEST(DatasetDescriptions, IndexAndQueryPage) {
  TestServer server;
  auto client = server.client();
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("href=\"/id/doc/sample-reply\""), std::string::npos);
  auto query = client.Get("/query");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->status, 200);
  EXPECT_NE(query->body.find("/web/node_modules/@zazuko/yasgui/build/yasgui.min.js"), std::string::npos);
  EXPECT_EQ(query->body.find("https://"), std::string::npos);  // nothing from a CDN
  auto yasgui = client.Get("/web/node_modules/@zazuko/yasgui/build/yasgui.min.js");
  ASSERT_TRUE(yasgui);
  EXPECT_EQ(yasgui->status, 200);
  auto examples = client.Get("/examples/queries.json");
  ASSERT_TRUE(examples);
  auto list = nlohmann::json::parse(examples->body);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["name"], "agencies");
  EXPECT_NE(list[0]["query"].get<std::string>().find("pol:Agency"), std::string::npos);
}

TEST(DatasetDescriptions, VoidListsOneSubsetPerText) {
  TestServer server(policykg::test::fixture_options(), std::string(POLICYKG_SOURCE_DIR) + "/tests/server/data/expressions.ttl");
  auto res = server.client().Get("/.well-known/void", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto& body = res->body;
  EXPECT_NE(body.find("<https://w3id.org/policykg/id/dataset> <http://rdfs.org/ns/void#subset> _:"), std::string::npos) << body;
  EXPECT_NE(body.find("<http://www.w3.org/ns/sparql-service-description#name> "
                      "<https://w3id.org/policykg/id/doc/state-council-2015-81/en> ."),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("<http://xmlns.com/foaf/0.1/primaryTopic> <https://w3id.org/policykg/id/doc/state-council-2015-81> ."),
            std::string::npos);
  EXPECT_NE(body.find("<https://w3id.org/policykg/ontology#sha256> \"4723f85801a28a9f"), std::string::npos);
}
