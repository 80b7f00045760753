// Classifier: a measure's policy-instrument type and service sectors from keyword rules in
// data/rules/classification.json.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

/// Concepts by their index in the rules (ClassificationRules::instrument_types and ::sectors).
struct Classification {
  static constexpr std::size_t kNone = SIZE_MAX;
  std::size_t instrument = kNone;     ///< kNone when no keyword matched
  std::vector<std::size_t> sectors;  ///< ascending
};

class Classifier {
 public:
  explicit Classifier(const ClassificationRules& rules);
  Classification classify(const NormalizedText& text) const;
  /// Classifies folded text (see fold()).
  Classification classify(std::string_view lower) const;
  /// Sectors only.
  std::vector<std::size_t> sectors(const NormalizedText& text) const;

 private:
  const ClassificationRules& rules_;
  PhraseTable instruments_{false};
  PhraseTable sectors_{false};
};

}  // namespace policykg::builder
