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
