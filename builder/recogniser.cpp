// Recogniser: gazetteer names through a PhraseTable, then the name patterns over word tokens;
// overlaps resolved longest first, gazetteer before pattern (see the header).
#include "builder/recogniser.hpp"

#include <algorithm>
#include <array>

#include "builder/slug.hpp"
#include "core/text.hpp"

namespace policykg::builder {

namespace {

struct Token {
  std::size_t begin, end;
  bool word;
};

// Letters, digits, apostrophes, hyphens, ampersands and any byte of a non-ASCII character: a
// table, since tokenising reads every byte of every clause.
constexpr auto kWordChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                     c == '\'' || c == '-' || c == '&' || c >= 0x80;
  return t;
}();
bool word_char(char c) { return kWordChar[static_cast<unsigned char>(c)]; }

std::vector<Token> tokenize(const std::string& t) {
  std::vector<Token> out;
  out.reserve(t.size() / 4 + 1);  // English runs at about six bytes a word
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == ' ') {
      ++i;
      continue;
    }
    if (word_char(t[i])) {
      std::size_t j = i;
      while (j < t.size() && word_char(t[j])) ++j;
      // A possessive or closing quote at the end is not part of the word.
      while (j > i + 1 && (t[j - 1] == '\'' || t[j - 1] == '-')) --j;
      out.push_back({i, j, true});
      i = j;
    } else {
      out.push_back({i, i + 1, false});
      ++i;
    }
  }
  return out;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace

Recogniser::Recogniser(const Gazetteer& gazetteer, const EntityPatternRules& rules)
    : gazetteer_(gazetteer), rules_(rules) {
  auto add = [&](const std::string& name, std::size_t e) {
    aliases_.emplace_back(e, !name.empty() && is_upper(name[0]));
    names_.add(name, aliases_.size() - 1);
  };
  for (std::size_t e = 0; e < gazetteer.entities.size(); ++e) {
    add(gazetteer.entities[e].name, e);
    for (const auto& a : gazetteer.entities[e].aliases) add(a, e);
  }
  for (const auto& p : rules.patterns) heads_.push_back(words_of(p.head));
  for (std::size_t pi = 0; pi < heads_.size(); ++pi)
    if (!heads_[pi].empty() && !heads_[pi].front().empty()) {
      // An event's head may also be written in lower case ("the 4th plenary session of ...").
      std::vector<std::string> firsts{heads_[pi].front()};
      if (rules.patterns[pi].kind == "Event" && ascii_lower(firsts[0]) != firsts[0]) firsts.push_back(ascii_lower(firsts[0]));
      for (const auto& first : firsts) {
        by_first_word_[first].push_back(pi);
        head_initials_[static_cast<unsigned char>(first[0])] = true;
      }
    }
}

bool Recogniser::listed_name(std::string_view word) const {
  const std::string folded = fold(word);
  for (const auto& h : names_.scan(std::string_view(folded)))
    if (h.begin == 0 && h.end == folded.size()) return true;
  return false;
}

