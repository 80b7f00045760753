// Citation recogniser (see the header): registry titles, numbers, title patterns, generic
// names, defined terms and back references, merged so that a title followed by its number in
// parentheses is one citation.
#include "builder/citation_recogniser.hpp"

#include <algorithm>

#include "builder/slug.hpp"

namespace policykg::builder {

void TitleRegistry::add(std::string_view title, const std::string& doc) {
  if (fold(title).size() < min_chars_) return;  // too short to identify a document
  docs_.push_back(doc);
  table_.add(title, docs_.size() - 1);
}

CitationRecogniser::CitationRecogniser(const Gazetteer& gazetteer, const Rules& rules, const TitleRegistry& titles)
    : gazetteer_(gazetteer), rules_(rules), titles_(titles) {
  for (std::size_t i = 0; i < rules.citations.generic_names.size(); ++i) generic_.add(rules.citations.generic_names[i], i);
  for (std::size_t i = 0; i < rules.citations.defined_terms.size(); ++i) defined_.add(rules.citations.defined_terms[i], i);
  for (std::size_t i = 0; i < rules.citations.back_references.size(); ++i) back_.add(rules.citations.back_references[i], i);
  for (std::size_t i = 0; i < rules.citations.title_starts.size(); ++i) {
    const std::string& start = rules.citations.title_starts[i];
    if (!start.empty() && is_alnum(start[0])) title_starts_.add(start, i);
    else unindexed_starts_.push_back(i);
  }
  for (const auto& d : gazetteer.documents) {
    if (!d.identifier.empty()) by_identifier_[fold(d.identifier)] = &d;
    by_id_[d.id] = &d;
  }
}

std::string CitationRecogniser::type_of_title(std::string_view title) const {
  for (const auto& t : rules_.structure.document_types)
    if (find_word(title, t.keyword) != std::string_view::npos) return t.type;
  return "Document";
}

namespace {

// Reads digits at `i` of `t`; -1 when none.
long read_int(const std::string& t, std::size_t& i) {
  std::size_t j = i;
  while (j < t.size() && is_digit(t[j]) && j - i < 9) ++j;
  if (j == i) return -1;
  long v = std::stol(t.substr(i, j - i));
  i = j;
  return v;
}
void skip_spaces(const std::string& t, std::size_t& i) {
  while (i < t.size() && t[i] == ' ') ++i;
}
bool eat(const std::string& t, std::size_t& i, std::string_view what) {
  if (t.compare(i, what.size(), what) != 0) return false;
  i += what.size();
  return true;
}
// "[2015]" or "〔2015〕" (and "(2020)" when `round`, as in "Guo Han (2020) No.123"); the year or -1.
long read_year(const std::string& t, std::size_t& i, bool round = false) {
  std::size_t j = i;
  bool square = eat(t, j, "[");
  bool parenthesis = !square && round && eat(t, j, "(");
  if (!square && !parenthesis && !eat(t, j, "〔") && !eat(t, j, "【")) return -1;
  skip_spaces(t, j);
  long y = read_int(t, j);
  skip_spaces(t, j);
  if (y < 1900 || y > 2200) return -1;
  if (!(square ? eat(t, j, "]") : parenthesis ? eat(t, j, ")") : (eat(t, j, "〕") || eat(t, j, "】")))) return -1;
  i = j;
  return y;
}

const Mention* mention_at(const std::vector<Mention>& ms, std::size_t begin, std::size_t window, EntityKind kind) {
  for (const auto& m : ms)
    if (m.kind == kind && m.begin >= begin && m.begin <= begin + window) return &m;
  return nullptr;
}

}  // namespace

std::string CitationRecogniser::numbered_id(const std::string& identifier, const std::string& issuer_slug, int year,
                                            int number) const {
  auto it = by_identifier_.find(fold(identifier));
  if (it != by_identifier_.end()) return it->second->id;
  std::string prefix = issuer_slug.empty() ? std::string("document") : issuer_slug;
  return "doc/" + prefix + "-" + std::to_string(year) + "-" + std::to_string(number);
}

void CitationRecogniser::find_numbers(const NormalizedText& nt, const std::vector<Mention>& ms,
                                      std::vector<Citation>& out) const {
  const std::string& t = nt.text();
  // "(No. 81 [2015], the State Council)": the agency right after the number, which the
  // citation then covers.
  auto issuer_after = [&](std::size_t& end) -> std::string {
    std::size_t i = end;
    skip_spaces(t, i);
    if (i < t.size() && t[i] == ',') {
      const Mention* m = mention_at(ms, i, rules_.citations.number_issuer_window_chars, EntityKind::Agency);
      if (m) {
        end = m->end;
        return m->entity;
      }
    }
    return {};
  };
  // "No. 81 [2015]"
  for (const std::string& marker : rules_.citations.number_markers) {
    if (marker.empty()) continue;
    for (std::size_t p = t.find(marker); p != std::string::npos; p = t.find(marker, p + 1)) {
      if (p > 0 && is_alnum(t[p - 1])) continue;
      std::size_t i = p + marker.size();
      eat(t, i, ".");
      skip_spaces(t, i);
      long n = read_int(t, i);
      if (n < 0) continue;
      skip_spaces(t, i);
      long y = read_year(t, i);
      if (y < 0) continue;
      Citation c;
      c.begin = p;
      c.identifier = t.substr(p, i - p);
      c.issuer = issuer_after(i);
      c.end = i;
      c.span = nt.source(p, i);
      c.year = static_cast<int>(y);
      const GazetteerEntity* issuer = c.issuer.empty() ? nullptr : gazetteer_.find(c.issuer);
      std::string slug = issuer ? issuer->id.substr(issuer->id.find('/') + 1) : c.issuer.empty() ? "" : c.issuer.substr(c.issuer.find('/') + 1);
      c.doc = numbered_id(c.identifier, slug, static_cast<int>(y), static_cast<int>(n));
      if (auto k = by_id_.find(c.doc); k != by_id_.end() && !c.issuer.empty() && !k->second->issuer.empty() &&
                                       k->second->issuer != c.issuer)
        c.doc = "doc/" + slug + "-" + std::to_string(y) + "-" + std::to_string(n);
      out.push_back(std::move(c));
    }
  }
  // "Guo Han [2007] No. 76"
  for (const auto& s : gazetteer_.series) {
    for (std::size_t p = t.find(s.code); p != std::string::npos; p = t.find(s.code, p + 1)) {
      if (p > 0 && is_alnum(t[p - 1])) continue;
      std::size_t i = p + s.code.size();
      skip_spaces(t, i);
      long y = read_year(t, i, /*round=*/true);
      if (y < 0) continue;
      skip_spaces(t, i);
      const auto& markers = rules_.citations.number_markers;
      if (std::none_of(markers.begin(), markers.end(), [&](const std::string& m) { return !m.empty() && eat(t, i, m); }))
        continue;
      eat(t, i, ".");
      skip_spaces(t, i);
      long n = read_int(t, i);
      if (n < 0) continue;
      Citation c;
      c.begin = p;
      c.end = i;
      c.span = nt.source(p, i);
      c.identifier = t.substr(p, i - p);
      c.issuer = s.issuer;
      c.type = s.type;
      c.year = static_cast<int>(y);
      c.doc = "doc/" + s.slug + "-" + std::to_string(y) + "-" + std::to_string(n);
      for (const auto& d : gazetteer_.documents)
        if (d.id == c.doc) c.identifier = c.identifier.empty() ? d.identifier : c.identifier;
      out.push_back(std::move(c));
    }
  }
}

void CitationRecogniser::find_titles(const NormalizedText& nt, const std::vector<Mention>& ms,
                                     std::vector<Citation>& out) const {
  const std::string& t = nt.text();
  const auto& conn = rules_.citations.title_connectors;
  const auto& starts = rules_.citations.title_starts;
  // Where each start occurs, as the start's index and the position: the folded table finds the
  // word starts where some start may begin, and the case-sensitive comparison decides there.
  std::vector<std::pair<std::size_t, std::size_t>> found;
  title_starts_.each(nt, true, [&](const PhraseTable::Hit& h) {
    for (std::size_t s = 0; s < starts.size(); ++s)
      if (t.compare(h.begin, starts[s].size(), starts[s]) == 0) found.emplace_back(s, h.begin);
  });
  for (std::size_t s : unindexed_starts_)
    for (std::size_t p = t.find(starts[s]); p != std::string::npos; p = t.find(starts[s], p + 1)) found.emplace_back(s, p);
  // Start by start, then in text order.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  for (const auto& [s, p] : found) {
    const std::string& start = starts[s];
    if (p > 0 && (is_alnum(t[p - 1]) || t[p - 1] == '-')) continue;
    // Run on over capitalised words and connectors.
    std::size_t i = p + start.size();
    std::size_t good = i;
    std::size_t words = 0;
    while (i < t.size()) {
      std::size_t j = i;
      skip_spaces(t, j);
      if (j >= t.size()) break;
      std::size_t w = j;
      if (t[w] == '"') ++w;  // a quoted name inside a title
      std::size_t e = w;
      while (e < t.size() && (is_alnum(t[e]) || t[e] == '-' || t[e] == '\'' || t[e] == '&' || t[e] == '"' ||
                              static_cast<unsigned char>(t[e]) >= 0x80))
        ++e;
      if (e == w) break;
      std::string_view word(t.data() + w, e - w);
      while (!word.empty() && word.back() == '"') word.remove_suffix(1);
      if (!word.empty() && (is_upper(word[0]) || is_digit(word[0]))) {
        good = e;
        ++words;
      } else if (std::find(conn.begin(), conn.end(), word) == conn.end()) {
        break;
      }
      i = e;
    }
    if (words < 2) continue;
    Citation c;
    c.begin = p;
    c.end = good;
    c.span = nt.source(p, good);
    c.title = t.substr(p, good - p);
    c.type = type_of_title(c.title);
    // "Official Reply of the State Council ...": the agency early in the title issued it.
    for (const auto& m : ms)
      if (m.kind == EntityKind::Agency && m.begin > p && m.begin < p + start.size() + rules_.citations.title_issuer_window_chars)
        c.issuer = m.entity;
    c.doc = "doc/" + slugify(c.title, 120);
    out.push_back(std::move(c));
  }
}

