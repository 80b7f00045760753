// Structure parser: paragraphs, then header, body units, annex list, signer and date, then the
// annexes (see the header). Heading levels are assigned by the order in which numbering styles
// first appear, so "I./1.", "一、/（一）/1." and "(i)/(1)" documents all nest the same way.
#include "builder/structure_parser.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "builder/measure_splitter.hpp"
#include "builder/normalized_text.hpp"
#include "builder/numbering.hpp"

namespace policykg::builder {

namespace {

struct Paragraph {
  Span span;
};

bool ends_with_stop(std::string_view t) {
  if (t.empty()) return false;
  char c = t.back();
  if (c == '.' || c == ':' || c == ';' || c == '!' || c == '?') return true;
  if (t.size() >= 3) {
    std::string_view tail = t.substr(t.size() - 3);
    return tail == "。" || tail == "：" || tail == "；" || tail == "！" || tail == "？";
  }
  return false;
}

// Lines, trimmed; a line that does not end a sentence, followed directly (no blank line) by one
// starting in lower case, continues the same paragraph (hard-wrapped text). A line ends at LF,
// CRLF or a CR alone (old Mac text); the next LF and the next CR are each found with one search.
std::vector<Paragraph> split_paragraphs(const SourceText& src) {
  const std::string& t = src.bytes();
  std::vector<Paragraph> out;
  bool blank_before = true;
  std::size_t i = 0, next_lf = t.find('\n'), next_cr = t.find('\r');
  while (i < t.size()) {
    if (next_lf < i) next_lf = t.find('\n', i);
    if (next_cr < i) next_cr = t.find('\r', i);
    std::size_t end = std::min({next_lf, next_cr, t.size()});
    Span line = trim(t, {i, end});
    if (line.empty()) {
      blank_before = true;
    } else {
      bool joins = !blank_before && !out.empty() && is_lower(t[line.begin]) &&
                   !ends_with_stop(src.view(out.back().span));
      if (joins) out.back().span.end = line.end;
      else out.push_back({line});
      blank_before = false;
    }
    i = end + (end == next_cr && end + 1 == next_lf ? 2 : 1);
  }
  return out;
}

bool contains_word(std::string_view hay, std::string_view needle) {
  return !needle.empty() && find_word(hay, needle) != std::string_view::npos;
}

class Parser {
 public:
  Parser(const SourceText& src, const StructureRules& rules) : src_(src), t_(src.bytes()), rules_(rules) {}

  ParsedDocument run() {
    paras_ = split_paragraphs(src_);
    // Annex starts: a paragraph that is only "Annex 1" (or "Annex").
    std::vector<std::pair<std::size_t, std::string>> annex_starts;
    for (std::size_t k = 0; k < paras_.size(); ++k)
      if (auto n = annex_start(paras_[k].span)) annex_starts.emplace_back(k, *n);
    std::size_t main_end = annex_starts.empty() ? paras_.size() : annex_starts.front().first;
    ParsedDocument doc = parse_document(0, main_end, true);
    for (std::size_t a = 0; a < annex_starts.size(); ++a) {
      std::size_t from = annex_starts[a].first + 1;
      std::size_t to = a + 1 < annex_starts.size() ? annex_starts[a + 1].first : paras_.size();
      ParsedDocument annex = parse_document(from, to, false);
      annex.annex_number = annex_starts[a].second;
      doc.annexes.push_back(std::move(annex));
    }
    return doc;
  }

 private:
  std::string_view text(Span s) const { return src_.view(s); }
  std::string_view text(std::size_t k) const { return text(paras_[k].span); }

  // Paragraph k's words after an addressee opening, up to its next comma; empty without one.
  Span after_opening(std::size_t k) const {
    const Span s = paras_[k].span;
    std::string_view p = text(s);
    for (const auto& w : rules_.addressee_openings)
      for (std::size_t at = p.find(w); at != std::string_view::npos; at = p.find(w, at + 1)) {
        const std::size_t from = at + w.size();
        if ((at > 0 && is_alnum(p[at - 1])) || (from < p.size() && is_alnum(p[from]))) continue;
        const std::size_t comma = std::min(p.find(',', from), p.size());
        return Span{s.begin + from, s.begin + comma};
      }
    return {};
  }