void Recogniser::find_patterns(const NormalizedText& nt, std::vector<Candidate>& out) const {
  const std::string& t = nt.text();
  std::vector<Token> toks = tokenize(t);
  auto word = [&](std::size_t k) { return std::string_view(t).substr(toks[k].begin, toks[k].end - toks[k].begin); };
  auto capitalised = [&](std::size_t k) { return toks[k].word && is_upper(t[toks[k].begin]); };
  auto in = [](const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  // The last word of a head ("District", "Commission") ends one name: another cannot run on
  // through it. In a tail only agency heads stop ("People's Government of X Municipality").
  auto is_head_word = [&](std::string_view w) {
    for (const auto& h : heads_)
      if (!h.empty() && h.back() == w) return true;
    return false;
  };
  auto is_agency_head = [&](std::string_view w) {
    for (std::size_t i = 0; i < heads_.size(); ++i)
      if (rules_.patterns[i].kind == "Agency" && !heads_[i].empty() && (heads_[i].back() == w || heads_[i].front() == w))
        return true;
    return false;
  };
  auto adjacent = [&](std::size_t a, std::size_t b) {  // only spaces between tokens a and b
    return toks[b].begin <= toks[a].end + 1;
  };

  // Where a head may begin: tokens equal to a head's first word, in pattern order then text order.
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // pattern, token
  for (std::size_t k = 0; k < toks.size(); ++k)
    if (toks[k].word && head_initials_[static_cast<unsigned char>(t[toks[k].begin])])
      if (auto it = by_first_word_.find(word(k)); it != by_first_word_.end())
        for (std::size_t pi : it->second) starts.emplace_back(pi, k);
  std::sort(starts.begin(), starts.end());
  // "19th": an ordinal, a word of an event's name ("19th CPC National Congress").
  auto ordinal = [&](std::size_t k) {
    std::string_view w = word(k);
    std::size_t d = 0;
    while (d < w.size() && is_digit(w[d])) ++d;
    std::string_view rest = w.substr(d);
    return toks[k].word && d > 0 && in(rules_.ordinal_suffixes, rest);
  };
  // "(Beijing)" from token k on: a capitalised word in brackets inside or after a name.
  auto bracketed = [&](std::size_t k) {
    const auto lower_in = [&](std::size_t w) {
      const std::string_view s = std::string_view(t).substr(toks[w].begin, toks[w].end - toks[w].begin);
      return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    };
    // Not an abbreviation: "(CPC)" after a name spells it out, it does not place it.
    return k + 2 < toks.size() && !toks[k].word && t[toks[k].begin] == '(' && capitalised(k + 1) && lower_in(k + 1) &&
           !toks[k + 2].word && t[toks[k + 2].begin] == ')' && adjacent(k, k + 1) && adjacent(k + 1, k + 2);
  };
  for (auto [pi, k] : starts) {
    const EntityPattern& p = rules_.patterns[pi];
    const auto& head = heads_[pi];
    // An event's name takes ordinals and joins its words with connectors on both sides of the
    // head, and runs on through an agency's name ("Plenary Session of the CPC Central Committee").
    const bool event = p.kind == "Event";
    auto name_word = [&](std::size_t c) { return capitalised(c) || (event && ordinal(c)); };
    auto connector = [&](std::size_t c) {
      return toks[c].word && (in(rules_.connectors, word(c)) || in(p.connectors, word(c)));
    };
    if (k + head.size() > toks.size()) continue;
    // A head in lower case names an event only right after an ordinal and with the body that
    // holds it after ("the 4th plenary session of the 19th CPC Central Committee").
    const bool lower_head = event && word(k) != head[0];
    if (lower_head && !(k > 0 && adjacent(k - 1, k) && ordinal(k - 1))) continue;
    bool match = true;
    for (std::size_t h = 0; h < head.size() && match; ++h)
      match = toks[k + h].word && (lower_head ? word(k + h) == ascii_lower(head[h]) : word(k + h) == head[h]) &&
              (h == 0 || adjacent(k + h - 1, k + h));
    if (!match) continue;
    std::size_t first = k, last = k + head.size() - 1;
    // Capitalised words before the head, connectors allowed between two of them.
    std::size_t taken = 0;
    std::size_t b = k;
    while (taken < p.before_words && b > 0 && adjacent(b - 1, b)) {
      std::size_t c = b - 1;
      if (name_word(c) && !in(rules_.stop_words, word(c)) && !is_head_word(word(c))) {
        b = c;
        ++taken;
        continue;
      }
      // "China (Beijing) International Fair": a bracketed place inside the name.
      if (p.kind != "Agency" && c >= 2 && bracketed(c - 2) && taken > 0) {
        b = c - 2;
        continue;
      }
      if ((p.kind == "Agency" || event) && connector(c) && c > 0 && adjacent(c - 1, c) && name_word(c - 1) &&
          !in(rules_.stop_words, word(c - 1)) && !is_head_word(word(c - 1)) && taken > 0) {
        b = c - 1;
        taken += 1;
        continue;
      }
      // "2nd, 3rd, and 4th plenary sessions": an event's ordinals in a list, with commas.
      auto comma = [&](std::size_t x) { return !toks[x].word && t[toks[x].begin] == ','; };
      if (event && taken > 0 && ordinal(b)) {
        std::size_t sep = c;  // ", 4th" or ", and 4th"
        if (connector(sep) && sep > 0 && adjacent(sep - 1, sep) && comma(sep - 1)) --sep;
        if (comma(sep) && sep > 0 && adjacent(sep - 1, sep) && ordinal(sep - 1)) {
          b = sep - 1;
          taken += 1;
          continue;
        }
      }
      break;
    }
    // A sentence-initial gerund is not part of a name ("Supporting Minhang District"); a name
    // the gazetteer lists is no gerund ("Beijing International Film Festival").
    if (taken > 1) {
      std::string_view w = word(b);
      bool sentence_start = b == 0 || !toks[b - 1].word;
      const auto& suffixes = rules_.gerund_suffixes;
      const bool gerund = w.size() >= rules_.gerund_min_chars &&
                          std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& x) { return w.ends_with(x); });
      if (sentence_start && gerund && !listed_name(w)) {
        ++b;
        --taken;
      }
    }
    first = b;
    // A tail opener and capitalised words after the head ("of|for <Capitalised Words>").
    std::size_t tail = 0;
    if (p.tail_words > 0 && last + 2 < toks.size() && adjacent(last, last + 1) && toks[last + 1].word &&
        in(rules_.tail_openers, word(last + 1))) {
      std::size_t e = last + 1;
      std::size_t good_end = last;
      while (e + 1 < toks.size() && tail < p.tail_words && adjacent(e, e + 1)) {
        std::size_t c = e + 1;
        if (name_word(c) && !in(rules_.stop_words, word(c))) {
          if (!event && is_agency_head(word(c)) && tail > 0) break;
          e = c;
          ++tail;
          good_end = c;
          continue;
        }
        if (connector(c) && tail > 0) {
          // "... of the Communist Party of China and the State Council" joins two bodies: the
          // "and" inside a name takes no article ("Ministry of Industry and Information Technology").
          if (in(rules_.tail_conjunctions, word(c)) && c + 1 < toks.size() && toks[c + 1].word &&
              in(rules_.tail_articles, word(c + 1)))
            break;
          e = c;
          continue;
        }
        if (toks[c].word && in(rules_.tail_articles, word(c)) && tail == 0) {
          e = c;
          continue;
        }
        break;
      }
      if (tail > 0) last = good_end;
    }
    // "National Base for International Cultural Trade (Beijing)": a bracketed place after a
    // name other than an agency's belongs to it.
    if (p.kind != "Agency" && (taken > 0 || tail > 0) && last + 1 < toks.size() && adjacent(last, last + 1) &&
        bracketed(last + 1))
      last += 3;
    // "Beijing International Garden Expo 2019": a year right after the name is part of it.
    if (p.year_after && last + 1 < toks.size() && adjacent(last, last + 1) && toks[last + 1].word) {
      std::string_view y = word(last + 1);
      if (y.size() == 4 && std::all_of(y.begin(), y.end(), is_digit) && (y.starts_with("19") || y.starts_with("20")))
        ++last;
    }
    if (lower_head && tail == 0) continue;
    if (p.before_words > 0 && p.tail_words == 0 && taken == 0) continue;
    if (p.before_words == 0 && tail == 0) continue;
    if (taken == 0 && tail == 0) continue;
    std::string name(t.substr(toks[first].begin, toks[last].end - toks[first].begin));
    std::string id_text = name;
    if (p.drop_head) id_text = std::string(t.substr(toks[first].begin, toks[k].begin - toks[first].begin));
    out.push_back(unlisted(toks[first].begin, toks[last].end, p.id_prefix + slugify(id_text),
                           kind_from_name(p.kind, "data/rules/entity_patterns.json")));
  }
}

