// Classifier: a measure's policy-instrument type and service sectors from keyword rules in
// data/rules/classification.json. A keyword is a whole word or phrase ("fund" does not match
// "foreign-funded"); one ending in "*" is a word prefix ("financ*" matches "financial"). Hits
// inside a masked span (a name: "Ministry of Finance", "Capital Airport") do not count, and an
// instrument type's `actions` count three times when they are the clause's first action (the
// verb after "shall", or the clause's first word; after a light verb such as "explore" or
// "encourage", the first action that follows it, a light verb there in the same action leading
// on in turn).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

/// Concepts by their index in the rules (ClassificationRules::instrument_types and ::sectors).
struct Classification {
  static constexpr std::size_t kNone = SIZE_MAX;
  using At = std::pair<std::size_t, std::size_t>;  ///< [begin, end) in the normalised text
  std::size_t instrument = kNone;     ///< kNone when no keyword matched
  At instrument_at{};                 ///< the leading action that decided it, else its first keyword
  bool by_action = false;             ///< the leading action decided it
  std::vector<std::size_t> sectors;  ///< ascending
  std::vector<At> sector_at;          ///< each sector's first keyword
};

/// Spans [begin, end) of normalised text that hold names, ascending by begin.
using Masked = std::vector<std::pair<std::size_t, std::size_t>>;

/// Whether [begin, end) overlaps a masked span.
bool is_masked(const Masked& masked, std::size_t begin, std::size_t end);

class Classifier {
 public:
  explicit Classifier(const ClassificationRules& rules);
  /// `action`: where the clause's first action starts in `text` (0: its start). `sector_masked`,
  /// when given, masks the sectors' keywords instead of `masked`.
  /// `named`: the listed programmes and platforms the clause names (gazetteer ids, each with
  /// where it is named), each counting as a keyword of its concept in `named_instruments`.
  Classification classify(
      const NormalizedText& text, const Masked& masked = {}, std::size_t action = 0,
      const Masked* sector_masked = nullptr,
      const std::vector<std::pair<std::string_view, Classification::At>>& named = {}) const;
  /// Classifies folded text (see fold()).
  Classification classify(std::string_view lower) const;
  /// Sectors only (with where each was first named, when `at` is given).
  std::vector<std::size_t> sectors(const NormalizedText& text, const Masked& masked = {},
                                   std::vector<Classification::At>* at = nullptr) const;

 private:
  /// A keyword table in two halves: whole words and word prefixes.
  struct Keywords {
    PhraseTable words{true}, prefixes{false};
    void add(std::string_view keyword, std::size_t payload);
    template <class Fn>
    void each(const NormalizedText& text, const Masked& masked, Fn&& fn) const {
      auto keep = [&](const PhraseTable::Hit& h) {
        if (!is_masked(masked, h.begin, h.end)) fn(h);
      };
      // A keyword inside a longer keyword counts only as that one: "technolog*" in "financial
      // technology" is finance.
      Masked phrases;
      words.each(text, false, [&](const PhraseTable::Hit& h) {
        phrases.emplace_back(h.begin, h.end);
        keep(h);
      });
      // A prefix's hit covers its whole word: "financ*" in "financial" is "financial".
      const std::string& lower = text.lower();
      prefixes.each(text, false, [&](PhraseTable::Hit h) {
        while (h.end < lower.size() && (is_alnum(lower[h.end]) || lower[h.end] == '-')) ++h.end;
        if (!is_masked(phrases, h.begin, h.end)) keep(h);
      });
    }
  };
  const ClassificationRules& rules_;
  std::size_t passive_permission_ = Classification::kNone;  ///< the type of a passive permission
  std::map<std::string, std::size_t, std::less<>> named_instruments_;  ///< programme id -> its type
  Keywords instruments_, sectors_, actions_, ignored_, light_verbs_, scope_cues_, beneficiary_cues_, beneficiary_heads_;
  /// Sectors whose keywords lie outside `masked` (names and ignored phrases).
  std::vector<std::size_t> sectors_outside(const NormalizedText& text, const Masked& masked,
                                           std::vector<Classification::At>* at) const;
  /// `masked` with the ignored phrases of `text` added.
  Masked with_ignored(const NormalizedText& text, const Masked& masked) const;
  /// `masked` with the lists of areas a clause's action covers ("in such areas as customs,
  /// commerce and financial supervision"), which name no instrument.
  Masked with_scopes(const NormalizedText& text, Masked masked) const;
  /// `masked` with the beneficiaries of `text` added ("for foreign trade companies").
  Masked with_beneficiaries(const NormalizedText& text, Masked masked) const;
};

}  // namespace policykg::builder
