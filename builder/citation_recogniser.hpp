// Citation recogniser: the documents a stretch of text cites. Known titles (the gazetteer's and
// those of every document in the corpus) match case-insensitively; document numbers ("No. 81
// [2015]", "No.  86 [2017]", "Guo Han [2007] No. 76", "〔2015〕") and title patterns ("the
// Several Measures for ...", "Official Reply of the State Council on ...") find the rest;
// lower-case names ("the three-year action plan made by X to ...") find unnamed plans.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "builder/gazetteer.hpp"
#include "builder/phrase_table.hpp"
#include "builder/recogniser.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

struct Citation {
  enum class Kind { Document, DefinedTerm, BackReference };
  Kind kind = Kind::Document;
  Span span;                       ///< source bytes
  std::size_t begin = 0, end = 0;  ///< offsets in the normalised text searched
  std::string doc;                 ///< IRI path of the cited document ("doc/...")
  std::string title;               ///< title as the text gives it (whitespace collapsed)
  std::string identifier;          ///< number as printed, whitespace collapsed
  std::string type;                ///< OfficialReply, Plan or Document
  std::string issuer;              ///< agency id when the text or gazetteer says
  int year = 0;                    ///< the year the number gives (0: no number)
};

/// Titles known before the text is read: the gazetteer's documents and the documents of the
/// corpus, folded, with their IRI paths.
class TitleRegistry {
 public:
  TitleRegistry() = default;
  /// Titles shorter than `min_chars` (folded, in bytes: CitationRules::known_title_min_chars)
  /// are too short to identify a document and are left out.
  explicit TitleRegistry(std::size_t min_chars) : min_chars_(min_chars) {}
  void add(std::string_view title, const std::string& doc);
  const PhraseTable& table() const { return table_; }
  const std::string& doc(std::size_t payload) const { return docs_[payload]; }

 private:
  PhraseTable table_;
  std::vector<std::string> docs_;
  std::size_t min_chars_ = 0;
};

class CitationRecogniser {
 public:
  CitationRecogniser(const Gazetteer& gazetteer, const Rules& rules, const TitleRegistry& titles);
  /// Citations in `text`, in order; `mentions` are the entities found in the same text.
  std::vector<Citation> find(const NormalizedText& text, const std::vector<Mention>& mentions) const;
  /// The document type a title implies (OfficialReply, Plan or Document).
  std::string type_of_title(std::string_view title) const;

 private:
  void find_numbers(const NormalizedText& text, const std::vector<Mention>& mentions, std::vector<Citation>& out) const;
  void find_titles(const NormalizedText& text, const std::vector<Mention>& mentions, std::vector<Citation>& out) const;
  void find_generic(const NormalizedText& text, const std::vector<Mention>& mentions, std::vector<Citation>& out) const;
  std::string numbered_id(const std::string& identifier, const std::string& issuer_slug, int year, int number) const;

  const Gazetteer& gazetteer_;
  const Rules& rules_;
  const TitleRegistry& titles_;
  PhraseTable generic_;
  PhraseTable defined_;
  PhraseTable back_;
  PhraseTable title_starts_{false};             ///< folded: where a title may begin, in one pass
  std::vector<std::size_t> unindexed_starts_;  ///< title starts not opening with a letter or digit
  std::map<std::string, const KnownDocument*> by_identifier_;  ///< folded identifier
  std::map<std::string, const KnownDocument*> by_id_;
};

}  // namespace policykg::builder
