// Instance IRIs at /id/X (303 by Accept), their pages and data documents, and the ontology.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/server/test_server.hpp"

using policykg::rdf::Format;
using policykg::test::count_triples;
using policykg::test::TestServer;

namespace {
const std::string kMeasure = "doc/sample-reply/provision/1/measure/1";
const std::string kBrowser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
}  // namespace

TEST(LinkedData, IdRedirectsBrowsersToThePageAndMachinesToData) {
  TestServer server;
  auto client = server.client();
  auto html = client.Get("/id/" + kMeasure, {{"Accept", kBrowser}});
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 303);
  EXPECT_EQ(html->get_header_value("Location"), "/page/" + kMeasure);
  EXPECT_EQ(html->get_header_value("Vary"), "Accept");
  for (auto [accept, ext] : {std::pair{"text/turtle", "ttl"}, std::pair{"application/n-triples", "nt"},
                             std::pair{"application/ld+json", "jsonld"}, std::pair{"application/rdf+xml", "rdf"},
                             std::pair{"*/*", "ttl"}}) {
    auto res = client.Get("/id/" + kMeasure, {{"Accept", accept}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 303) << accept;
    EXPECT_EQ(res->get_header_value("Location"), "/data/" + kMeasure + "." + ext) << accept;
  }
  auto none = client.Get("/id/" + kMeasure, {{"Accept", "image/png"}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 406);
}

TEST(LinkedData, LinkHeadersNameEveryAlternate) {
  TestServer server;
  auto res = server.client().Get("/page/agency/ministry-of-commerce");
  ASSERT_TRUE(res);
  auto link = res->get_header_value("Link");
  for (const char* part : {"</page/agency/ministry-of-commerce>; rel=\"alternate\"; type=\"text/html\"",
                           "</data/agency/ministry-of-commerce.ttl>; rel=\"alternate\"; type=\"text/turtle\"",
                           "</data/agency/ministry-of-commerce.nt>", "</data/agency/ministry-of-commerce.jsonld>",
                           "</data/agency/ministry-of-commerce.rdf>"})
    EXPECT_NE(link.find(part), std::string::npos) << part << " in " << link;
}

TEST(LinkedData, UnknownResourcesAre404) {
  TestServer server;
  auto client = server.client();
  for (const char* path : {"/id/agency/nobody", "/page/agency/nobody", "/data/agency/nobody.ttl", "/nowhere"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
  }
}

TEST(LinkedData, DataDocumentsInEveryFormatHoldOutgoingAndIncomingTriples) {
  TestServer server;
  auto client = server.client();
  // Ministry of Commerce: 4 outgoing triples, 2 incoming (responsibleParty, mentions).
  for (auto [ext, format] : {std::pair{"ttl", Format::Turtle}, std::pair{"nt", Format::NTriples},
                             std::pair{"jsonld", Format::JsonLd}, std::pair{"rdf", Format::RdfXml}}) {
    auto res = client.Get(std::string("/data/agency/ministry-of-commerce.") + ext);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << ext;
    EXPECT_EQ(count_triples(res->body, format), 6u) << ext << "\n" << res->body;
  }
  auto negotiated = client.Get("/data/agency/ministry-of-commerce", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(negotiated);
  EXPECT_EQ(negotiated->get_header_value("Content-Location"), "/data/agency/ministry-of-commerce.nt");
  EXPECT_EQ(count_triples(negotiated->body, Format::NTriples), 6u);
}

TEST(LinkedData, PageShowsLabelsTypesAndLinksBothWays) {
  TestServer server;
  auto res = server.client().Get("/page/agency/ministry-of-commerce");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const auto& page = res->body;
  EXPECT_NE(page.find("<h1>Ministry of Commerce</h1>"), std::string::npos);
  EXPECT_NE(page.find("MOFCOM"), std::string::npos);                           // skos:altLabel
  EXPECT_NE(page.find("href=\"/ontology#Agency\""), std::string::npos);        // type
  EXPECT_NE(page.find("href=\"/id/agency/state-council\""), std::string::npos);  // outgoing link
  EXPECT_NE(page.find(">State Council</a>"), std::string::npos);
  EXPECT_NE(page.find("href=\"/id/" + kMeasure + "\""), std::string::npos);  // incoming link
  EXPECT_NE(page.find("href=\"/ontology#responsibleParty\""), std::string::npos);
}

TEST(LinkedData, UnitPageShowsTextAndItsPlaceInTheSource) {
  TestServer server;
  auto res = server.client().Get("/page/" + kMeasure);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const auto& page = res->body;
  EXPECT_NE(page.find("<blockquote class=\"text\">The Ministry of Commerce shall open the cultural market"),
            std::string::npos);
  EXPECT_NE(page.find("<span class=\"offsets\">40–134</span>"), std::string::npos);
  // The surrounding text from the document, with the unit marked (offsets in code points: the em
  // dash before it is one code point but three bytes).
  EXPECT_NE(page.find("Official Reply — on the Sample Plan\n\nI. <mark>The Ministry of Commerce shall open"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("brokers.</mark> Haidian District"), std::string::npos);
  // Its place in the structure, above it.
  EXPECT_NE(page.find("href=\"/id/doc/sample-reply/provision/1\""), std::string::npos);
}

TEST(LinkedData, AnotherBaseMapsTheSameWay) {
  std::ifstream in(policykg::test::fixture_file());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string ttl = ss.str();
  for (std::size_t at; (at = ttl.find("https://w3id.org/policykg/id/")) != std::string::npos;)
    ttl.replace(at, 29, "http://example.org/kg/");
  auto file = std::filesystem::temp_directory_path() / "policykg-server-base-test.ttl";
  std::ofstream(file) << ttl;
  auto options = policykg::test::fixture_options();
  options.base = "http://example.org/kg/";
  TestServer server(options, file.string());
  auto client = server.client();
  auto res = client.Get("/id/agency/ministry-of-commerce", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  auto data = client.Get("/data/agency/ministry-of-commerce.nt");
  ASSERT_TRUE(data);
  EXPECT_NE(data->body.find("<http://example.org/kg/agency/ministry-of-commerce>"), std::string::npos);
  auto page = client.Get("/page/" + kMeasure);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<mark>The Ministry"), std::string::npos);
  std::filesystem::remove(file);
}

TEST(LinkedData, OntologyNegotiatesAndDocumentsEveryTerm) {
  TestServer server;
  auto client = server.client();
  auto html = client.Get("/ontology", {{"Accept", kBrowser}});
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Vary"), "Accept");
  EXPECT_EQ(html->get_header_value("Content-Location"), "/ontology.html");
  for (const char* anchor : {"id=\"Measure\"", "id=\"Agency\"", "id=\"responsibleParty\"", "id=\"sourceStart\"",
                             "id=\"InstrumentTypes\""})
    EXPECT_NE(html->body.find(anchor), std::string::npos) << anchor;
  EXPECT_NE(html->body.find("Any policy document, whether parsed"), std::string::npos);  // comments
  auto ttl = client.Get("/ontology", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(ttl);
  std::ifstream in(policykg::test::source_dir() + "/ontology/policykg.ttl");
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(ttl->body, file.str());
  const auto n = count_triples(ttl->body, Format::Turtle);
  for (auto [ext, format] : {std::pair{"nt", Format::NTriples}, std::pair{"jsonld", Format::JsonLd},
                             std::pair{"rdf", Format::RdfXml}}) {
    auto res = client.Get(std::string("/ontology.") + ext);
    ASSERT_TRUE(res);
    EXPECT_EQ(count_triples(res->body, format), n) << ext;
  }
}
