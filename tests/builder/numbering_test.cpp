#include <gtest/gtest.h>

#include "builder/numbering.hpp"

using policykg::builder::read_marker;

namespace {
const std::vector<std::string> kWords = {"Article", "Chapter"};
}

TEST(Numbering, StylesOfTheDocumentFamily) {
  struct Case {
    std::string text, style, printed;
    int value;
  } cases[] = {
      {"I . General Requirements", "roman", "I", 1},
      {"II .\xC2\xA0\xC2\xA0We shall", "roman", "II", 2},
      {"IV. The relevant", "roman", "IV", 4},
      {"7.  Reinforcing", "arabic", "7", 7},
      {"1、 Developing", "arabic-comma", "1", 1},
      {"(1) Opening", "paren-arabic", "1", 1},
      {"(iii) Building", "paren-roman", "iii", 3},
      {"(b) Item", "paren-letter", "b", 2},
      {"一、 General", "cjk", "一", 1},
      {"十二、 More", "cjk", "十二", 12},
      {"（二） Main Tasks", "paren-cjk", "二", 2},
      {"Article 3 The State", "word:Article", "3", 3},
  };
  for (const auto& c : cases) {
    auto m = read_marker(c.text, kWords);
    ASSERT_TRUE(m) << c.text;
    EXPECT_EQ(m->style, c.style) << c.text;
    EXPECT_EQ(m->printed, c.printed) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
  }
}

TEST(Numbering, NotMarkers) {
  for (std::string s : {"144-hour free-visa transit", "1.5 million", "In 2019 the", "I am", "2020-12-23 15:58", "X"})
    EXPECT_FALSE(read_marker(s, kWords)) << s;
}

TEST(Numbering, ANumberTooLongForAHeadingIsNone) {
  // "Article" followed by more digits than an int holds threw out of std::stoi
  EXPECT_FALSE(read_marker("Article 99999999999999999999 The State", kWords));
  EXPECT_FALSE(read_marker("Article 1234567 The State", kWords));
  auto m = read_marker("Article 123456 The State", kWords);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 123456);
}
