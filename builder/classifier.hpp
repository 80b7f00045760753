// Classifier: a measure's policy-instrument type and service sectors from keyword rules in
// data/rules/classification.json.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

struct Classification {
  std::string instrument;         ///< pol: local name; empty when no keyword matched
  std::set<std::string> sectors;  ///< pol: local names
};

class Classifier {
 public:
  explicit Classifier(const ClassificationRules& rules);
  Classification classify(const NormalizedText& text) const;
  /// Classifies folded text (see fold()).
  Classification classify(std::string_view lower) const;
  /// Sectors only.
  std::set<std::string> sectors(const NormalizedText& text) const;

 private:
  const ClassificationRules& rules_;
  PhraseTable instruments_{false};
  PhraseTable sectors_{false};
};

}  // namespace policykg::builder