Recogniser::Candidate Recogniser::unlisted(std::size_t begin, std::size_t end, std::string entity, EntityKind kind) const {
  Candidate c{begin, end, std::move(entity), kind, false};
  if (const GazetteerEntity* g = gazetteer_.find(c.entity)) {  // a pattern's name the gazetteer lists after all
    c.kind = g->kind;
    c.known = true;
  }
  return c;
}

bool Recogniser::opens_name(std::string_view w) { return !w.empty() && (is_upper(w.front()) || is_digit(w.front())); }

bool Recogniser::is_connector(std::string_view w) const {
  return std::find(rules_.connectors.begin(), rules_.connectors.end(), w) != rules_.connectors.end();
}

void Recogniser::find_quoted(const NormalizedText& nt, std::vector<Candidate>& out) const {
  const auto& q = rules_.quoted;
  if (q.kind.empty()) return;
  const std::string& t = nt.text();
  const std::string& lower = nt.lower();
  const EntityKind kind = kind_from_name(q.kind, "data/rules/entity_patterns.json");
  for (std::size_t open = t.find('"'); open != std::string::npos;) {
    const std::size_t close = t.find('"', open + 1);
    if (close == std::string::npos) return;
    const std::size_t begin = open + 1, end = close;
    open = t.find('"', close + 1);
    // Not an abbreviation in brackets ("NEEQ") nor a defined short name (referred to as "Plan").
    std::string_view before(lower.data(), begin - 1);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (std::any_of(q.not_after.begin(), q.not_after.end(), [&](const std::string& w) {
          return before.ends_with(w) && (w.size() == before.size() || !is_alnum(w.front()) ||
                                         !is_alnum(before[before.size() - w.size() - 1]));
        }))
      continue;
    const std::vector<Token> toks = tokenize(t.substr(begin, end - begin));
    std::size_t words = 0;
    bool fits = !toks.empty() && toks.front().word && toks.back().word;
    for (std::size_t k = 0; fits && k < toks.size(); ++k) {
      const std::string_view w(t.data() + begin + toks[k].begin, toks[k].end - toks[k].begin);
      if (!toks[k].word) {
        fits = w == "+";
        continue;
      }
      ++words;
      const bool edge = k == 0 || k + 1 == toks.size();
      fits = opens_name(w) || (!edge && is_connector(w));
    }
    if (!fits || words > q.max_words) continue;
    out.push_back(unlisted(begin, end, q.id_prefix + slugify(t.substr(begin, end - begin)), kind));
  }
}