  std::optional<std::string> annex_start(Span s) const {
    std::string_view p = text(s);
    for (const auto& w : rules_.annex_start_words) {
      if (p.compare(0, w.size(), w) != 0) continue;
      std::string_view rest = p.substr(w.size());
      std::size_t i = 0;
      while (i < rest.size() && whitespace_length(rest, i)) i += whitespace_length(rest, i);
      std::size_t d = i;
      while (d < rest.size() && is_digit(rest[d])) ++d;
      if (d != rest.size()) continue;
      if (i == 0 && d > 0) continue;  // "Annex1" is fine only with a space
      return d > i ? std::string(rest.substr(i, d - i)) : std::string("1");
    }
    return std::nullopt;
  }

  bool is_annex_list_header(std::size_t k) const {
    std::string_view p = text(k);
    for (const auto& h : rules_.annex_list_headers) {
      if (p.compare(0, h.size(), h) != 0) continue;
      std::string_view rest = p.substr(h.size());
      if (rest == ":" || rest == "：") return true;
      if (rest.size() > 1 && (rest[0] == ':' ) && whitespace_length(rest, 1)) return true;
    }
    return false;
  }

  bool is_breadcrumb(std::size_t k) const {
    std::string_view p = text(k);
    return std::any_of(rules_.breadcrumb_markers.begin(), rules_.breadcrumb_markers.end(),
                       [&](const std::string& m) { return p.find(m) != std::string_view::npos; });
  }

  bool has_title_keyword(std::size_t k) const {
    std::string_view p = text(k);
    return std::any_of(rules_.title_keywords.begin(), rules_.title_keywords.end(),
                       [&](const std::string& w) { return contains_word(p, w); });
  }

  std::optional<Marker> marker(std::size_t k) const { return read_marker(text(k), rules_.article_words); }

  bool short_line(std::size_t k, std::size_t max_words) const {
    return word_count(t_, paras_[k].span) <= max_words && !ends_with_stop(text(k));
  }

  ParsedDocument parse_document(std::size_t from, std::size_t to, bool main) {
    ParsedDocument doc;
    std::size_t k = from;
    // Title: the first title-like paragraph of the first few (breadcrumbs skipped).
    for (std::size_t j = from; j < std::min(to, from + rules_.title_search_paragraphs); ++j) {
      if (marker(j) || read_date(t_, paras_[j].span, rules_)) break;
      if (is_breadcrumb(j)) continue;
      if (has_title_keyword(j) && word_count(t_, paras_[j].span) <= rules_.title_max_words && !ends_with_stop(text(j))) {
        doc.title = paras_[j].span;
        k = j + 1;
        break;
      }
      if (!main) break;  // an annex's title is its first paragraph
    }
    if (doc.title.empty() && !main && from < to && !marker(from) &&
        word_count(t_, paras_[from].span) <= rules_.annex_title_max_words) {
      doc.title = paras_[from].span;  // an annex's first line is its title even without a keyword
      k = from + 1;
    }
    std::string_view title = text(doc.title);
    if (!doc.title.empty()) {
      if (std::any_of(rules_.reply_keywords.begin(), rules_.reply_keywords.end(),
                      [&](const std::string& w) { return contains_word(title, w); }))
        doc.kind = DocumentKind::Reply;
      else if (std::any_of(rules_.document_types.begin(), rules_.document_types.end(),
                           [&](const auto& dt) { return dt.type == "Plan" && contains_word(title, dt.keyword); }))
        doc.kind = DocumentKind::Plan;
    }
    // Header: publication date and addressees, before the first numbered paragraph.
    for (std::size_t j = k; j < to; ++j) {
      if (marker(j)) break;
      if (auto d = read_date(t_, paras_[j].span, rules_)) {
        if (!doc.published) doc.published = d;
        k = j + 1;
        continue;
      }
      std::string_view p = text(j);
      // "The State Council presents its compliments to X and Y and, with reference to …": the
      // addressees are named inside a longer paragraph, up to its next comma.
      if (main && doc.addressees.empty())
        if (Span to_whom = after_opening(j); !to_whom.empty()) {
          doc.addressees = to_whom;
          if (doc.kind == DocumentKind::Other && doc.title.empty()) doc.kind = DocumentKind::Reply;
          k = j + 1;
          break;
        }
      bool colon = p.size() > 1 && (p.back() == ':' || (p.size() >= 3 && p.substr(p.size() - 3) == "："));
      if (main && colon && !is_annex_list_header(j) && word_count(t_, paras_[j].span) <= rules_.header_max_words) {
        doc.addressees = paras_[j].span;
        if (doc.kind == DocumentKind::Other && doc.title.empty()) doc.kind = DocumentKind::Reply;
        k = j + 1;
        break;
      }
      if (word_count(t_, paras_[j].span) > rules_.header_max_words) break;
    }
    // Closing: the date of signature, the signer above it, the annex list above them.
    std::size_t body_end = to;
    for (std::size_t j = to; j > k; --j) {
      if (auto d = read_date(t_, paras_[j - 1].span, rules_)) {
        doc.issued = d;
        body_end = j - 1;
        if (j - 1 > k && short_line(j - 2, rules_.closing_max_words) && !marker(j - 2)) {
          doc.signer = paras_[j - 2].span;
          body_end = j - 2;
        }
        break;
      }
      if (!short_line(j - 1, rules_.closing_max_words)) break;
    }
    for (std::size_t j = k; j < body_end; ++j)
      if (is_annex_list_header(j)) {
        read_annex_list(j + 1, body_end, doc);
        body_end = j;
        break;
      }
    parse_units(k, body_end, doc);
    return doc;
  }

