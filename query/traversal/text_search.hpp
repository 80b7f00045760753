// TextIndex: ranked full-text search over a GraphView. Each resource is indexed by its labels
// (rdfs:label, skos:altLabel, skos:prefLabel, dcterms:identifier) and, for a unit of a document,
// by its own words: its text without the text of the units inside it, so that a task is found by
// its heading and a measure by its sentence, not every task by every measure it holds.
//
// Words are runs of letters and digits, ASCII-lower-cased; every other character separates them
// (no-break and ideographic spaces, hyphens and quotes included), and a Chinese character is a
// word of its own. A query word matches a word it equals, or, at 0.6 of the weight, a longer one it
// starts ("institution" finds "institutions"). Ranking, highest first: how many of the query's
// words a resource has; whether it has them side by side and in order; Okapi BM25 (k1 = 1.2,
// b = 0.75) over labels (counted twice) and own text; then the IRI in natural order.
//
// Building is linear in the text indexed; a search costs, for each query word, a lookup in the
// sorted vocabulary plus one step per posting of the words it matches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "query/traversal/graph_view.hpp"

namespace policykg::query {

/// The words of `text` as the index reads them, in order.
std::vector<std::string> search_words(std::string_view text);

/// The text of `unit` without the text of the units inside it (dcterms:isPartOf, located by
/// pol:sourceStart/pol:sourceEnd), white space collapsed; "" for a resource with no pol:text.
std::string own_text(const GraphView& view, Vertex unit);

struct SearchHit {
  Vertex vertex{};
  std::size_t matched = 0;  ///< how many distinct query words it has
  bool phrase = false;      ///< the query's words side by side, in order, in a label or its text
  double score = 0;         ///< BM25
  std::string snippet;      ///< up to about 160 characters of its text (or label) around the first match
};

class TextIndex {
 public:
  explicit TextIndex(const GraphView& view);

  /// The resources that have at least one of the words of `query`, best first, at most `limit`.
  std::vector<SearchHit> search(std::string_view query, std::size_t limit = 20) const;

  /// The resources one of whose labels, or whose own text, holds every word of `run` side by
  /// side and in order (whole words, case and spacing aside), by IRI in natural order;
  /// `in_labels` restricts them to labels.
  std::vector<Vertex> containing(std::string_view run, bool in_labels) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Field {
    std::string text;                 ///< as shown (whitespace collapsed)
    std::vector<std::uint32_t> words;  ///< word ids, in order
    std::vector<std::uint32_t> starts; ///< byte offset in `text` of each word
  };
  struct Entry {
    Vertex vertex{};
    std::vector<Field> labels;
    Field text;
    std::size_t length = 0;  ///< words, labels counted twice
  };
  struct Posting {
    std::uint32_t entry = 0;
    float tf = 0;  ///< occurrences, labels counted twice
  };

  std::uint32_t word_id(const std::string& word);
  Field field(std::string text);
  /// The vocabulary's ids for one query word: the word itself (weight 1) and longer words it
  /// starts (weight 0.6).
  std::vector<std::pair<std::uint32_t, float>> expand(const std::string& word) const;
  bool has_run(const Field& f, const std::vector<std::vector<std::uint32_t>>& alternatives,
               std::size_t* at = nullptr) const;

  const GraphView* view_;
  std::vector<Entry> entries_;
  std::map<std::string, std::uint32_t, std::less<>> vocabulary_;
  std::vector<std::vector<Posting>> postings_;  ///< by word id
  double average_length_ = 0;
};

}  // namespace policykg::query
