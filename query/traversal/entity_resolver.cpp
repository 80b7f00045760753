#include "query/traversal/entity_resolver.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ontology/terms.hpp"
#include "query/prefixes.hpp"
#include "query/traversal/route.hpp"
#include "query/traversal/text_search.hpp"

namespace policykg::query {

namespace {

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

std::string shorten(std::string_view s, std::size_t max = 60) {
  if (s.size() <= max) return std::string(s);
  const std::size_t cut = utf8_char_start(s, max);
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

std::span<const std::string_view> label_predicates() {
  static constexpr std::string_view predicates[] = {std_terms::rdfs_label, std_terms::skos_altLabel,
                                                    std_terms::skos_prefLabel, std_terms::dcterms_identifier};
  return predicates;
}

std::string_view without_final_stop(std::string_view entity) {
  while (!entity.empty() && std::string_view(".,;:").find(entity.back()) != std::string_view::npos)
    entity.remove_suffix(1);
  return entity;
}

std::string fold_label(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // U+00A0 (no-break space, C2 A0 in UTF-8) counts as white space: the seed text has many.
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || nbsp) {
      i += nbsp ? 1 : 0;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

EntityResolver::EntityResolver(const GraphView& view, std::string base)
    : view_(&view), base_(std::move(base)) {
  for (Vertex v = 0; v < view.node_count(); ++v)
    for (auto predicate : label_predicates())
      for (const auto& value : view.attribute(v, predicate))
        by_label_.emplace(fold_label(value.value), Candidate{v, value.value});
}

std::string expand_entity(std::string_view entity, const std::string& base) {
  std::string_view e = entity;
  while (!e.empty() && e.front() == ' ') e.remove_prefix(1);
  while (!e.empty() && e.back() == ' ') e.remove_suffix(1);
  if (e.size() > 2 && e.front() == '<' && e.back() == '>') return std::string(e.substr(1, e.size() - 2));
  if (e.empty() || has_space(e)) return {};
  if (e.starts_with("_:")) return std::string(e);
  if (e.find("://") != std::string_view::npos || e.starts_with("urn:")) return std::string(e);
  auto colon = e.find(':');
  if (colon == std::string_view::npos) return {};
  auto prefix = e.substr(0, colon);
  auto local = e.substr(colon + 1);
  if (prefix == "id") return base + std::string(local);
  std::string space = predefined_namespace(prefix, base);
  return space.empty() ? std::string() : space + std::string(local);
}

std::string EntityResolver::expand(std::string_view entity) const { return expand_entity(entity, base_); }

std::vector<Candidate> EntityResolver::exact(std::string_view label) const {
  std::vector<Candidate> out;
  auto [lo, hi] = by_label_.equal_range(fold_label(label));
  std::set<Vertex> seen;
  for (auto it = lo; it != hi; ++it)
    if (seen.insert(it->second.vertex).second) out.push_back(it->second);
  std::sort(out.begin(), out.end(), [&](const Candidate& a, const Candidate& b) {
    return natural_less(view_->node(a.vertex).iri, view_->node(b.vertex).iri);
  });
  return out;
}

std::vector<Candidate> EntityResolver::nearest(std::string_view label, std::size_t count) const {
  const std::string wanted = fold_label(label);
  // Rank: containing the text first (shorter labels first), then by edit distance; one per vertex.
  using Rank = std::tuple<int, std::size_t, std::string>;
  std::map<Vertex, std::pair<Rank, std::string>> best;
  for (const auto& [folded, candidate] : by_label_) {
    Rank rank = folded.find(wanted) != std::string::npos
                    ? Rank{0, folded.size(), folded}
                    : Rank{1, edit_distance(wanted, folded.substr(0, 4 * wanted.size() + 8)), folded};
    auto it = best.find(candidate.vertex);
    if (it == best.end() || rank < it->second.first)
      best[candidate.vertex] = {rank, candidate.label};
  }
  std::vector<std::pair<Rank, Candidate>> ranked;
  for (const auto& [v, r] : best) ranked.push_back({r.first, Candidate{v, r.second}});
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return natural_less(view_->node(a.second.vertex).iri, view_->node(b.second.vertex).iri);
  });
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
  return out;
}

Vertex EntityResolver::resolve(std::string_view entity) const {
  const std::string where = "entity \"" + std::string(entity) + "\"";
  auto list = [&](const std::vector<Candidate>& cs) {
    std::string s;
    for (const auto& c : cs) {
      if (!s.empty()) s += ", ";
      s += "\"" + shorten(c.label) + "\" (" + compact_iri(view_->node(c.vertex).iri, base_) + ")";
    }
    return s;
  };
  if (auto iri = expand(entity); !iri.empty()) {
    if (auto v = view_->vertex(iri)) return *v;
    // Unknown IRI: suggest the IRIs nearest to it.
    std::vector<std::pair<std::size_t, Vertex>> ranked;
    for (Vertex v = 0; v < view_->node_count(); ++v)
      ranked.push_back({edit_distance(iri, view_->node(v).iri), v});
    std::sort(ranked.begin(), ranked.end());
    std::vector<Candidate> near;
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i)
      near.push_back(Candidate{ranked[i].second, view_->node(ranked[i].second).label});
    throw Error(Error::Category::Input, where,
                "no resource <" + iri + "> in the graph" +
                    (near.empty() ? std::string() : "; nearest: " + list(near)));
  }
  if (fold_label(entity).empty()) throw Error(Error::Category::Input, where, "empty entity name");
  auto found = exact(entity);
  // A label typed with its sentence's final stop, comma or colon.
  const std::string_view trimmed = without_final_stop(entity);
  if (found.empty() && trimmed.size() != entity.size() && !fold_label(trimmed).empty()) found = exact(trimmed);
  // The tail of an IRI: "task/9/initiative/5/measure/2".
  if (found.empty() && trimmed.find('/') != std::string_view::npos) {
    const std::string tail = "/" + std::string(trimmed);
    for (Vertex v = 0; v < view_->node_count(); ++v)
      if (view_->node(v).iri.ends_with(tail)) found.push_back(Candidate{v, view_->node(v).label});
  }
  if (found.size() == 1) return found.front().vertex;
  if (found.size() > 1)
    throw Error(Error::Category::Input, where,
                "ambiguous label, " + std::to_string(found.size()) + " resources have it: " +
                    list(found) + "; name one by IRI");
  // Any run of its words, side by side: in a label first, else in a unit's own text.
  const TextIndex index(*view_);
  for (bool in_labels : {true, false}) {
    for (Vertex v : index.containing(trimmed, in_labels)) found.push_back(Candidate{v, view_->node(v).label});
    if (found.size() == 1) return found.front().vertex;
    if (found.size() > 1) {
      constexpr std::size_t kShown = 8;
      const std::size_t count = found.size();
      if (count > kShown) found.resize(kShown);
      throw Error(Error::Category::Input, where,
                  std::to_string(count) + " resources have these words in " + (in_labels ? "their labels" : "their text") +
                      ": " + list(found) + (count > kShown ? ", …" : "") +
                      "; add words, or name one by its key or IRI (`policykg search` ranks them)");
    }
  }
  // Nothing holds the words side by side: what has every word, ranked, else the nearest labels
  // (a misspelt name is nearer by its letters than by its words).
  std::vector<Candidate> near;
  const std::size_t words = search_words(trimmed).size();
  for (const auto& hit : index.search(trimmed, 5))
    if (hit.matched == words) near.push_back(Candidate{hit.vertex, view_->node(hit.vertex).label});
  if (!near.empty())
    throw Error(Error::Category::Input, where, "no resource has these words side by side; best matches: " + list(near));
  near = nearest(entity);
  throw Error(Error::Category::Input, where,
              "no resource has this label" +
                  (near.empty() ? std::string() : "; nearest labels: " + list(near)));
}

}  // namespace policykg::query
