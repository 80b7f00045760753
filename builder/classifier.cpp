// Classifier: keyword hits per concept; the instrument type with most hits (first listed on a
// tie), every sector with a hit.
#include "builder/classifier.hpp"

#include "builder/normalized_text.hpp"

namespace policykg::builder {

Classifier::Classifier(const ClassificationRules& rules) : rules_(rules) {
  // Payload: the concept's index. A keyword listed under two concepts counts for the first.
  for (std::size_t c = 0; c < rules.instrument_types.size(); ++c)
    for (const auto& k : rules.instrument_types[c].keywords) instruments_.add(k, c);
  for (std::size_t c = 0; c < rules.sectors.size(); ++c)
    for (const auto& k : rules.sectors[c].keywords) sectors_.add(k, c);
}

std::set<std::string> Classifier::sectors(const NormalizedText& text) const {
  std::set<std::string> out;
  for (const auto& h : sectors_.scan(text)) out.insert(rules_.sectors[h.payload].concept_name);
  return out;
}

Classification Classifier::classify(std::string_view lower) const {
  return classify(NormalizedText(lower, {0, lower.size()}));
}

Classification Classifier::classify(const NormalizedText& text) const {
  Classification c;
  std::vector<int> score(rules_.instrument_types.size(), 0);
  for (const auto& h : instruments_.scan(text)) ++score[h.payload];
  int best = 0;
  for (std::size_t i = 0; i < score.size(); ++i)
    if (score[i] > best) {
      best = score[i];
      c.instrument = rules_.instrument_types[i].concept_name;
    }
  c.sectors = sectors(text);
  return c;
}

}  // namespace policykg::builder
