#include "query/traversal/text_search.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "core/utf8.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"

namespace policykg::query {

namespace {

constexpr double kK1 = 1.2;             // BM25: how fast repeated words stop counting
constexpr double kB = 0.75;             // BM25: how much a long text is discounted
constexpr float kLabelWeight = 2;       // a word of a label counts as two of the text
constexpr float kPrefixWeight = 0.6F;   // "institution" matching "institutions"
constexpr std::size_t kMinPrefix = 3;   // shorter query words match only whole words
constexpr std::size_t kMaxSuffix = 4;   // a prefix finds words at most this many bytes longer
constexpr std::size_t kSnippetBytes = 160;

const std::string_view kLabelPredicates[] = {std_terms::rdfs_label, std_terms::skos_prefLabel,
                                             std_terms::skos_altLabel, std_terms::dcterms_identifier};

// A Chinese character (CJK unified ideographs and their extension A) is a word of its own.
bool is_ideograph(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
// Letters past ASCII that belong to words: Latin-1 and Latin Extended letters, Greek, Cyrillic.
bool is_letter(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x52F);
}

struct Token {
  std::string word;
  std::size_t begin = 0;  ///< byte offset in the text
};

std::vector<Token> tokens(std::string_view text) {
  std::vector<Token> out;
  std::string word;
  std::size_t begin = 0;
  auto flush = [&] {
    if (!word.empty()) out.push_back({std::move(word), begin});
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        if (word.empty()) begin = i;
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else {
        flush();
      }
      ++i;
      continue;
    }
    const auto [code, length] = utf8_code_point(text, i);
    if (length == 0) {  // not UTF-8: a separator
      flush();
      ++i;
      continue;
    }
    if (is_ideograph(code)) {
      flush();
      out.push_back({std::string(text.substr(i, length)), i});
    } else if (is_letter(code)) {
      if (word.empty()) begin = i;
      word += text.substr(i, length);
    } else {
      flush();
    }
    i += length;
  }
  flush();
  return out;
}

std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = 1;
    bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c >= 0x80) {
      auto [code, length] = utf8_code_point(s, i);
      n = length ? length : 1;
      blank = code == 0xA0 || code == 0x3000 || (code >= 0x2000 && code <= 0x200A) || code == 0x202F;
    }
    if (blank) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += s.substr(i, n);
    }
    i += n;
  }
  return out;
}

std::optional<long long> number(const GraphView& view, Vertex v, std::string_view predicate) {
  const auto& values = view.attribute(v, predicate);
  if (values.empty()) return std::nullopt;
  try {
    return std::stoll(values.front().value);
  } catch (...) {
    return std::nullopt;
  }
}

// The code points [from, to) of `s`, as bytes.
std::string_view code_points(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t i = 0, at = 0, begin = s.size();
  while (i < s.size() && at < to) {
    if (at == from) begin = i;
    auto [code, length] = utf8_code_point(s, i);
    (void)code;
    i += length ? length : 1;
    ++at;
  }
  if (begin > i) begin = i;
  return s.substr(begin, i - begin);
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : tokens(text)) out.push_back(std::move(t.word));
  return out;
}

std::string own_text(const GraphView& view, Vertex unit) {
  const auto& texts = view.attribute(unit, pol::text);
  if (texts.empty()) return {};
  const std::string& text = texts.front().value;
  const auto start = number(view, unit, pol::sourceStart);
  if (!start) return collapse(text);
  // The spans of the units inside it, relative to its start, in order.
  std::vector<std::pair<long long, long long>> inner;
  const Graph& g = view.graph();
  for (auto [e, end] = boost::in_edges(unit, g); e != end; ++e) {
    if (g[*e].predicate != std_terms::dcterms_isPartOf) continue;
    const Vertex child = boost::source(*e, g);
    auto s = number(view, child, pol::sourceStart), t = number(view, child, pol::sourceEnd);
    if (s && t && *s >= *start && *t >= *s) inner.emplace_back(*s - *start, *t - *start);
  }
  if (inner.empty()) return collapse(text);
  std::sort(inner.begin(), inner.end());
  std::string out;
  long long at = 0;
  for (const auto& [s, t] : inner) {
    if (s > at) out += std::string(code_points(text, static_cast<std::size_t>(at), static_cast<std::size_t>(s))) + " ";
    at = std::max(at, t);
  }
  out += code_points(text, static_cast<std::size_t>(at), std::string::npos);
  return collapse(out);
}

