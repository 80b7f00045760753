#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using policykg::first_invalid_text_byte;
using policykg::first_invalid_utf8;
using policykg::utf8_char_start;
using policykg::utf8_continuation;
using policykg::utf8_decode;
using policykg::utf8_encode;
using policykg::utf8_step;

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

TEST(Utf8, DecodesAndEncodesEveryLength) {
  const std::string text = "a\xC3\xA9\xE5\x8C\x97\xF0\x9F\x98\x80";  // a é 北 😀
  const std::u32string codes = utf8_decode(text);
  EXPECT_EQ(codes, (std::u32string{U'a', U'\u00E9', U'\u5317', U'\U0001F600'}));
  EXPECT_EQ(utf8_encode(codes), text);
  // a byte that starts no sequence is one U+FFFD, and decoding goes on after it
  EXPECT_EQ(utf8_decode("a\xFF" "b"), (std::u32string{U'a', U'\uFFFD', U'b'}));
  EXPECT_EQ(utf8_decode("\xE5\x8C"), (std::u32string{U'\uFFFD', U'\uFFFD'}));
}

TEST(Utf8, StepsAndCharacterStarts) {
  const std::string text = "a\xE5\x8C\x97" "b";  // a 北 b
  EXPECT_EQ(utf8_step(text, 0), 1u);
  EXPECT_EQ(utf8_step(text, 1), 3u);
  EXPECT_EQ(utf8_step(text, 2), 1u);  // inside a character: one byte, so loops move on
  EXPECT_EQ(utf8_char_start(text, 3), 1u);
  EXPECT_EQ(utf8_char_start(text, 4), 4u);
  EXPECT_EQ(utf8_char_start(text, 3, 2), 2u);  // never before the floor
  EXPECT_TRUE(utf8_continuation(text, 2));
  EXPECT_FALSE(utf8_continuation(text, 1));
}
