#include <gtest/gtest.h>

#include "rdf/xml_text.hpp"

using policykg::rdf::xml_escaped;
using policykg::rdf::XmlPlace;

TEST(XmlText, EscapesMarkupAndQuotes) {
  EXPECT_EQ(xml_escaped("a < b && \"c\" > 'd'"), "a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;");
}

TEST(XmlText, AttributeValuesKeepTheirWhitespaceAsReferences) {
  EXPECT_EQ(xml_escaped("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(XmlText, ContentKeepsTabsAndLineFeedsButNotCarriageReturns) {
  EXPECT_EQ(xml_escaped("a\tb\nc\rd", XmlPlace::Content), "a\tb\nc&#13;d");
}

TEST(XmlText, CharactersXmlCannotHoldBecomeReplacementCharacters) {
  EXPECT_TRUE(policykg::rdf::xml_forbidden('\x01'));
  EXPECT_TRUE(policykg::rdf::xml_forbidden('\x1f'));
  EXPECT_FALSE(policykg::rdf::xml_forbidden('\t'));
  EXPECT_FALSE(policykg::rdf::xml_forbidden(' '));
  EXPECT_EQ(xml_escaped(std::string("bell\x07.")), "bell\xEF\xBF\xBD.");
  // UTF-8 passes through untouched.
  EXPECT_EQ(xml_escaped("北京 — é", XmlPlace::Content), "北京 — é");
}