std::uint32_t TextIndex::word_id(const std::string& word) {
  auto [it, added] = vocabulary_.try_emplace(word, static_cast<std::uint32_t>(vocabulary_.size()));
  if (added) postings_.emplace_back();
  return it->second;
}

TextIndex::Field TextIndex::field(std::string text) {
  Field f;
  f.text = collapse(text);
  for (auto& t : tokens(f.text)) {
    f.words.push_back(word_id(t.word));
    f.starts.push_back(static_cast<std::uint32_t>(t.begin));
  }
  return f;
}

TextIndex::TextIndex(const GraphView& view) : view_(&view) {
  std::size_t total = 0;
  for (Vertex v = 0; v < view.node_count(); ++v) {
    Entry e{v, {}, {}, 0};
    std::set<std::string> seen;
    for (auto predicate : kLabelPredicates)
      for (const auto& value : view.attribute(v, predicate))
        if (seen.insert(value.value).second) e.labels.push_back(field(value.value));
    e.text = field(own_text(view, v));
    if (e.labels.empty() && e.text.words.empty()) continue;
    const auto entry = static_cast<std::uint32_t>(entries_.size());
    std::map<std::uint32_t, float> tf;
    for (const auto& l : e.labels)
      for (auto w : l.words) tf[w] += kLabelWeight;
    for (auto w : e.text.words) tf[w] += 1;
    for (const auto& [w, n] : tf) {
      postings_[w].push_back({entry, n});
      e.length += static_cast<std::size_t>(n);
    }
    total += e.length;
    entries_.push_back(std::move(e));
  }
  average_length_ = entries_.empty() ? 1 : static_cast<double>(total) / static_cast<double>(entries_.size());
}

std::vector<std::pair<std::uint32_t, float>> TextIndex::expand(const std::string& word) const {
  std::vector<std::pair<std::uint32_t, float>> out;
  auto it = vocabulary_.lower_bound(word);
  if (it != vocabulary_.end() && it->first == word) out.emplace_back((it++)->second, 1.0F);
  if (word.size() < kMinPrefix) return out;
  for (; it != vocabulary_.end() && std::string_view(it->first).starts_with(word); ++it)
    if (it->first.size() <= word.size() + kMaxSuffix) out.emplace_back(it->second, kPrefixWeight);
  return out;
}

bool TextIndex::has_run(const Field& f, const std::vector<std::vector<std::uint32_t>>& alternatives,
                        std::size_t* at) const {
  if (alternatives.empty() || f.words.size() < alternatives.size()) return false;
  for (std::size_t i = 0; i + alternatives.size() <= f.words.size(); ++i) {
    bool all = true;
    for (std::size_t k = 0; k < alternatives.size() && all; ++k)
      all = std::find(alternatives[k].begin(), alternatives[k].end(), f.words[i + k]) != alternatives[k].end();
    if (all) {
      if (at) *at = f.starts[i];
      return true;
    }
  }
  return false;
}