void Recogniser::find_listed(const NormalizedText& nt, std::vector<Candidate>& out) const {
  if (rules_.list_cues.empty()) return;
  const std::string& t = nt.text();
  const std::string& lower = nt.lower();
  std::vector<Token> toks;  // the clause's, once a cue is found in it
  // Names other readings found: an item is none of them, nor part of one ("Beijing" inside an
  // item is a shorter name, which the item's wins over).
  const std::size_t found = out.size();
  auto named = [&](std::size_t b, std::size_t e) {
    for (std::size_t i = 0; i < found; ++i)
      if (out[i].begin < e && b < out[i].end && (out[i].begin < b || out[i].end > e || out[i].end - out[i].begin == e - b))
        return true;
    return false;
  };
  for (const auto& cue : rules_.list_cues) {
    const EntityKind kind = kind_from_name(cue.kind, "data/rules/entity_patterns.json");
    for (std::size_t at = lower.find(cue.after); at != std::string::npos; at = lower.find(cue.after, at + 1)) {
      const std::size_t after = at + cue.after.size();
      if ((at > 0 && is_alnum(lower[at - 1])) || (after < lower.size() && is_alnum(lower[after]))) continue;
      if (toks.empty()) toks = tokenize(t);
      std::size_t k = 0;
      while (k < toks.size() && toks[k].begin < after) ++k;
      // Items: runs of capitalised words, separated by commas and "and".
      while (k < toks.size()) {
        while (k < toks.size() && ((!toks[k].word && t[toks[k].begin] == ',') ||
                                   (toks[k].word && (t.compare(toks[k].begin, toks[k].end - toks[k].begin, "and") == 0 ||
                                                     t.compare(toks[k].begin, toks[k].end - toks[k].begin, "or") == 0))))
          ++k;
        const std::size_t first = k;
        std::size_t last = k, words = 0;
        for (; k < toks.size() && toks[k].word; ++k) {
          const std::string_view w(t.data() + toks[k].begin, toks[k].end - toks[k].begin);
          const bool capital = opens_name(w);
          if (!capital && (k == first || !is_connector(w))) break;
          if (capital) last = k;
          ++words;
        }
        if (k == first || !is_upper(t[toks[first].begin])) break;  // the list ends
        // The item ends at a comma, the clause's end or "and"/"or" before the next item.
        if (k < toks.size() && toks[k].word) {
          const std::string_view w(t.data() + toks[k].begin, toks[k].end - toks[k].begin);
          if (w != "and" && w != "or") break;
        } else if (k < toks.size() && t[toks[k].begin] != ',' && t[toks[k].begin] != ';' && t[toks[k].begin] != '.') {
          break;
        }
        k = last + 1;
        if (words > rules_.list_item_max_words) break;
        const std::size_t b = toks[first].begin, e = toks[last].end;
        if (named(b, e)) continue;
        out.push_back(unlisted(b, e, cue.id_prefix + slugify(t.substr(b, e - b)), kind));
      }
    }
  }
}

std::vector<Mention> Recogniser::find(const NormalizedText& nt) const {
  std::vector<Candidate> cands;
  for (const auto& h : names_.scan(nt, true)) {
    // A name written with a capital matches only where the text has one too: "financial
    // street" is not Financial Street.
    auto [index, capital] = aliases_[h.payload];
    if (capital && !is_upper(nt.text()[h.begin])) continue;
    const auto& e = gazetteer_.entities[index];
    cands.push_back({h.begin, h.end, e.id, e.kind, true});
  }
  find_patterns(nt, cands);
  find_quoted(nt, cands);
  find_listed(nt, cands);
  // Longest first; at equal length gazetteer names, then earlier.
  std::vector<std::size_t> order(cands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = cands[a];
    const auto& y = cands[b];
    if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
    if (x.known != y.known) return x.known;
    return x.begin < y.begin;
  });
  std::vector<Mention> out;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  for (std::size_t i : order) {
    auto& c = cands[i];
    bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& r) { return c.begin < r.second && r.first < c.end; });
    if (overlaps) continue;
    taken.emplace_back(c.begin, c.end);
    Mention m;
    m.entity = std::move(c.entity);  // each candidate is taken once
    m.kind = c.kind;
    m.begin = c.begin;
    m.end = c.end;
    m.span = nt.source(c.begin, c.end);
    m.surface = nt.text().substr(c.begin, c.end - c.begin);
    m.known = c.known;
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace policykg::builder
