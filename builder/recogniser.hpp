// Recogniser: the entities a stretch of text names. Gazetteer names and aliases are matched
// case-insensitively across irregular spacing; patterns ("<Name> District", "Ministry of <X>",
// "<X> Commission", "People's Government of <X>", ...) find names no gazetteer lists.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "builder/gazetteer.hpp"
#include "builder/normalized_text.hpp"
#include "builder/phrase_table.hpp"
#include "builder/rules.hpp"

namespace policykg::builder {

struct Mention {
  std::string entity;  ///< IRI path: "district/haidian"
  EntityKind kind = EntityKind::Agency;
  Span span;            ///< source bytes
  std::size_t begin = 0, end = 0;  ///< offsets in the normalised text searched
  std::string surface;  ///< as printed, whitespace collapsed
  bool known = false;   ///< listed in the gazetteer
};

class Recogniser {
 public:
  Recogniser(const Gazetteer& gazetteer, const EntityPatternRules& rules);
  /// Mentions in `text`, in order, never overlapping (the longest name wins).
  std::vector<Mention> find(const NormalizedText& text) const;

 private:
  struct Candidate {
    std::size_t begin, end;
    std::string entity;
    EntityKind kind;
    bool known;
  };
  void find_patterns(const NormalizedText& text, std::vector<Candidate>& out) const;
  /// A name no gazetteer reading found at [begin, end): known after all when the gazetteer lists its id.
  Candidate unlisted(std::size_t begin, std::size_t end, std::string entity, EntityKind kind) const;
  /// A capitalised word or a number: a word a name may begin or end with.
  static bool opens_name(std::string_view w);
  bool is_connector(std::string_view w) const;
  /// Names in quotation marks (EntityPatternRules::Quoted).
  void find_quoted(const NormalizedText& text, std::vector<Candidate>& out) const;
  /// Names listed after a cue (EntityPatternRules::list_cues) that no other reading found.
  void find_listed(const NormalizedText& text, std::vector<Candidate>& out) const;
  /// Whether `word` is, whole, a gazetteer name or alias.
  bool listed_name(std::string_view word) const;

  const Gazetteer& gazetteer_;
  const EntityPatternRules& rules_;
  PhraseTable names_;
  std::vector<std::pair<std::size_t, bool>> aliases_;  ///< entity index, name starts with a capital
  std::vector<std::vector<std::string>> heads_;  ///< each pattern's head words
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_first_word_;  ///< patterns by head[0]
  std::array<bool, 256> head_initials_{};  ///< first bytes of the heads' first words
};

}  // namespace policykg::builder
