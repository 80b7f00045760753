#include <gtest/gtest.h>

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
