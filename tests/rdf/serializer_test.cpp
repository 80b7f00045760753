#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "core/error.hpp"
#include "rdf/model.hpp"
#include "rdf/parser.hpp"
#include "rdf/serializer.hpp"

using namespace policykg::rdf;

namespace {
std::vector<Triple> serializer_sample() {
  auto iri = [](const std::string& s) { return Term::iri("https://w3id.org/policykg/id/" + s); };
  auto pol = [](const std::string& s) { return Term::iri("https://w3id.org/policykg/ontology#" + s); };
  return {{iri("zone/z"), pol("locatedIn"), iri("district/d")},
          {iri("district/d"), Term::iri("http://www.w3.org/2000/01/rdf-schema#label"), Term::lang_literal("D District", "en")},
          {iri("zone/z"), pol("position"), Term::integer(2)}};
}
}  // namespace

TEST(Serializer, SameTriplesInAnyOrderGiveIdenticalBytes) {
  auto a = serializer_sample();
  auto b = a;
  std::reverse(b.begin(), b.end());
  b.push_back(b.front());  // a duplicate changes nothing
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::RdfXml}) {
    EXPECT_EQ(serialize(a, f, "https://w3id.org/policykg/id/"), serialize(b, f, "https://w3id.org/policykg/id/"))
        << format_name(f);
  }
}

TEST(Serializer, TurtleUsesTheProjectPrefixes) {
  std::string ttl = serialize(serializer_sample(), Format::Turtle, "https://w3id.org/policykg/id/");
  EXPECT_NE(ttl.find("@prefix pol: <https://w3id.org/policykg/ontology#>"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("@prefix id: <https://w3id.org/policykg/id/>"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("pol:locatedIn"), std::string::npos) << ttl;
}

TEST(Serializer, NQuadsPutsTriplesInTheNamedGraph) {
  std::string nq = serialize(serializer_sample(), Format::NQuads, "", "https://w3id.org/policykg/id/graph");
  EXPECT_NE(nq.find("<https://w3id.org/policykg/id/graph> ."), std::string::npos) << nq;
}

TEST(Serializer, StreamedTextEqualsTheStringInEveryFormat) {
  // Over a megabyte, so that the stream is written in several pieces.
  Graph g;
  for (int i = 0; i < 20000; ++i)
    g.add(Triple{Term::iri("https://w3id.org/policykg/id/m/" + std::to_string(i)),
                 Term::iri("https://w3id.org/policykg/ontology#text"), Term::literal("text of measure " + std::to_string(i))});
  for (const auto& t : serializer_sample()) g.add(t);
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads, Format::JsonLd, Format::RdfXml}) {
    std::ostringstream os;
    serialize(g, f, "https://w3id.org/policykg/id/", os, "https://example.org/g");
    EXPECT_EQ(os.str(), serialize(g, f, "https://w3id.org/policykg/id/", "https://example.org/g")) << format_name(f);
  }
  EXPECT_GT(serialize(g, Format::NTriples, "").size(), 1u << 20);
}

TEST(Serializer, EveryThreadCountWritesTheSameBytes) {
  // Enough triples for several pieces of text, subjects with many triples across a piece's end,
  // blank nodes, literals of every kind, and an IRI Turtle cannot shorten.
  Graph g;
  const std::string id = "https://w3id.org/policykg/id/";
  const Term type = Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  for (int i = 0; i < 120000; ++i) {
    const Term s = Term::iri(id + "m/" + std::to_string(i / 7));
    g.add(Triple{s, Term::iri("https://w3id.org/policykg/ontology#p" + std::to_string(i % 7)),
                 i % 3 == 0   ? Term::literal("text \"" + std::to_string(i) + "\"\n")
                 : i % 3 == 1 ? Term::lang_literal("words " + std::to_string(i), "zh")
                              : Term::integer(i)});
    if (i % 5 == 0) g.add(Triple{s, type, Term::blank("b" + std::to_string(i % 11))});
  }
  g.add(Triple{Term::iri("https://example.org/a b"), type, Term::iri(id + "x.")});
  g.sort();
  for (Format f : {Format::Turtle, Format::NTriples, Format::NQuads}) {
    std::ostringstream one;
    serialize(g, f, id, one, "https://example.org/g", 1);
    for (unsigned threads : {2u, 3u, 8u}) {
      std::ostringstream many;
      serialize(g, f, id, many, "https://example.org/g", threads);
      EXPECT_TRUE(many.str() == one.str()) << format_name(f) << " on " << threads << " threads";
    }
    EXPECT_EQ(one.str(), serialize(g, f, id, "https://example.org/g")) << format_name(f);
  }
  // A dataset: graphs made a graph a thread, written in the order given.
  std::vector<NamedGraph> graphs;
  graphs.push_back({"", Graph(serializer_sample())});
  for (int n = 0; n < 40; ++n) {
    Graph part;
    for (int i = 0; i < 500; ++i)
      part.add(Triple{Term::iri(id + "doc/" + std::to_string(n) + "/m/" + std::to_string(i)),
                      Term::iri("https://w3id.org/policykg/ontology#text"), Term::literal("measure " + std::to_string(i))});
    graphs.push_back({id + "doc/" + std::to_string(n), std::move(part)});
  }
  for (DatasetSyntax syntax : {DatasetSyntax::NQuads, DatasetSyntax::TriG}) {
    std::ostringstream one, many;
    serialize_dataset(graphs, syntax, id, one, 1);
    serialize_dataset(graphs, syntax, id, many, 4);
    EXPECT_TRUE(one.str() == many.str()) << (syntax == DatasetSyntax::TriG ? "TriG" : "N-Quads");
    EXPECT_LT(one.str().find("doc/3/m/"), one.str().find("doc/30/m/")) << "graphs in the order given";
  }
}

namespace {
std::vector<Triple> sorted(std::vector<Triple> ts) {
  std::sort(ts.begin(), ts.end());
  ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
  return ts;
}
}  // namespace

TEST(Serializer, RdfXmlReadsBackAsTheSameTriples) {
  auto triples = serializer_sample();
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