void CitationRecogniser::find_generic(const NormalizedText& nt, const std::vector<Mention>& ms,
                                      std::vector<Citation>& out) const {
  const std::string& t = nt.text();
  for (const auto& h : generic_.scan(nt)) {
    // Back to the determiner: "the big data action plan", "the municipal government's ... plan".
    const auto& determiners = rules_.citations.generic_name_determiners;
    std::size_t b = h.begin;
    for (std::size_t words = 0; words < rules_.citations.generic_name_max_words && b > 0; ++words) {
      std::size_t e = b;
      while (e > 0 && t[e - 1] == ' ') --e;
      std::size_t s = e;
      while (s > 0 && t[s - 1] != ' ') --s;
      std::string w = nt.lower().substr(s, e - s);
      if (w.empty() || std::find(determiners.begin(), determiners.end(), w) != determiners.end() ||
          w.find('\'') != std::string::npos || !is_alnum(w.back()) || !is_alnum(w.front()))
        break;
      b = s;
    }
    std::size_t end = h.end;
    std::string issuer;
    std::size_t i = end;
    skip_spaces(t, i);
    for (const auto& cue : rules_.citations.issuer_cues) {
      std::size_t j = i;
      if (!eat(t, j, cue)) continue;
      skip_spaces(t, j);
      if (const Mention* m = mention_at(ms, j, rules_.citations.issuer_cue_window_chars, EntityKind::Agency)) {
        issuer = m->entity;
        i = m->end;
        skip_spaces(t, i);
      }
    }
    std::string title = t.substr(b, h.end - b);
    for (const auto& word : rules_.citations.generic_name_continuations) {  // "… to promote …"
      std::size_t j = i;
      if (word.empty() || !eat(t, j, word) || !eat(t, j, " ")) continue;
      std::size_t stop = t.find_first_of(",;.(", j);
      if (stop == std::string::npos) stop = t.size();
      title += " " + t.substr(i, stop - i);
      end = stop;
      while (end > i && t[end - 1] == ' ') --end;
      title = title.substr(0, title.size() - (stop - end));
      break;
    }
    Citation c;
    c.begin = b;
    c.end = end;
    c.span = nt.source(b, end);
    c.title = title;
    c.type = "Plan";
    c.issuer = issuer;
    std::string prefix = issuer.empty() ? "" : issuer.substr(issuer.find('/') + 1) + "-";
    c.doc = "doc/" + slugify(prefix + title, 120);
    out.push_back(std::move(c));
  }
}

