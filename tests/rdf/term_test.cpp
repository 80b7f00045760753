#include "rdf/term.hpp"

#include <gtest/gtest.h>

#include "rdf/format.hpp"

using policykg::rdf::Term;

TEST(Term, NTriplesForms) {
  EXPECT_EQ(Term::iri("http://x/a").to_ntriples(), "<http://x/a>");
  EXPECT_EQ(Term::blank("b1").to_ntriples(), "_:b1");
  EXPECT_EQ(Term::literal("say \"hi\"\n").to_ntriples(), "\"say \\\"hi\\\"\\n\"");
  // Every escape, between and around runs that need none; UTF-8 and DEL pass as they are.
  EXPECT_EQ(Term::literal("\\a\tb\rc\x01" "d\x1f\x7f\u00e9\"").to_ntriples(),
            "\"\\\\a\\tb\\rc\\u0001d\\u001F\x7f\u00e9\\\"\"");
  EXPECT_EQ(Term::lang_literal("x", "en").to_ntriples(), "\"x\"@en");
  EXPECT_EQ(Term::integer(42).to_ntriples(), "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

TEST(Term, OrderIsTotalAndStable) {
  Term a = Term::iri("http://x/a"), b = Term::iri("http://x/b");
  EXPECT_LT(a, b);
  EXPECT_NE(Term::literal("1"), Term::integer(1));
}

TEST(Format, NamesAndExtensions) {
  using policykg::rdf::Format;
  EXPECT_EQ(policykg::rdf::format_from_name("turtle"), Format::Turtle);
  EXPECT_EQ(policykg::rdf::format_from_name("JSON-LD"), Format::JsonLd);
  EXPECT_EQ(policykg::rdf::format_from_path("a/b.nq"), Format::NQuads);
  EXPECT_EQ(policykg::rdf::format_from_path("graph.owl"), Format::RdfXml);
  EXPECT_FALSE(policykg::rdf::format_from_name("yaml"));
  EXPECT_FALSE(policykg::rdf::format_from_path("noext"));
}

TEST(Term, LanguageTagsHaveTheShapeOfBcp47AndABound) {
  for (const char* tag : {"en", "DE-at", "zh-Hans-CN", "x-private1", "i-klingon", "sgn-BE-FR", "en-a-bbb-x-a-ccc"})
    EXPECT_TRUE(policykg::rdf::is_language_tag(tag)) << tag;
  for (const char* tag : {"", "-en", "en-", "en--GB", "e n", "1en", "en_GB", "abcdefghi", "en-abcdefghi", "en-\xc3\xa9"})
    EXPECT_FALSE(policykg::rdf::is_language_tag(tag)) << tag;
  std::string subtags;
  for (int i = 0; i < 7; ++i) subtags += "-abcdefgh";
  EXPECT_TRUE(policykg::rdf::is_language_tag("a" + subtags));    // 64 characters
  EXPECT_FALSE(policykg::rdf::is_language_tag("ab" + subtags));  // 65
  EXPECT_FALSE(policykg::rdf::is_language_tag(std::string(300, 'a')));
}
