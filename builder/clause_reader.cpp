// ClauseReader (see the header).
#include "builder/clause_reader.hpp"

#include <algorithm>

#include "builder/relation_rules.hpp"

namespace policykg::builder {

bool listed(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool has_suffix(std::string_view w, const std::vector<std::string>& suffixes, std::size_t min_chars) {
  return w.size() >= min_chars &&
         std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& x) { return w.ends_with(x); });
}

bool is_adverb(std::string_view w, const RelationRules& rules) {
  return listed(rules.adverbs, w) ||
         (has_suffix(w, rules.adverb_suffixes, rules.adverb_min_chars) && !listed(rules.not_adverbs, w));
}

ClauseReader::ClauseReader(const RelationContext& context) : ctx_(context), rules_(context.rules) {
  for (const auto& a : rules_.relations.label_articles) {
    if (a.empty()) continue;
    label_articles_.push_back(a + " ");
    std::string capital = a + " ";
    if (is_lower(capital[0])) capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    label_articles_.push_back(std::move(capital));
  }
}

std::pair<std::size_t, std::size_t> ClauseReader::subject_verb(const std::string& lower) const {
  std::pair<std::size_t, std::size_t> first{std::string::npos, 0};
  for (const auto& v : rules_.relations.subject_verbs)
    if (std::size_t at = find_word(lower, v); at < first.first) first = {at, v.size()};
  return first;
}

std::string_view ClauseReader::strip_article(std::string_view s) const {
  for (const auto& a : label_articles_)
    if (s.starts_with(a)) s.remove_prefix(a.size());
  return s;
}

bool ClauseReader::cue_before(const std::string& lower, std::size_t at) const {
  const std::size_t reach = rules_.relations.dependency_cue_window_chars;
  std::size_t from = at > reach ? at - reach : 0;
  std::string window = lower.substr(from, at - from);
  if (window.find(';') != std::string::npos) window = window.substr(window.rfind(';') + 1);
  return ctx_.dependency_cues.any(window);
}

Masked ClauseReader::names_in(const NormalizedText& nt, const std::vector<Mention>& ms, const std::vector<Citation>& cites, bool platforms) const {
  Masked out;
  for (const auto& m : ms)
    if (platforms || !(m.known && m.kind == EntityKind::Infrastructure)) out.emplace_back(m.begin, m.end);
  for (const auto& c : cites) out.emplace_back(c.begin, c.end);
  const std::string& t = nt.text();
  const auto& ep = rules_.entity_patterns;
  auto listed = [](const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  std::size_t run_begin = 0, run_end = 0, capitals = 0, i = 0;
  auto inside_platform = [&](std::size_t b, std::size_t e) {
    return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.known && m.kind == EntityKind::Infrastructure && m.begin <= b && e <= m.end;
    });
  };
  auto close = [&] {
    if (capitals >= 2 && (platforms || !inside_platform(run_begin, run_end))) out.emplace_back(run_begin, run_end);
    capitals = 0;
  };
  while (i < t.size()) {
    while (i < t.size() && !is_alnum(t[i])) {
      if (t[i] != ' ' && t[i] != '-' && t[i] != '\'') close();  // punctuation ends a name
      ++i;
    }
    std::size_t e = i;
    while (e < t.size() && (is_alnum(t[e]) || t[e] == '-' || t[e] == '\'')) ++e;
    if (e == i) break;
    std::string_view w(t.data() + i, e - i);
    if (is_upper(w[0]) && !(capitals == 0 && listed(ep.stop_words, w))) {
      if (capitals == 0) run_begin = i;
      ++capitals;
      run_end = e;
    } else if (capitals == 0 || !listed(ep.connectors, w)) {
      close();
    }
    i = e;
  }
  close();
  std::sort(out.begin(), out.end());
  return out;
}

bool ClauseReader::starts_longer_name(const NormalizedText& nt, std::size_t end) const {
  const std::string& t = nt.text();
  // "China (Beijing) International Fair", "in China (Beijing)": a place with a bracketed place
  // after it names something else together.
  if (end + 2 < t.size() && t[end] == ' ' && t[end + 1] == '(' && is_upper(t[end + 2])) return true;
  if (end + 1 >= t.size() || t[end] != ' ' || !is_upper(t[end + 1])) return false;
  std::size_t e = end + 1;
  while (e < t.size() && (is_alnum(t[e]) || t[e] == '-')) ++e;
  std::string_view w(t.data() + end + 1, e - end - 1);
  const auto& ep = rules_.entity_patterns;
  const auto& within = rules_.relations.place_continuations;
  return std::find(ep.stop_words.begin(), ep.stop_words.end(), w) == ep.stop_words.end() &&
         std::find(within.begin(), within.end(), w) == within.end();
}

