// Reading a version from a graph: parts by pol:position, own texts without the parts' texts, the
// facts followed, and a document without parts refused.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "diff/diff.hpp"
#include "ontology/terms.hpp"

namespace policykg::diff {
namespace {

using rdf::Term;

struct GraphBuilder {
  std::vector<rdf::Triple> triples;
  void add(const std::string& s, std::string_view p, Term o) {
    triples.push_back({Term::iri("https://example.org/" + s), Term::iri(std::string(p)), std::move(o)});
  }
  void link(const std::string& s, std::string_view p, const std::string& o) { add(s, p, Term::iri("https://example.org/" + o)); }
  void unit(const std::string& id, std::string_view cls, const std::string& parent, int position, const std::string& text) {
    link(id, std_terms::rdf_type, "");
    triples.back().o = Term::iri(std::string(cls));
    link(id, std_terms::dcterms_isPartOf, parent);
    add(id, pol::position, Term::integer(position));
    add(id, pol::text, Term::literal(text));
    add(id, std_terms::dcterms_identifier, Term::literal(id));
  }
};

TEST(ReadVersion, PartsInOrderOwnTextsAndFacts) {
  GraphBuilder g;
  g.link("doc", std_terms::rdf_type, "");
  g.triples.back().o = Term::iri(std::string(pol::Plan));
  const std::string m1 = "allow  foreign banks to open branches", m2 = "permit travel agencies to operate";
  g.unit("task", pol::Task, "doc", 1, "1. Opening up\n\nFinance. We shall " + m1 + "; and " + m2 + ".");
  g.unit("init", pol::Initiative, "task", 1, "Finance. We shall " + m1 + "; and " + m2 + ".");
  // Listed out of order: pol:position decides.
  g.unit("m2", pol::Statement, "init", 2, m2);
  g.unit("m1", pol::Measure, "init", 1, m1);
  g.link("m1", pol::responsibleParty, "agency/commerce");
  g.add("agency/commerce", std_terms::rdfs_label, Term::lang_literal("Ministry of Commerce", "en"));
  g.link("m1", pol::appliesTo, "district/haidian");
  g.add("m1", pol::condition, Term::literal("upon  approval"));
  g.link("m1", pol::mentions, "district/haidian");  // not a fact the comparison follows
  std::sort(g.triples.begin(), g.triples.end());
  const query::GraphView view(g.triples);
  const Version v = read_version(view, *view.vertex("https://example.org/doc"), "doc");
  ASSERT_EQ(v.units.size(), 4u);
  EXPECT_EQ(v.units[0].key, "task");
  EXPECT_EQ(v.units[0].level, Level::Task);
  EXPECT_EQ(v.units[0].text, "1. Opening up");
  EXPECT_EQ(v.units[1].text, "Finance. We shall and");  // the parts cut out, their punctuation with them
  EXPECT_EQ(v.units[1].full_text, "Finance. We shall allow foreign banks to open branches; and permit travel agencies to operate.");
  EXPECT_EQ(v.units[2].key, "m1");
  EXPECT_EQ(v.units[2].text, "allow foreign banks to open branches");
  EXPECT_EQ(v.units[2].parent, 1u);
  EXPECT_EQ(v.units[2].depth, 2u);
  EXPECT_EQ(v.units[3].key, "m2");
  EXPECT_EQ(v.units[3].type, "Statement");
  EXPECT_EQ(v.units[3].level, Level::Clause);
  const std::vector<Fact> facts = {{"condition", "upon approval", "upon approval"},
                                   {"place", "https://example.org/district/haidian", "haidian"},
                                   {"responsible", "https://example.org/agency/commerce", "Ministry of Commerce"}};
  EXPECT_EQ(v.units[2].facts, facts);
}

TEST(ReadVersion, ADocumentWithoutPartsIsRefused) {
  std::vector<rdf::Triple> triples = {{Term::iri("https://example.org/cited"), Term::iri(std::string(std_terms::rdf_type)),
                                       Term::iri(std::string(pol::Document))}};
  const query::GraphView view(triples);
  try {
    read_version(view, *view.vertex("https://example.org/cited"), "No. 1");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "No. 1");
    EXPECT_NE(std::string(e.what()).find("no parts"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace policykg::diff
