#include <gtest/gtest.h>

#include <sstream>

#include "rdf/error.hpp"
#include "rdf/model.hpp"

using namespace policykg::rdf;

namespace {
std::vector<Triple> sample() {
  auto iri = [](const std::string& s) { return Term::iri("https://w3id.org/policykg/id/" + s); };
  auto pol = [](const std::string& s) { return Term::iri("https://w3id.org/policykg/ontology#" + s); };
  return {{iri("zone/z"), pol("locatedIn"), iri("district/d")},
          {iri("district/d"), Term::iri("http://www.w3.org/2000/01/rdf-schema#label"), Term::lang_literal("D District", "en")},
          {iri("zone/z"), pol("position"), Term::integer(2)}};
}
}  // namespace

TEST(Serializer, SameTriplesInAnyOrderGiveIdenticalBytes) {
  auto a = sample();
  auto b = a;
  std::reverse(b.begin(), b.end());
  b.push_back(b.front());  // a duplicate changes nothing
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::RdfXml}) {
    EXPECT_EQ(serialize(a, f, "https://w3id.org/policykg/id/"), serialize(b, f, "https://w3id.org/policykg/id/"))
        << format_name(f);
  }
}

TEST(Serializer, TurtleUsesTheProjectPrefixes) {
  std::string ttl = serialize(sample(), Format::Turtle, "https://w3id.org/policykg/id/");
  EXPECT_NE(ttl.find("@prefix pol: <https://w3id.org/policykg/ontology#>"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("@prefix id: <https://w3id.org/policykg/id/>"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("pol:locatedIn"), std::string::npos) << ttl;
}

TEST(Serializer, NQuadsPutsTriplesInTheNamedGraph) {
  std::string nq = serialize(sample(), Format::NQuads, "", "https://w3id.org/policykg/id/graph");
  EXPECT_NE(nq.find("<https://w3id.org/policykg/id/graph> ."), std::string::npos) << nq;
}

TEST(Serializer, StreamedTextEqualsTheStringInEveryFormat) {
  // Over a megabyte, so that the stream is written in several pieces.
  Graph g;
  for (int i = 0; i < 20000; ++i)
    g.add(Triple{Term::iri("https://w3id.org/policykg/id/m/" + std::to_string(i)),
                 Term::iri("https://w3id.org/policykg/ontology#text"), Term::literal("text of measure " + std::to_string(i))});
  for (const auto& t : sample()) g.add(t);
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::JsonLd, Format::RdfXml}) {
    std::ostringstream os;
    serialize(g, f, "https://w3id.org/policykg/id/", os, "https://example.org/g");
    EXPECT_EQ(os.str(), serialize(g, f, "https://w3id.org/policykg/id/", "https://example.org/g")) << format_name(f);
  }
  EXPECT_GT(serialize(g, Format::NTriples, "").size(), 1u << 20);
}
