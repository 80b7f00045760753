// The alignment of two versions' units.
//
// 1. Each unit's text becomes a set of content words (lower-cased runs of letters and digits,
//    common function words left out), interned as sorted integer ids; two units are as similar
//    as the Dice coefficient of their sets, 2|A ∩ B| / (|A| + |B|), computed by merging the two
//    sorted sets.
// 2. Parents first, level by level from the top: the children of each matched pair of parents
//    (the two roots for the top level) are matched among themselves; then the units of that depth
//    left over in either version are matched among themselves (a unit that moved to another
//    parent); last, whatever is left at any depth (a unit that moved up or down the tree). Units
//    match only units of the same level (a measure or statement only a measure or statement).
//    Within each of those passes every candidate pair whose similarity reaches the threshold (or,
//    under matched parents, the lower threshold for a unit with the same number) is taken
//    greedily: highest similarity first, ties to the same number, then the nearer position, then
//    the earlier old unit, then the earlier new unit, so the result never depends on anything but
//    the two versions.
// 3. A unit left over that is mostly (Options::containment of its content words) a part of an old
//    unit whose match is its sibling, and brings words of it that the match lacks, is a part split
//    off that unit; an old unit left over that is mostly part of a new unit whose match is its
//    sibling, with words that sibling lacks, was merged into it.
// 4. A matched pair whose parents are not matched to each other moved. Under each matched pair of
//    parents, the pairs whose order is kept are a longest increasing subsequence of the new
//    positions taken in old order (patience sorting); the others moved. The rest are unchanged
//    (same text, once the leading numeral is set aside) or revised.
// 5. The word-level difference of a matched pair whose texts differ is a longest common
//    subsequence of their words (common prefix and suffix first set aside).
//
// Cost, for n and m units of L content words at most: interning O((n + m) L); the passes compare
// the children of each matched parent pair and then the leftovers, so O(Σ c_p c_q L) for sibling
// groups of sizes c_p, c_q plus O(u v L) for u and v units left over (O(n m L) at worst, when the
// two versions have nothing in common; a pair is skipped without merging when the sizes alone
// rule out the threshold); sorting the candidates O(k log k) for k candidates; the order test
// O(n log n); each word difference O(w1 w2) for texts of w1 and w2 words (capped at 4 million
// cells: past that the differing middle shows as deleted and inserted whole).
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "diff/diff.hpp"

namespace policykg::diff {

namespace {

using TokenSet = std::vector<std::uint32_t>;

bool is_word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

const std::unordered_set<std::string_view>& function_words() {
  static const std::unordered_set<std::string_view> words = {
      "a",   "an",  "and", "are", "as",    "at",   "be",  "by",   "for",  "from",  "has", "have", "in",
      "into", "is", "it",  "its", "of",    "on",   "or",  "shall", "such", "that", "the", "their", "these",
      "this", "to", "was", "we",  "which", "will", "with", "been", "other", "all",  "more"};
  return words;
}

// The content words of a text, lower-cased, in order (duplicates kept).
std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) continue;
    std::string w(text.substr(start, i - start));
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!function_words().contains(w)) words.push_back(std::move(w));
  }
  return words;
}

