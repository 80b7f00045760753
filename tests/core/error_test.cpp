#include "core/error.hpp"

#include <gtest/gtest.h>

#include <string>

using policykg::Error;
using policykg::Place;

TEST(Place, CountsLinesColumnsAndOffsetsInCodePoints) {
  const std::string text = "ab\n\xe5\x8c\x97\xe4\xba\xac x\ny";  // "ab", then "北京 x", then "y"
  Place p = Place::in("f.txt", text, text.find('x'));
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 4u);  // after two characters of three bytes each and a space
  EXPECT_EQ(p.offset, 6u);
  EXPECT_EQ(p.to_string(), "f.txt:2:4");
  p = Place::in("f.txt", text, 0);
  EXPECT_EQ(p.to_string(), "f.txt:1:1");
  EXPECT_EQ(p.offset, 0u);
  // Past the end: the end.
  p = Place::in("f.txt", text, 1000);
  EXPECT_EQ(p.line, 3u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(p.offset, 9u);
}

TEST(Error, SaysWhereAndWhatOnOneLine) {
  const Error at(Error::Category::Syntax, Place::in("query", "SELECT\n  ?x", 9), "unexpected ?x");
  EXPECT_EQ(at.where(), "query:2:3");
  EXPECT_EQ(at.place().offset, 9u);
  EXPECT_EQ(at.describe(), "query:2:3: unexpected ?x");
  const Error whole(Error::Category::Io, "out.ttl", "cannot write");
  EXPECT_EQ(whole.place().line, 0u);
  EXPECT_EQ(whole.describe(), "out.ttl: cannot write");
  EXPECT_EQ(Error(Error::Category::Usage, "", "no input").describe(), "no input");
  EXPECT_EQ(Error(Error::Category::Syntax, Place{"in.rdf", 7}, "bad").where(), "in.rdf:7");
}