std::vector<Citation> CitationRecogniser::find(const NormalizedText& nt, const std::vector<Mention>& ms) const {
  std::vector<Citation> known, numbers, titled, generic;
  for (const auto& h : titles_.table().scan(nt)) {
    Citation c;
    c.begin = h.begin;
    c.end = h.end;
    c.span = nt.source(h.begin, h.end);
    c.doc = titles_.doc(h.payload);
    c.title = nt.text().substr(h.begin, h.end - h.begin);
    known.push_back(std::move(c));
  }
  find_numbers(nt, ms, numbers);
  find_titles(nt, ms, titled);
  find_generic(nt, ms, generic);

  auto overlaps = [](const Citation& a, const Citation& b) { return a.begin < b.end && b.begin < a.end; };
  std::vector<Citation> out = known;
  std::stable_sort(titled.begin(), titled.end(),
                   [](const Citation& a, const Citation& b) { return a.end - a.begin > b.end - b.begin; });
  // Pattern titles: dropped inside known titles; merged with a number in parentheses after them.
  for (auto& c : titled) {
    if (std::any_of(out.begin(), out.end(), [&](const Citation& k) { return overlaps(k, c); })) continue;
    out.push_back(c);
  }
  for (auto& n : numbers) {
    bool merged = false;
    for (auto& c : out) {
      if (c.kind != Citation::Kind::Document || !c.identifier.empty()) continue;
      std::string between = nt.text().substr(c.end, n.begin > c.end ? n.begin - c.end : 0);
      if (n.begin >= c.end && (between == " (" || between == "(" || between == ", " || between == " ")) {
        // Title and number name one document: the number (or a known title) decides its IRI.
        if (by_id_.count(c.doc) == 0) c.doc = n.doc;
        c.identifier = n.identifier;
        c.year = n.year;
        if (c.issuer.empty()) c.issuer = n.issuer;
        c.end = n.end;
        c.span = nt.source(c.begin, c.end);
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(n);
  }
  for (auto& g : generic)
    if (std::none_of(out.begin(), out.end(), [&](const Citation& k) { return overlaps(k, g); })) out.push_back(g);
  // Defined terms ("the Plan", capitalised as written) and back references ("the above").
  for (const auto& h : defined_.scan(nt)) {
    const std::string& term = rules_.citations.defined_terms[h.payload];
    if (nt.text().compare(h.begin, term.size(), term) != 0) continue;
    Citation c;
    c.kind = Citation::Kind::DefinedTerm;
    c.begin = h.begin;
    c.end = h.end;
    c.span = nt.source(h.begin, h.end);
    c.title = term;
    if (std::none_of(out.begin(), out.end(), [&](const Citation& k) { return overlaps(k, c); })) out.push_back(c);
  }
  for (const auto& h : back_.scan(nt)) {
    Citation c;
    c.kind = Citation::Kind::BackReference;
    c.begin = h.begin;
    c.end = h.end;
    c.span = nt.source(h.begin, h.end);
    if (std::none_of(out.begin(), out.end(), [&](const Citation& k) { return overlaps(k, c); })) out.push_back(c);
  }
  for (auto& c : out) {
    if (c.kind != Citation::Kind::Document) continue;
    if (auto k = by_id_.find(c.doc); k != by_id_.end()) {
      if (c.type.empty()) c.type = k->second->type;
      if (c.issuer.empty()) c.issuer = k->second->issuer;
    }
    if (c.type.empty()) c.type = c.title.empty() ? "Document" : type_of_title(c.title);
  }
  std::sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace policykg::builder