class Interner {
 public:
  TokenSet set(std::string_view text) {
    TokenSet s;
    for (auto& w : content_words(text)) {
      auto [it, added] = ids_.try_emplace(std::move(w), static_cast<std::uint32_t>(ids_.size()));
      s.push_back(it->second);
    }
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    return s;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

std::size_t common(const TokenSet& a, const TokenSet& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++n, ++i, ++j;
  }
  return n;
}

double dice(const TokenSet& a, const TokenSet& b) {
  if (a.empty() || b.empty()) return 0;
  return 2.0 * static_cast<double>(common(a, b)) / static_cast<double>(a.size() + b.size());
}

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

// The text with its leading numeral ("3. ", "(iv) ", "II . ") set aside, for telling whether two
// texts say the same.
std::string_view body(const Unit& u) {
  std::string_view t = u.text;
  if (u.number.empty()) return t;
  std::size_t i = 0;
  if (i < t.size() && t[i] == '(') ++i;
  if (t.substr(i, u.number.size()) != u.number) return t;
  i += u.number.size();
  std::size_t j = i;
  while (j < t.size() && (t[j] == ')' || t[j] == '.' || t[j] == ' ' || t[j] == ',')) ++j;
  if (j == i) return t;
  return t.substr(j);
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

class Aligner {
 public:
  Aligner(const Version& a, const Version& b, const Options& o) : a_(a), b_(b), o_(o) {
    Interner interner;
    for (const auto& u : a.units) ta_.push_back(interner.set(u.full_text.empty() ? u.text : u.full_text));
    for (const auto& u : b.units) tb_.push_back(interner.set(u.full_text.empty() ? u.text : u.full_text));
    match_a_.assign(a.units.size(), npos);
    match_b_.assign(b.units.size(), npos);
    children_a_ = children(a);
    children_b_ = children(b);
    // Roots pair by key.
    root_pair_.assign(a.roots.size(), npos);
    for (std::size_t i = 0; i < a.roots.size(); ++i)
      for (std::size_t j = 0; j < b.roots.size(); ++j)
        if (a.roots[i].key == b.roots[j].key) {
          root_pair_[i] = j;
          break;
        }
  }

  Diff run() {
    std::size_t depth = 0;
    for (const auto& u : a_.units) depth = std::max(depth, u.depth + 1);
    for (const auto& u : b_.units) depth = std::max(depth, u.depth + 1);
    for (std::size_t d = 0; d < depth; ++d) {
      // Children of matched parents.
      if (d == 0) {
        for (std::size_t r = 0; r < a_.roots.size(); ++r)
          if (root_pair_[r] != npos)
            match(children_a_[a_.units.size() + r], children_b_[b_.units.size() + root_pair_[r]], true);
      } else {
        for (std::size_t i = 0; i < a_.units.size(); ++i)
          if (a_.units[i].depth == d - 1 && match_a_[i] != npos) match(children_a_[i], children_b_[match_a_[i]], true);
      }
      // Units of this depth left over, wherever they are.
      match(leftover(a_, match_a_, d), leftover(b_, match_b_, d), false);
    }
    match(leftover(a_, match_a_, npos), leftover(b_, match_b_, npos), false);
    find_parts();
    return rows();
  }

 private:
  // Children by parent slot: a unit's index, or units.size() + root for the units under a root.
  static std::vector<std::vector<std::size_t>> children(const Version& v) {
    std::vector<std::vector<std::size_t>> c(v.units.size() + v.roots.size());
    for (std::size_t i = 0; i < v.units.size(); ++i) c[slot(v, i)].push_back(i);
    return c;
  }
  static std::size_t slot(const Version& v, std::size_t i) {
    return v.units[i].parent == npos ? v.units.size() + v.units[i].root : v.units[i].parent;
  }
  // The slot of the new version that the old slot is matched to (npos when none).
  std::size_t partner_slot(std::size_t old_slot) const {
    if (old_slot < a_.units.size()) return match_a_[old_slot];
    std::size_t r = root_pair_[old_slot - a_.units.size()];
    return r == npos ? npos : b_.units.size() + r;
  }

  static std::vector<std::size_t> leftover(const Version& v, const std::vector<std::size_t>& matched, std::size_t depth) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < v.units.size(); ++i)
      if (matched[i] == npos && (depth == npos || v.units[i].depth == depth)) out.push_back(i);
    return out;
  }

  struct Candidate {
    double score;
    bool same_number;
    std::size_t distance;
    std::size_t i, j;
  };

  void match(const std::vector<std::size_t>& as, const std::vector<std::size_t>& bs, bool under_matched_parents) {
    std::vector<Candidate> candidates;
    const double least = under_matched_parents ? std::min(o_.threshold, o_.numbered_threshold) : o_.threshold;
    for (std::size_t i : as) {
      if (match_a_[i] != npos) continue;
      const Unit& u = a_.units[i];
      for (std::size_t j : bs) {
        if (match_b_[j] != npos) continue;
        const Unit& v = b_.units[j];
        if (u.level != v.level) continue;
        const bool same_number = under_matched_parents && !u.number.empty() && u.number == v.number;
        double s;
        if (ta_[i].empty() || tb_[j].empty()) {
          // No content words (a bare heading): only the same words match.
          if (body(u) != body(v)) continue;
          s = 1;
        } else {
          const std::size_t small = std::min(ta_[i].size(), tb_[j].size());
          if (2.0 * static_cast<double>(small) / static_cast<double>(ta_[i].size() + tb_[j].size()) < least) continue;
          s = dice(ta_[i], tb_[j]);
        }
        if (s < o_.threshold && !(same_number && s >= o_.numbered_threshold)) continue;
        const std::size_t distance = u.position > v.position ? u.position - v.position : v.position - u.position;
        candidates.push_back({s, same_number, distance, i, j});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      if (x.score != y.score) return x.score > y.score;
      if (x.same_number != y.same_number) return x.same_number;
      return std::tie(x.distance, x.i, x.j) < std::tie(y.distance, y.i, y.j);
    });
    for (const auto& c : candidates) {
      if (match_a_[c.i] != npos || match_b_[c.j] != npos) continue;
      match_a_[c.i] = c.j;
      match_b_[c.j] = c.i;
      similarity_[c.i] = c.score;
    }
  }