  void read_annex_list(std::size_t from, std::size_t to, ParsedDocument& doc) {
    for (std::size_t j = from; j < to; ++j) {
      auto m = marker(j);
      if (m) {
        doc.annex_list.push_back({m->printed, trim(t_, {paras_[j].span.begin + m->length, paras_[j].span.end})});
      } else if (doc.annex_list.empty() && j + 1 == to) {
        doc.annex_list.push_back({"1", paras_[j].span});
      } else {
        break;
      }
    }
  }

  // Measures of a stretch of text, appended to `parent`.
  void add_measures(Unit& parent, Span body) {
    for (Span sentence : split_sentences(t_, body, rules_))
      for (Span clause : split_clauses(t_, sentence, rules_)) {
        Unit m;
        m.kind = UnitKind::Measure;
        m.span = clause;
        m.sentence = sentence;
        parent.children.push_back(std::move(m));
      }
  }

  // Splits a paragraph into a heading sentence and the rest when it opens with one.
  std::optional<std::pair<Span, Span>> heading_and_body(Span p) {
    auto sentences = split_sentences(t_, p, rules_, 1);
    if (sentences.empty() || !is_heading_sentence(t_, sentences.front(), rules_, rules_.heading_max_words))
      return std::nullopt;
    Span rest = trim(t_, {sentences.front().end, p.end});
    return std::make_pair(sentences.front(), rest);
  }

  void parse_units(std::size_t from, std::size_t to, ParsedDocument& doc) {
    const bool reply = doc.kind == DocumentKind::Reply;
    std::vector<std::string> styles;     // heading styles by level
    std::vector<int> last_value;         // last numeral seen at each level
    std::vector<Unit*> stack;            // open units, outermost first
    std::vector<int> stack_level;        // their levels; kOpenInitiative for lone headings
    constexpr int kOpenInitiative = 1000;
    auto pop_to = [&](int level) {
      while (!stack.empty() && stack_level.back() >= level) {
        stack.pop_back();
        stack_level.pop_back();
      }
    };
    auto place = [&](Unit u) -> Unit& {
      auto& siblings = stack.empty() ? doc.units : stack.back()->children;
      siblings.push_back(std::move(u));
      return siblings.back();
    };

    for (std::size_t j = from; j < to; ++j) {
      Span p = paras_[j].span;
      std::optional<Marker> m = marker(j);
      if (m) {
        auto it = std::find(styles.begin(), styles.end(), m->style);
        int level = static_cast<int>(it - styles.begin());
        bool fits;
        if (level >= 3) {
          fits = false;  // deeper numbering stays inside its initiative as text
        } else if (it == styles.end()) {
          fits = m->value == 1 && (!reply || styles.empty());
        } else {
          int expected = last_value[static_cast<std::size_t>(level)] + 1;
          fits = m->value == expected && (!reply || level == 0);
        }
        if (fits) {
          if (it == styles.end()) {
            styles.push_back(m->style);
            last_value.push_back(0);
          }
          last_value[static_cast<std::size_t>(level)] = m->value;
          std::fill(last_value.begin() + level + 1, last_value.end(), 0);
          pop_to(level);
          Unit u;
          u.number = m->printed;
          u.span = p;
          Span rest = trim(t_, {p.begin + m->length, p.end});
          std::optional<Span> body;
          if (reply) {
            u.kind = UnitKind::Provision;
            body = rest;
          } else if (word_count(t_, rest) <= rules_.numbered_heading_max_words && !ends_with_stop(text(rest))) {
            u.heading = rest;
          } else if (auto hb = heading_and_body(rest)) {
            u.heading = hb->first;
            body = hb->second;
          } else {
            body = rest;
          }
          if (!reply) {
            if (u.heading.empty() && level == 0) u.kind = UnitKind::Provision;
            else u.kind = level == 0 ? UnitKind::Section : level == 1 ? UnitKind::Task : UnitKind::Initiative;
            // A task or initiative needs a section or task above it.
            if (u.kind == UnitKind::Task && (stack.empty() || stack.back()->kind != UnitKind::Section))
              u.kind = UnitKind::Section;
          }
          Unit& placed = place(std::move(u));
          if (body && !body->empty()) add_measures(placed, *body);
          stack.push_back(&placed);
          stack_level.push_back(level);
          continue;
        }
      }
      // A paragraph of text.
      if (stack.empty()) continue;  // preamble: no unit to hold it
      if (stack_level.back() == kOpenInitiative) {
        // A lone heading opened an initiative; its text follows unless this is a new heading.
        auto hb = heading_and_body(p);
        if (!hb) {
          add_measures(*stack.back(), p);
          continue;
        }
        pop_to(kOpenInitiative);
      }
      Unit* top = stack.back();
      if (top->kind == UnitKind::Section || top->kind == UnitKind::Task) {
        if (auto hb = heading_and_body(p)) {
          Unit u;
          u.kind = UnitKind::Initiative;
          u.span = p;
          u.heading = hb->first;
          Unit& placed = place(std::move(u));
          if (!hb->second.empty()) {
            add_measures(placed, hb->second);
          } else {
            stack.push_back(&placed);
            stack_level.push_back(kOpenInitiative);
          }
          continue;
        }
      }
      add_measures(*top, p);
    }
    for (auto& u : doc.units) close_span(u);
    if (!doc.units.empty()) doc.body = {doc.units.front().span.begin, doc.units.back().span.end};
  }

