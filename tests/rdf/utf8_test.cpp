#include "rdf/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using policykg::rdf::first_invalid_text_byte;
using policykg::rdf::first_invalid_utf8;

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("plain ASCII"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("北京 café \xF0\x9F\x98\x80 \xEF\xBF\xBD"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\xED\x9F\xBF"), std::nullopt);      // U+D7FF
}

TEST(Utf8, FindsTheFirstIllFormedByte) {
  EXPECT_EQ(first_invalid_utf8("ab\xFF"), 2u);
  EXPECT_EQ(first_invalid_utf8("a\x80"), 1u);               // a lone continuation byte
  EXPECT_EQ(first_invalid_utf8("x\xC0\xAF"), 1u);           // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xE0\x80\xAF"), 0u);        // overlong, three bytes
  EXPECT_EQ(first_invalid_utf8("\xF0\x80\x80\xAF"), 0u);    // overlong, four bytes
  EXPECT_EQ(first_invalid_utf8("ok\xED\xA0\x80"), 2u);      // a surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
  EXPECT_EQ(first_invalid_utf8("abc\xE5\x8C"), 3u);         // cut short at the end
  EXPECT_EQ(first_invalid_utf8("\xE5\x8C" "A"), 0u);        // cut short by ASCII
}

TEST(Utf8, TextBytesAlsoRefuseNul) {
  const std::string with_nul("ab\0c", 4);
  EXPECT_EQ(first_invalid_utf8(with_nul), std::nullopt);
  EXPECT_EQ(first_invalid_text_byte(with_nul), 2u);
  EXPECT_EQ(first_invalid_text_byte("北京\xFF"), 6u);
  EXPECT_EQ(first_invalid_text_byte("北京"), std::nullopt);
}