  // The share of `part`'s words found in `whole`, when the part brings words of the whole that
  // `whole`'s match (`other`) lacks for at least half of them (a copy of the match is no part);
  // else 0.
  double containment(const TokenSet& part, const TokenSet& whole, const TokenSet& other) const {
    if (part.size() < kLeastPartWords) return 0;
    TokenSet shared;
    std::set_intersection(part.begin(), part.end(), whole.begin(), whole.end(), std::back_inserter(shared));
    if (2 * (shared.size() - common(shared, other)) < shared.size()) return 0;
    return static_cast<double>(shared.size()) / static_cast<double>(part.size());
  }

  // Split and merged parts: a leftover unit mostly contained in a unit whose match is its sibling.
  void find_parts() {
    for (std::size_t j = 0; j < b_.units.size(); ++j) {
      if (match_b_[j] != npos) continue;
      std::size_t best = npos;
      double best_c = 0;
      for (std::size_t sibling : children_b_[slot(b_, j)]) {
        std::size_t i = match_b_[sibling];
        if (i == npos || a_.units[i].level != b_.units[j].level) continue;
        double c = containment(tb_[j], ta_[i], tb_[sibling]);
        if (c >= o_.containment && c > best_c) best = i, best_c = c;
      }
      if (best != npos) split_.push_back({best, j});
    }
    for (std::size_t i = 0; i < a_.units.size(); ++i) {
      if (match_a_[i] != npos) continue;
      std::size_t best = npos;
      double best_c = 0;
      for (std::size_t sibling : children_a_[slot(a_, i)]) {
        std::size_t j = match_a_[sibling];
        if (j == npos || b_.units[j].level != a_.units[i].level) continue;
        double c = containment(ta_[i], tb_[j], ta_[sibling]);
        if (c >= o_.containment && c > best_c) best = j, best_c = c;
      }
      if (best != npos) merged_.push_back({i, best});
    }
  }

  // Which matched pairs moved: another parent, or out of order under the same parents.
  std::vector<bool> moved() const {
    std::vector<bool> moved(a_.units.size(), false);
    std::map<std::size_t, std::vector<std::size_t>> kept;  // new parent slot -> old units, in old order
    for (std::size_t i = 0; i < a_.units.size(); ++i) {
      if (match_a_[i] == npos) continue;
      const std::size_t new_slot = slot(b_, match_a_[i]);
      if (partner_slot(slot(a_, i)) != new_slot) moved[i] = true;
      else kept[new_slot].push_back(i);
    }
    for (const auto& [parent, olds] : kept) {
      // Longest increasing subsequence of the new positions (patience sorting, O(k log k)).
      std::vector<std::size_t> tails, tail_index, previous(olds.size(), npos);
      for (std::size_t k = 0; k < olds.size(); ++k) {
        const std::size_t p = b_.units[match_a_[olds[k]]].position;
        auto at = std::lower_bound(tails.begin(), tails.end(), p) - tails.begin();
        if (at > 0) previous[k] = tail_index[static_cast<std::size_t>(at) - 1];
        if (static_cast<std::size_t>(at) == tails.size()) {
          tails.push_back(p);
          tail_index.push_back(k);
        } else {
          tails[static_cast<std::size_t>(at)] = p;
          tail_index[static_cast<std::size_t>(at)] = k;
        }
      }
      std::vector<bool> in_order(olds.size(), false);
      for (std::size_t k = tail_index.empty() ? npos : tail_index.back(); k != npos; k = previous[k]) in_order[k] = true;
      for (std::size_t k = 0; k < olds.size(); ++k)
        if (!in_order[k]) moved[olds[k]] = true;
    }
    return moved;
  }

  Row pair_row(std::size_t i, std::size_t j, Change change, std::string relation) const {
    Row r;
    r.old_unit = i;
    r.new_unit = j;
    r.similarity = round3(relation.empty() && similarity_.contains(i) && match_a_[i] == j ? similarity_.at(i) : dice(ta_[i], tb_[j]));
    r.relation = std::move(relation);
    const Unit& u = a_.units[i];
    const Unit& v = b_.units[j];
    if (body(u) != body(v)) {
      r.words = word_diff(body(u), body(v));
      if (change == Change::Unchanged) change = Change::Revised;
    }
    r.change = change;
    std::vector<Fact> added, dropped;
    std::set_difference(v.facts.begin(), v.facts.end(), u.facts.begin(), u.facts.end(), std::back_inserter(added));
    std::set_difference(u.facts.begin(), u.facts.end(), v.facts.begin(), v.facts.end(), std::back_inserter(dropped));
    for (auto& f : added) r.facts.push_back({true, std::move(f)});
    for (auto& f : dropped) r.facts.push_back({false, std::move(f)});
    std::sort(r.facts.begin(), r.facts.end(), [](const FactChange& x, const FactChange& y) {
      return std::tie(x.fact, x.added) < std::tie(y.fact, y.added);
    });
    return r;
  }