  // A unit's span runs to the end of its last descendant.
  static void close_span(Unit& u) {
    for (auto& c : u.children) {
      close_span(c);
      u.span.end = std::max(u.span.end, c.span.end);
    }
  }

  const SourceText& src_;
  const std::string& t_;
  const StructureRules& rules_;
  std::vector<Paragraph> paras_;
};

}  // namespace

bool is_heading_sentence(std::string_view text, Span s, const StructureRules& rules, std::size_t max_words) {
  if (s.empty()) return false;
  char first = text[s.begin];
  if (!is_upper(first) && static_cast<unsigned char>(first) < 0x80) return false;
  if (word_count(text, s) > max_words) return false;
  std::string lower = fold(text.substr(s.begin, s.size()));
  for (const auto& v : rules.finite_verbs)
    if (contains_word(lower, v)) return false;
  std::size_t sp = lower.find(' ');
  std::string first_word = lower.substr(0, sp);
  return std::find(rules.pronoun_subjects.begin(), rules.pronoun_subjects.end(), first_word) ==
         rules.pronoun_subjects.end();
}

std::optional<std::string> read_date(std::string_view text, Span span, const StructureRules& rules) {
  std::string s = collapse_whitespace(text.substr(span.begin, span.size()));
  int y = 0, mo = 0, d = 0;
  char rest[64] = {0};
  auto iso = [&]() -> std::optional<std::string> {
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    return std::string(buf);
  };
  auto time_only = [&](const char* r) {
    int hh = 0, mm = 0;
    char extra = 0;
    return r[0] == 0 || std::sscanf(r, " %d:%d%c", &hh, &mm, &extra) == 2;
  };
  if (s.size() > 40) return std::nullopt;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%63[^\n]", &y, &mo, &d, rest) >= 3 && time_only(rest)) return iso();
  rest[0] = 0;
  if (std::sscanf(s.c_str(), "%4d年%d月%d日%63[^\n]", &y, &mo, &d, rest) >= 3 && rest[0] == 0) return iso();
  for (std::size_t m = 0; m < rules.months.size(); ++m) {
    const std::string& name = rules.months[m];
    std::size_t at = s.find(name);
    if (at == std::string::npos) continue;
    mo = static_cast<int>(m) + 1;
    std::string before = s.substr(0, at), after = s.substr(at + name.size());
    rest[0] = 0;
    if (before.empty() && std::sscanf(after.c_str(), " %d, %d%63[^\n]", &d, &y, rest) >= 2 && rest[0] == 0) return iso();
    rest[0] = 0;
    if (std::sscanf(before.c_str(), "%d ", &d) == 1 && std::sscanf(after.c_str(), " %d%63[^\n]", &y, rest) >= 1 &&
        rest[0] == 0 && before.find_first_not_of("0123456789 ") == std::string::npos)
      return iso();
  }
  return std::nullopt;
}

ParsedDocument parse_structure(const SourceText& text, const StructureRules& rules) {
  return Parser(text, rules).run();
}

}  // namespace policykg::builder
