#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "builder/normalized_text.hpp"

using namespace policykg::builder;

namespace {

// fold() as it is specified: collapse_whitespace(), then typographic quotes made ASCII, then
// ASCII lower case.
std::string reference_fold(std::string_view s) {
  std::string collapsed = collapse_whitespace(s), out;
  for (std::size_t i = 0; i < collapsed.size();) {
    std::string_view rest = std::string_view(collapsed).substr(i);
    if (rest.starts_with("\u2018") || rest.starts_with("\u2019")) {
      out += '\'';
      i += 3;
    } else if (rest.starts_with("\u201C") || rest.starts_with("\u201D")) {
      out += '"';
      i += 3;
    } else {
      char c = collapsed[i++];
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return out;
}

const std::vector<std::string> kTexts = {
    "",
    "   ",
    "Xicheng District",
    "  Xicheng \t\n District  ",
    "XICHENG\u00A0DISTRICT",            // no-break space
    "Xicheng\u3000District\u3000",      // ideographic space
    "\u2003Xicheng \u200B District",    // em space, zero-width space
    "the \u201CTwo Zones\u201D Plan",   // typographic double quotes
    "People\u2019s Government",         // typographic apostrophe
    "People's  government",
    "\uFEFFBOM first",
    "ends with a quote\u2019",
    "\u4E2D\u5173\u6751 Zhongguancun",  // CJK text is left as it is
    "tab\tand\x01control",
};

}  // namespace

TEST(Fold, CollapsesTrimsUnquotesAndLowers) {
  EXPECT_EQ(fold("  Xicheng \t\n District  "), "xicheng district");
  EXPECT_EQ(fold("XICHENG\u00A0DISTRICT"), "xicheng district");
  EXPECT_EQ(fold("the \u201CTwo Zones\u201D Plan"), "the \"two zones\" plan");
  EXPECT_EQ(fold("People\u2019s\u3000Government"), "people's government");
  EXPECT_EQ(fold(" \u3000 "), "");
  for (const auto& t : kTexts) EXPECT_EQ(fold(t), reference_fold(t)) << t;
}

TEST(Fold, SameFoldedAgreesWithComparingFoldedCopies) {
  for (const auto& a : kTexts)
    for (const auto& b : kTexts) EXPECT_EQ(same_folded(a, b), fold(a) == fold(b)) << "'" << a << "' '" << b << "'";
  EXPECT_TRUE(same_folded("People\u2019s  Government", "people's government"));
  EXPECT_TRUE(same_folded(" Xicheng District", "xicheng\u00A0district "));
  EXPECT_FALSE(same_folded("Xicheng District", "Xicheng Districts"));
  EXPECT_FALSE(same_folded("Xicheng District", "XichengDistrict"));
  EXPECT_FALSE(same_folded("", " a"));
}

namespace {

// The normalised text of `s` and the source offset of each of its bytes, byte by byte as the
// header specifies it: a whitespace run between two other characters is one space, from the
// run's first byte; a typographic quote is one ASCII byte; anything else is copied.
std::pair<std::string, std::vector<std::size_t>> reference_map(std::string_view s) {
  std::string text;
  std::vector<std::size_t> from;
  std::size_t space = std::string_view::npos;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t w = whitespace_length(s, i)) {
      if (space == std::string_view::npos) space = i;
      i += w;
      continue;
    }
    if (space != std::string_view::npos && !text.empty()) {
      text += ' ';
      from.push_back(space);
    }
    space = std::string_view::npos;
    std::string_view rest = s.substr(i);
    if (rest.starts_with("\u2018") || rest.starts_with("\u2019") || rest.starts_with("\u201C") ||
        rest.starts_with("\u201D")) {
      text += rest[2] == '\x98' || rest[2] == '\x99' ? '\'' : '"';
      from.push_back(i);
      i += 3;
      continue;
    }
    text += s[i];
    from.push_back(i);
    ++i;
  }
  return {text, from};
}

}  // namespace

TEST(NormalizedText, EveryRangeMapsBackToItsSourceBytes) {
  std::vector<std::string> texts = kTexts;
  texts.push_back("We shall  \u201Cimplement\u201D it;\u3000Xicheng  District shall\u00A0act.");
  texts.push_back("\u4E2D\u5173\u6751\u3000 and \u00E9t\u00E9 \u2019x\u2019  ");
  for (const auto& t : texts) {
    const std::string source = "ab " + t + " z";  // the span starts and ends inside a larger text
    const Span span{3, 3 + t.size()};
    NormalizedText nt(source, span);
    auto [text, from] = reference_map(t);
    ASSERT_EQ(nt.text(), text) << t;
    for (std::size_t b = 0; b < text.size(); ++b)
      for (std::size_t e = b + 1; e <= text.size(); ++e) {
        std::size_t stop = from[e - 1] + 1;
        while (stop < t.size() && (static_cast<unsigned char>(t[stop]) & 0xC0) == 0x80) ++stop;
        Span got = nt.source(b, e);
        ASSERT_EQ(got.begin, span.begin + from[b]) << t << " [" << b << ", " << e << ")";
        ASSERT_EQ(got.end, span.begin + stop) << t << " [" << b << ", " << e << ")";
      }
  }
}

TEST(OpensAt, APhraseFollowedByASpace) {
  const std::string_view text = "and improve the band, to be";
  EXPECT_TRUE(opens_at(text, 0, "and"));
  EXPECT_TRUE(opens_at(text, 4, "improve the"));
  EXPECT_FALSE(opens_at(text, 17, "and"));  // "band," : no space after it
  EXPECT_FALSE(opens_at(text, 16, "and"));  // "band" stands there
  EXPECT_TRUE(opens_at(text, 22, "to"));
  EXPECT_FALSE(opens_at(text, 25, "be"));  // the text ends after it
  EXPECT_FALSE(opens_at(text, 0, ""));
  EXPECT_FALSE(opens_at(text, text.size() + 5, "and"));  // past the end
}