std::vector<SearchHit> TextIndex::search(std::string_view query, std::size_t limit) const {
  // Distinct query words, in order, each with the vocabulary words it matches.
  std::vector<std::string> words;
  for (auto& w : search_words(query))
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  std::vector<std::vector<std::uint32_t>> run;  // for the phrase test: exact words only
  for (const auto& w : search_words(query)) {
    auto it = vocabulary_.find(w);
    run.push_back(it == vocabulary_.end() ? std::vector<std::uint32_t>{} : std::vector<std::uint32_t>{it->second});
  }
  // Per entry: how many query words it has and its BM25 so far (dense, touched entries listed).
  std::vector<std::uint32_t> matched(entries_.size(), 0);
  std::vector<double> bm25(entries_.size(), 0), tf(entries_.size(), 0);
  std::vector<std::uint32_t> touched, found;
  const double n = static_cast<double>(entries_.size());
  for (const auto& w : words) {
    // Each entry's weighted frequency of this query word over the words it matches.
    touched.clear();
    for (const auto& [id, weight] : expand(w))
      for (const auto& p : postings_[id]) {
        if (tf[p.entry] == 0) touched.push_back(p.entry);
        tf[p.entry] += weight * p.tf;
      }
    if (touched.empty()) continue;
    const double df = static_cast<double>(touched.size());
    const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
    for (std::uint32_t entry : touched) {
      const double f = tf[entry], length = static_cast<double>(entries_[entry].length);
      if (matched[entry]++ == 0) found.push_back(entry);
      bm25[entry] += idf * f * (kK1 + 1) / (f + kK1 * (1 - kB + kB * length / average_length_));
      tf[entry] = 0;
    }
  }
  // Only the best `limit` need snippets: rank on the figures first.
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    if (matched[a] != matched[b]) return matched[a] > matched[b];
    return bm25[a] > bm25[b];
  };
  std::sort(found.begin(), found.end(), before);
  // The phrase test can lift an entry above others with as many words, so every entry with as
  // many words as the last one kept is looked at (one word: the first `limit` are the answer).
  struct Candidate {
    std::uint32_t entry;
    bool phrase;
  };
  std::vector<Candidate> kept;
  for (std::uint32_t entry : found) {
    if (kept.size() >= limit && (run.size() <= 1 || matched[entry] < matched[kept[limit - 1].entry])) break;
    const Entry& e = entries_[entry];
    bool phrase = run.size() > 1 && has_run(e.text, run);
    for (std::size_t i = 0; !phrase && run.size() > 1 && i < e.labels.size(); ++i) phrase = has_run(e.labels[i], run);
    kept.push_back({entry, phrase});
  }
  std::sort(kept.begin(), kept.end(), [&](const Candidate& a, const Candidate& b) {
    if (matched[a.entry] != matched[b.entry]) return matched[a.entry] > matched[b.entry];
    if (a.phrase != b.phrase) return a.phrase;
    if (bm25[a.entry] != bm25[b.entry]) return bm25[a.entry] > bm25[b.entry];
    return natural_less(view_->node(entries_[a.entry].vertex).iri, view_->node(entries_[b.entry].vertex).iri);
  });
  if (kept.size() > limit) kept.resize(limit);

  std::set<std::uint32_t> wanted;  // vocabulary ids of the query words, for snippets
  for (const auto& w : words)
    for (const auto& [id, weight] : expand(w)) wanted.insert(id);
  std::vector<SearchHit> hits;
  for (const auto& c : kept) {
    const Entry& e = entries_[c.entry];
    SearchHit h{e.vertex, matched[c.entry], c.phrase, bm25[c.entry], {}};
    // Where the snippet is cut from: the phrase, else the first word of the text (else of a
    // label) that matches a query word.
    std::size_t at = 0;
    const Field* where = nullptr;
    if (c.phrase) {
      if (has_run(e.text, run, &at)) where = &e.text;
      for (std::size_t i = 0; !where && i < e.labels.size(); ++i)
        if (has_run(e.labels[i], run, &at)) where = &e.labels[i];
    }
    auto first = [&](const Field& f) {
      for (std::size_t i = 0; i < f.words.size(); ++i)
        if (wanted.count(f.words[i])) return std::optional<std::size_t>(f.starts[i]);
      return std::optional<std::size_t>();
    };
    if (!where)
      if (auto p = first(e.text)) where = &e.text, at = *p;
    for (std::size_t i = 0; !where && i < e.labels.size(); ++i)
      if (auto p = first(e.labels[i])) where = &e.labels[i], at = *p;
    if (where) {
      // A window around the match, cut at spaces.
      const std::string& t = where->text;
      std::size_t from = at > kSnippetBytes / 3 ? t.rfind(' ', at - kSnippetBytes / 3) : std::string::npos;
      from = from == std::string::npos || at <= kSnippetBytes / 3 ? 0 : from + 1;
      std::size_t to = from + kSnippetBytes < t.size() ? t.find(' ', from + kSnippetBytes) : std::string::npos;
      h.snippet = (from > 0 ? "…" : "") + t.substr(from, to == std::string::npos ? std::string::npos : to - from) +
                  (to == std::string::npos ? "" : "…");
    }
    hits.push_back(std::move(h));
  }
  return hits;
}

std::vector<Vertex> TextIndex::containing(std::string_view run_text, bool in_labels) const {
  std::vector<std::vector<std::uint32_t>> run;
  for (const auto& w : search_words(run_text)) {
    auto it = vocabulary_.find(w);
    if (it == vocabulary_.end()) return {};
    run.push_back({it->second});
  }
  if (run.empty()) return {};
  std::vector<Vertex> out;
  for (const auto& e : entries_) {
    bool found = !in_labels && has_run(e.text, run);
    for (std::size_t i = 0; !found && i < e.labels.size(); ++i) found = has_run(e.labels[i], run);
    if (found) out.push_back(e.vertex);
  }
  std::sort(out.begin(), out.end(), [&](Vertex a, Vertex b) {
    return natural_less(view_->node(a).iri, view_->node(b).iri);
  });
  return out;
}

}  // namespace policykg::query
