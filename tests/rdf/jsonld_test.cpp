#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "rdf/jsonld_reader.hpp"
#include "rdf/jsonld_writer.hpp"
#include "rdf/model.hpp"
#include "tests/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace policykg::rdf;

namespace {

const char* kContext = R"({
  "pol": "https://w3id.org/policykg/ontology#",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "label": {"@id": "rdfs:label", "@language": "en"},
  "text": {"@id": "pol:text"},
  "position": {"@id": "pol:position", "@type": "xsd:integer"},
  "locatedIn": {"@id": "pol:locatedIn", "@type": "@id"}
})";

std::vector<Triple> jsonld_sample() {
  const std::string base = "https://w3id.org/policykg/id/";
  auto id = [&](const std::string& s) { return Term::iri(base + s); };
  auto pol = [](const std::string& s) { return Term::iri("https://w3id.org/policykg/ontology#" + s); };
  auto rdfs_label = Term::iri("http://www.w3.org/2000/01/rdf-schema#label");
  std::vector<Triple> ts = {
      {id("zone/z"), Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), pol("Zone")},
      {id("zone/z"), rdfs_label, Term::lang_literal("Zhongguancun", "en")},
      {id("zone/z"), rdfs_label, Term::lang_literal("中关村", "zh")},        // not the term's language
      {id("zone/z"), pol("locatedIn"), id("district/haidian")},
      {id("zone/z"), pol("locatedIn"), Term::blank("b0")},                     // blank object
      {id("zone/z"), pol("text"), Term::literal("exact \"text\"\n")},
      {id("zone/z"), pol("position"), Term::integer(3)},
      {id("zone/z"), pol("position"), Term::xsd("4.5", "decimal")},          // other datatype
      {id("zone/z"), pol("mentions"), id("agency/x")},                        // no term: compact IRI
      {Term::blank("b0"), rdfs_label, Term::literal("anonymous")},
      {id("doc/d"), Term::iri("http://purl.org/dc/terms/issued"), Term::xsd("2019-01-31", "date")},
  };
  std::sort(ts.begin(), ts.end());
  return ts;
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  if (status != 0) out = "FAILED(" + std::to_string(status) + "): " + out;
  return out;
}

}  // namespace

TEST(JsonLd, WriterCompactsWithTheContext) {
  auto doc = to_jsonld(jsonld_sample(), nlohmann::json::parse(kContext), "https://w3id.org/policykg/id/");
  std::string text = doc.dump();
  EXPECT_NE(text.find("\"@id\":\"id:zone/z\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"position\":"), std::string::npos) << text;
  EXPECT_NE(text.find("\"pol:mentions\":{\"@id\":\"id:agency/x\"}"), std::string::npos) << text;
  EXPECT_NE(text.find("\"@type\":\"pol:Zone\""), std::string::npos) << text;
}

TEST(JsonLd, OwnReaderReadsBackTheSameGraph) {
  auto doc = to_jsonld(jsonld_sample(), nlohmann::json::parse(kContext), "https://w3id.org/policykg/id/");
  auto back = parse_jsonld(doc.dump(2), "test.jsonld");
  std::sort(back.begin(), back.end());
  // Blank node labels may differ; compare with them normalised to the one blank node present.
  for (auto& t : back) {
    if (t.s.is_blank()) t.s.value = "b0";
    if (t.o.is_blank()) t.o.value = "b0";
  }
  std::sort(back.begin(), back.end());
  EXPECT_EQ(back, jsonld_sample());
}

TEST(JsonLd, ReaderNamesThePlaceOfBadInput) {
  try {
    parse_jsonld(R"({"@context": {}, "@graph": [{"@id": "http://x/a", "unknownterm": "v"}]})", "g.jsonld");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_NE(e.describe().find("g.jsonld at /@graph/0/unknownterm"), std::string::npos) << e.describe();
  }
  EXPECT_THROW(parse_jsonld("{not json", "g.jsonld"), policykg::Error);
}

// A standard JSON-LD processor (the npm jsonld package) must read our JSON-LD as the same graph
// raptor writes as N-Triples: both are canonicalised (URDNA2015) and compared.
TEST(JsonLd, StandardProcessorAgreesWithRaptor) {
  fs::path tools = fs::path(POLICYKG_SOURCE_DIR) / "tests" / "js";
  ASSERT_TRUE(fs::exists(tools / "node_modules" / "jsonld"))
      << "tests/js/node_modules is missing: run scripts/install-deps";
  const policykg::test::TempDir scratch("policykg-jsonld");
  const fs::path& dir = scratch.path();
  auto triples = jsonld_sample();
  nlohmann::json ctx = nlohmann::json::parse(kContext);
  std::ofstream(dir / "g.jsonld") << to_jsonld(triples, ctx, "https://w3id.org/policykg/id/").dump(2);
  std::ofstream(dir / "g.nt") << serialize(triples, Format::NTriples, "");
  std::string script = (tools / "canonize.mjs").string();
  std::string from_jsonld = run("node " + script + " " + (dir / "g.jsonld").string());
  std::string from_nt = run("node " + script + " " + (dir / "g.nt").string());
  EXPECT_FALSE(from_nt.empty());
  EXPECT_EQ(from_jsonld, from_nt);
}