  Diff rows() const {
    const std::vector<bool> moves = moved();
    // Sort key: the new unit a row goes with (-1 before the first), then 0 for the row of the unit
    // itself, 1 for rows after it (merged parts, removed units), then the old unit.
    using Key = std::tuple<long long, int, std::size_t>;
    std::vector<std::pair<Key, Row>> keyed;
    for (std::size_t j = 0; j < b_.units.size(); ++j) {
      const long long at = static_cast<long long>(j);
      std::size_t i = match_b_[j];
      if (i != npos) {
        keyed.push_back({{at, 0, i}, pair_row(i, j, moves[i] ? Change::Moved : Change::Unchanged, "")});
        continue;
      }
      auto split = std::find_if(split_.begin(), split_.end(), [j](const auto& p) { return p.second == j; });
      if (split != split_.end()) {
        keyed.push_back({{at, 0, split->first}, pair_row(split->first, j, Change::Revised, "split")});
        continue;
      }
      Row r;
      r.change = Change::Added;
      r.new_unit = j;
      keyed.push_back({{at, 0, npos}, std::move(r)});
    }
    for (const auto& [i, j] : merged_)
      keyed.push_back({{static_cast<long long>(j), 1, i}, pair_row(i, j, Change::Revised, "merged")});
    // A removed unit goes after the new partner of the nearest matched unit before it.
    long long anchor = -1;
    for (std::size_t i = 0; i < a_.units.size(); ++i) {
      if (match_a_[i] != npos) {
        anchor = static_cast<long long>(match_a_[i]);
        continue;
      }
      if (std::any_of(merged_.begin(), merged_.end(), [i](const auto& p) { return p.first == i; })) continue;
      Row r;
      r.change = Change::Removed;
      r.old_unit = i;
      keyed.push_back({{anchor, 1, i}, std::move(r)});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    Diff d;
    for (auto& [key, row] : keyed) d.rows.push_back(std::move(row));
    return d;
  }

  static constexpr std::size_t kLeastPartWords = 3;
  const Version& a_;
  const Version& b_;
  const Options& o_;
  std::vector<TokenSet> ta_, tb_;
  std::vector<std::size_t> match_a_, match_b_, root_pair_;
  std::map<std::size_t, double> similarity_;  // old unit -> similarity of its match
  std::vector<std::vector<std::size_t>> children_a_, children_b_;
  std::vector<std::pair<std::size_t, std::size_t>> split_, merged_;  // (old, new)
};

}  // namespace

std::string_view change_name(Change change) {
  switch (change) {
    case Change::Unchanged: return "unchanged";
    case Change::Revised: return "revised";
    case Change::Moved: return "moved";
    case Change::Added: return "added";
    case Change::Removed: return "removed";
  }
  return "unchanged";
}

std::size_t Diff::count(Change change) const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [change](const Row& r) { return r.change == change; }));
}

double similarity(std::string_view a, std::string_view b) {
  Interner interner;
  return dice(interner.set(a), interner.set(b));
}

std::vector<Words> word_diff(std::string_view old_text, std::string_view new_text) {
  const auto a = split_words(old_text), b = split_words(new_text);
  std::vector<Words> out;
  auto add = [&out](Words::Op op, std::string_view w) {
    if (!out.empty() && out.back().op == op) {
      out.back().text += ' ';
      out.back().text += w;
    } else {
      out.push_back({op, std::string(w)});
    }
  };
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  for (std::size_t k = 0; k < prefix; ++k) add(Words::Op::Same, a[k]);
  const std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  constexpr std::size_t kMaxCells = 4'000'000;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxCells) {
    // lcs[i][j]: length of a longest common subsequence of a[prefix+i..] and b[prefix+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        add(Words::Op::Same, a[prefix + i]);
        ++i, ++j;
      } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
        add(Words::Op::Deleted, a[prefix + i++]);
      } else {
        add(Words::Op::Inserted, b[prefix + j++]);
      }
    }
  } else {
    for (std::size_t k = 0; k < n; ++k) add(Words::Op::Deleted, a[prefix + k]);
    for (std::size_t k = 0; k < m; ++k) add(Words::Op::Inserted, b[prefix + k]);
  }
  for (std::size_t k = b.size() - suffix; k < b.size(); ++k) add(Words::Op::Same, b[k]);
  return out;
}

Diff compare(Version old_version, Version new_version, const Options& options) {
  Diff d = Aligner(old_version, new_version, options).run();
  d.old_version = std::move(old_version);
  d.new_version = std::move(new_version);
  return d;
}

}  // namespace policykg::diff
