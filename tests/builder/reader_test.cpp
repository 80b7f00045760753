#include <gtest/gtest.h>

#include "builder/source_text.hpp"
#include "rdf/error.hpp"

using policykg::builder::SourceText;

TEST(Reader, CodePointOffsetsCountCharactersNotBytes) {
  SourceText t("a\xC2\xA0" "b中文c", "x.txt");  // a NBSP b 中 文 c
  EXPECT_EQ(t.code_point(0), 0u);
  EXPECT_EQ(t.code_point(1), 1u);
  EXPECT_EQ(t.code_point(3), 2u);
  EXPECT_EQ(t.code_point(4), 3u);
  EXPECT_EQ(t.code_point(7), 4u);
  EXPECT_EQ(t.code_points(), 6u);
}

TEST(Reader, IndexHoldsAcrossBlocks) {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "é中a";  // 2 + 3 + 1 bytes, 3 code points
  SourceText t(s, "x.txt");
  EXPECT_EQ(t.code_points(), 3000u);
  EXPECT_EQ(t.code_point(6 * 500), 1500u);
  EXPECT_EQ(t.code_point(6 * 500 + 2), 1501u);
}

TEST(Reader, RejectsEmptyBinaryAndInvalidUtf8WithByteOffset) {
  try {
    SourceText("", "empty.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "empty.txt");
  }
  try {
    SourceText(std::string("ab\0cd", 5), "bin.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "bin.txt:byte 2");
    EXPECT_NE(std::string(e.what()).find("NUL"), std::string::npos);
  }
  try {
    SourceText("abc\xE4\xB8" "d", "bad.txt");  // truncated 3-byte sequence
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "bad.txt:byte 3");
  }
  EXPECT_THROW(SourceText("\xC0\xAF", "overlong.txt"), policykg::Error);
  EXPECT_THROW(SourceText("\xED\xA0\x80", "surrogate.txt"), policykg::Error);
}
