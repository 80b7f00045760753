// ClauseReader: what the relation rules ask of one clause's words, with the rules of data/rules/
// and nothing of the document around it: where its subject verb and its action are, whether it
// states no action, which of its words are names (never cues), whether a place in it closes a
// longer name, whether an exclusion or dependency cue governs a position. DocumentRelator
// (relation_rules.cpp) turns these answers into facts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "builder/citation_recogniser.hpp"
#include "builder/classifier.hpp"
#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"
#include "builder/recogniser.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

struct RelationContext;

/// Whether `list` holds `w`.
bool listed(const std::vector<std::string>& list, std::string_view w);
/// Whether `w` has at least `min_chars` characters and ends with one of `suffixes` ("-ly").
bool has_suffix(std::string_view w, const std::vector<std::string>& suffixes, std::size_t min_chars);
/// Whether `w` is an adverb the rules skip before an action: listed, or by its suffix.
bool is_adverb(std::string_view w, const RelationRules& rules);
/// From byte k of `lower`, past what is no word, then past each word `skip` holds and what
/// follows it: where the first word not skipped starts (the text's end when none is left).
template <class Skip>
std::size_t skip_words(std::string_view lower, std::size_t k, Skip&& skip) {
  for (;;) {
    while (k < lower.size() && !is_alnum(lower[k])) ++k;
    std::size_t e = k;
    while (e < lower.size() && is_alnum(lower[e])) ++e;
    if (e == k || !skip(lower.substr(k, e - k))) return k;
    k = e;
  }
}

class ClauseReader {
 public:
  explicit ClauseReader(const RelationContext& context);

  // Where the clause's first subject verb ("shall") is, and its length; npos when it has none.
  std::pair<std::size_t, std::size_t> subject_verb(const std::string& lower) const;

  // `s` without an opening label article ("the State Council").
  std::string_view strip_article(std::string_view s) const;

  // Whether a dependency cue stands just before position `at` of a clause.
  bool cue_before(const std::string& lower, std::size_t at) const;

  // The names in a clause, which are never read as cues: entities, citations, and runs of two
  // or more capitalised words ("Capital Airport", "Qualified Foreign Institutional Investor"),
  // connectors allowed inside ("Ministry of Finance"), stop words not at the start.
  // With `platforms` false, the names of the platforms and programmes the gazetteer lists
  // (pol:Infrastructure) and the capitalised runs inside them are left out.
  Masked names_in(const NormalizedText& nt, const std::vector<Mention>& ms, const std::vector<Citation>& cites, bool platforms = true) const;

  // Whether the word after normalised position `end` continues a proper name (a capitalised
  // word that is no stop word): the place before it is part of that name, unless the word only
  // names a spot inside the place ("Zhongguancun Avenue").
  bool starts_longer_name(const NormalizedText& nt, std::size_t end) const;

  // Whether the word before `at` (a label article aside) is the passive agent cue: "made by the X".
  bool after_by(const std::string& lower, std::size_t at) const;

  // Whether the text between two names joins them: ", ", or a conjunction (" and ", ", and ").
  bool joins_names(std::string_view between) const;

  // Whether the place at normalised [begin, end) closes or qualifies a longer proper name: right
  // after a capitalised word that does not open the clause ("Open Beijing"), after such a word and
  // "of" or "for" ("Perception of Beijing"), or in brackets beside one ("China (Beijing)
  // International Fair", "Cultural Trade (Beijing)").
  bool ends_longer_name(const NormalizedText& nt, std::size_t begin, std::size_t end) const;

  // Whether an exclusion cue ("excluding", "except") stands a few words before `begin`, with no
  // punctuation between.
  // Where the cue starts, or kNotExcluded.
  static constexpr std::size_t kNotExcluded = SIZE_MAX;
  std::size_t excluded(const NormalizedText& nt, const std::vector<PhraseTable::Hit>& cues, std::size_t begin) const;

  // Where the clause's action starts: after "shall" and its adverbs, else after a leading "and"
  // or "we shall".
  std::size_t action_start(const NormalizedText& nt) const;

  // A clause that sets no action: it opens with a statement cue (after its subject and "shall")
  // or holds a statement phrase. The cue's place, if so.
  std::optional<std::pair<std::size_t, std::size_t>> statement_cue(const NormalizedText& nt) const;

 private:
  const RelationContext& ctx_;
  const Rules& rules_;
  std::vector<std::string> label_articles_;  ///< "the ", "The ": each label article and a space, then capitalised
};

}  // namespace policykg::builder
