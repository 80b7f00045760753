// Classifier: keyword hits per concept; the instrument type with most hits (first listed on a
// tie), every sector with a hit.
#include "builder/classifier.hpp"

#include <algorithm>
#include <array>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

Classifier::Classifier(const ClassificationRules& rules) : rules_(rules) {
  // Payload: the concept's index. A keyword listed under two concepts counts for the first.
  for (std::size_t c = 0; c < rules.instrument_types.size(); ++c)
    for (const auto& k : rules.instrument_types[c].keywords) instruments_.add(k, c);
  for (std::size_t c = 0; c < rules.sectors.size(); ++c)
    for (const auto& k : rules.sectors[c].keywords) sectors_.add(k, c);
}

std::vector<std::size_t> Classifier::sectors(const NormalizedText& text) const {
  std::vector<std::size_t> out;
  sectors_.each(text, false, [&](const PhraseTable::Hit& h) { out.push_back(h.payload); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Classification Classifier::classify(std::string_view lower) const {
  return classify(NormalizedText(lower, {0, lower.size()}));
}

Classification Classifier::classify(const NormalizedText& text) const {
  Classification c;
  // Scores on the stack for as many types as rules usually list.
  std::array<int, 16> few{};
  std::vector<int> many;
  const std::size_t types = rules_.instrument_types.size();
  int* score = few.data();
  if (types > few.size()) {
    many.assign(types, 0);
    score = many.data();
  }
  instruments_.each(text, false, [&](const PhraseTable::Hit& h) { ++score[h.payload]; });
  int best = 0;
  for (std::size_t i = 0; i < types; ++i)
    if (score[i] > best) {
      best = score[i];
      c.instrument = i;
    }
  c.sectors = sectors(text);
  return c;
}

}  // namespace policykg::builder
