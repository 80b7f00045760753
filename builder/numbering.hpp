// Numbering: the numeral that opens a paragraph, in any of the styles the document family uses
// ("I .", "II.", "1.", "1、", "(1)", "(i)", "(a)", "一、", "（一）", "Article 1", "Chapter II").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::builder {

struct Marker {
  std::string style;    ///< "roman", "arabic", "arabic-comma", "paren-arabic", ..., "word:Article"
  int value = 0;        ///< numeric value, for checking the sequence
  std::string printed;  ///< the numeral as printed, without punctuation: "II", "7", "i", "一"
  std::size_t length = 0;  ///< bytes up to the text after the numeral and its spaces
};

/// The marker opening `paragraph`, if any; `article_words` are words such as "Article".
std::optional<Marker> read_marker(std::string_view paragraph, const std::vector<std::string>& article_words);
/// Value of a Roman numeral (either case), 0 when it is not one.
int roman_value(std::string_view s);

}  // namespace policykg::builder
