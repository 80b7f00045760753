#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "rdf/error.hpp"
#include "rdf/model.hpp"
#include "rdf/parser.hpp"

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

namespace {
std::vector<Triple> sorted(std::vector<Triple> ts) {
  std::sort(ts.begin(), ts.end());
  ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
  return ts;
}
}  // namespace

TEST(Serializer, RdfXmlReadsBackAsTheSameTriples) {
  auto triples = sample();
  const Term s = Term::iri("https://w3id.org/policykg/id/doc/a");
  // Predicates outside the declared namespaces, and one whose local part starts after a digit.
  triples.push_back({s, Term::iri("http://example.org/vocab/hasPart"), Term::blank("node one")});
  triples.push_back({s, Term::iri("http://example.org/v2/3rdParty"), Term::literal("x")});
  triples.push_back({Term::blank("node one"), Term::iri("http://example.org/vocab/name"),
                     Term::literal("a < b & \"c\"\ttab\nline\r\n 北京")});
  triples.push_back({s, Term::iri("http://purl.org/dc/terms/issued"),
                     Term::typed("2019-01-31", "http://www.w3.org/2001/XMLSchema#date")});
  const std::string xml = serialize(triples, Format::RdfXml, "https://w3id.org/policykg/id/");
  EXPECT_NE(xml.find("<dcterms:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#date\">2019-01-31</dcterms:issued>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<p:rdParty xmlns:p=\"http://example.org/v2/3\">"), std::string::npos) << xml;

  // Blank nodes are renamed, so compare the N-Triples of both with their labels unified.
  auto relabel = [](std::vector<Triple> ts) {
    for (auto& t : ts)
      for (Term* term : {&t.s, &t.o})
        if (term->is_blank()) *term = Term::blank("b");
    return sorted(ts);
  };
  EXPECT_EQ(relabel(parse_string(xml, Format::RdfXml)), relabel(triples));
}

TEST(Serializer, RdfXmlRefusesWhatXmlCannotHold) {
  const Term s = Term::iri("https://w3id.org/policykg/id/doc/a");
  try {
    serialize(std::vector<Triple>{{s, Term::iri("http://example.org/p"), Term::literal("bell\x07")}}, Format::RdfXml, "");
    FAIL() << "a control character was written";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "<https://w3id.org/policykg/id/doc/a>");
    EXPECT_NE(std::string(e.what()).find("control character 7"), std::string::npos) << e.what();
  }
  try {
    serialize(std::vector<Triple>{{s, Term::iri("http://example.org/p/"), s}}, Format::RdfXml, "");
    FAIL() << "a predicate with no local name was written";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "<http://example.org/p/>");
  }
  // Turtle holds both.
  EXPECT_NO_THROW(serialize(std::vector<Triple>{{s, Term::iri("http://example.org/p/"), Term::literal("bell\x07")}},
                            Format::Turtle, ""));
}
