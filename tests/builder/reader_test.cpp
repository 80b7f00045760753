#include <gtest/gtest.h>

#include "builder/source_text.hpp"
#include "core/error.hpp"

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
    EXPECT_EQ(e.where(), "bin.txt:1:3");
    EXPECT_NE(std::string(e.what()).find("NUL"), std::string::npos);
  }
  try {
    SourceText("abc\xE4\xB8" "d", "bad.txt");  // truncated 3-byte sequence
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "bad.txt:1:4");
  }
  EXPECT_THROW(SourceText("\xC0\xAF", "overlong.txt"), policykg::Error);
  EXPECT_THROW(SourceText("\xED\xA0\x80", "surrogate.txt"), policykg::Error);
}

TEST(Reader, CodePointOfEveryByteMatchesCountingLeadBytes) {
  // Runs of every length of one-, two-, three- and four-byte characters, so that the eight-byte
  // steps see every mix of lead and continuation bytes, across block boundaries.
  std::string s;
  const char* chars[] = {"a", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80"};
  for (int round = 0; round < 40; ++round)
    for (int k = 0; k < 4; ++k)
      for (int n = 0; n <= round % 9; ++n) s += chars[(k + round) % 4];
  SourceText t(s, "x.txt");
  std::size_t leads = 0;
  for (std::size_t byte = 0; byte <= s.size(); ++byte) {
    ASSERT_EQ(t.code_point(byte), leads) << byte;
    if (byte < s.size() && (static_cast<unsigned char>(s[byte]) & 0xC0) != 0x80) ++leads;
  }
}
