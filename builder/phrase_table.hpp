// PhraseTable: finds many folded phrases in folded text in one pass, looking up candidates by
// the first bytes of each word, so that gazetteer names, cue phrases and keywords cost one scan
// however many there are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policykg::builder {

class PhraseTable {
 public:
  /// `whole_words`: a phrase must end at a word boundary; otherwise it may be a word prefix
  /// ("financ" matches "financial").
  explicit PhraseTable(bool whole_words = true) : whole_words_(whole_words) {}

  /// Adds a phrase (folded with fold()) with a payload returned on each hit.
  void add(std::string_view phrase, std::size_t payload);
  bool empty() const { return count_ == 0; }

  struct Hit {
    std::size_t begin = 0, end = 0, payload = 0;
  };
  /// The longest phrase starting at each word start of `lower`, in order; with `overlapping`
  /// false the scan resumes after each hit.
  std::vector<Hit> scan(std::string_view lower, bool overlapping = false) const;
  /// Whether any phrase occurs.
  bool any(std::string_view lower) const;

 private:
  struct Entry {
    std::string phrase;
    std::size_t payload;
  };
  const Entry* longest_at(std::string_view lower, std::size_t i) const;
  static std::uint32_t key(std::string_view s, std::size_t len);
  std::unordered_map<std::uint32_t, std::vector<Entry>> by_key_;
  bool whole_words_;
  bool has_short_ = false;
  std::size_t count_ = 0;
};

}  // namespace policykg::builder