bool ClauseReader::after_by(const std::string& lower, std::size_t at) const {
  const auto& rr = rules_.relations;
  std::string_view before(lower.data(), at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (const auto& a : rr.label_articles)
    if (!a.empty() && before.size() > a.size() && before.ends_with(a) && before[before.size() - a.size() - 1] == ' ') {
      before.remove_suffix(a.size() + 1);
      break;
    }
  const std::string& by = rr.passive_agent_cue;
  return !by.empty() && before.size() > by.size() && before.ends_with(by) && before[before.size() - by.size() - 1] == ' ';
}

bool ClauseReader::joins_names(std::string_view between) const {
  if (between == ", ") return true;
  for (const auto& c : rules_.relations.conjunctions) {
    if (c.empty()) continue;
    std::string_view rest = between;
    if (rest.starts_with(",")) rest.remove_prefix(1);
    if (rest.size() == c.size() + 2 && rest.front() == ' ' && rest.back() == ' ' && rest.substr(1, c.size()) == c)
      return true;
  }
  return false;
}

bool ClauseReader::ends_longer_name(const NormalizedText& nt, std::size_t begin, std::size_t end) const {
  const std::string& t = nt.text();
  const auto& stops = rules_.entity_patterns.stop_words;
  auto name_word_before = [&](std::size_t at, std::size_t* word_begin) {  // the word ending just before `at`
    std::size_t e = at;
    while (e > 0 && t[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && (is_alnum(t[b - 1]) || t[b - 1] == '-' || t[b - 1] == '\'')) --b;
    if (word_begin) *word_begin = b;
    return std::string_view(t.data() + b, e - b);
  };
  auto is_name_word = [&](std::string_view w, std::size_t at) {
    return !w.empty() && is_upper(w[0]) && at > 0 && std::find(stops.begin(), stops.end(), w) == stops.end();
  };
  if (begin > 0 && t[begin - 1] == '(' && end < t.size() && t[end] == ')') {
    std::size_t at = 0;
    const std::string_view before = name_word_before(begin - 1, &at);
    if (is_name_word(before, at)) return true;
    std::size_t e = end + 1;
    while (e < t.size() && t[e] == ' ') ++e;
    std::size_t we = e;
    while (we < t.size() && (is_alnum(t[we]) || t[we] == '-')) ++we;
    return is_name_word(std::string_view(t.data() + e, we - e), e);
  }
  if (begin == 0 || t[begin - 1] != ' ') return false;
  std::size_t at = 0;
  std::string_view w = name_word_before(begin, &at);
  if (listed(rules_.entity_patterns.tail_openers, w)) w = name_word_before(at, &at);
  return is_name_word(w, at);
}

std::size_t ClauseReader::excluded(const NormalizedText& nt, const std::vector<PhraseTable::Hit>& cues, std::size_t begin) const {
  const std::string& t = nt.lower();
  for (const auto& h : cues) {
    if (h.end > begin) break;
    std::string_view between(t.data() + h.end, begin - h.end);
    if (between.find_first_of(",;()") != std::string_view::npos) continue;
    if (static_cast<std::size_t>(std::count(between.begin(), between.end(), ' ')) <=
        rules_.relations.exclusion_max_words + 1)
      return h.begin;
  }
  return kNotExcluded;
}

std::size_t ClauseReader::action_start(const NormalizedText& nt) const {
  const std::string& lower = nt.lower();
  const auto& rr = rules_.relations;
  std::size_t k = 0;
  const auto verb = subject_verb(lower);
  const std::size_t shall = verb.first;
  if (shall != std::string::npos) k = shall + verb.second;
  while (k < lower.size() && !is_alnum(lower[k])) ++k;
  if (shall == std::string::npos)
    for (const auto& c : rr.conjunctions)
      if (opens_at(lower, k, c)) {
        k += c.size() + 1;
        break;
      }
  // adverbs: "shall actively", "continue to"
  return skip_words(lower, k, [&rr](std::string_view w) { return is_adverb(w, rr); });
}

std::optional<std::pair<std::size_t, std::size_t>> ClauseReader::statement_cue(const NormalizedText& nt) const {
  const std::size_t at = action_start(nt);
  for (const auto& h : ctx_.statement_openings.scan(nt))
    if (h.begin == at) return std::make_pair(h.begin, h.end);
  for (const auto& h : ctx_.statement_phrases.scan(nt)) return std::make_pair(h.begin, h.end);
  return std::nullopt;
}

}  // namespace policykg::builder
