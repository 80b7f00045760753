#include "remote/graph_stats.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"

namespace policykg::remote {

namespace {

std::size_t count_of(const std::optional<rdf::Term>& term, const std::string& where) {
  std::size_t n = 0;
  if (term && term->is_literal()) {
    auto [end, ec] = std::from_chars(term->value.data(), term->value.data() + term->value.size(), n);
    if (ec == std::errc{} && end == term->value.data() + term->value.size()) return n;
  }
  throw Error(Error::Category::Input, where, "the endpoint answered a count that is not a number");
}

std::size_t single_count(Endpoint& endpoint, const std::string& sparql) {
  auto r = endpoint.select(sparql);
  if (r.rows.size() != 1 || r.rows[0].size() != 1)
    throw Error(Error::Category::Input, endpoint.options().url.to_string(), "the endpoint answered a count with no row");
  return count_of(r.rows[0][0], endpoint.options().url.to_string());
}

// IRI and count per row, ranked as validate::graph_stats ranks them: most first, then by IRI.
std::vector<validate::Count> counts(Endpoint& endpoint, const std::string& sparql) {
  auto r = endpoint.select(sparql);
  std::vector<validate::Count> out;
  for (const auto& row : r.rows) {
    if (row.size() != 2 || !row[0]) continue;
    out.push_back({row[0]->value, count_of(row[1], endpoint.options().url.to_string())});
  }
  std::sort(out.begin(), out.end(), [](const validate::Count& a, const validate::Count& b) {
    return a.count != b.count ? a.count > b.count : a.iri < b.iri;
  });
  return out;
}

}  // namespace

validate::GraphStats graph_stats(Endpoint& endpoint) {
  validate::GraphStats stats;
  stats.properties =
      counts(endpoint, "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p");
  for (const auto& c : stats.properties) stats.triples += c.count;
  stats.subjects = single_count(endpoint, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
  stats.classes = counts(endpoint,
                         "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(!isLiteral(?c)) } GROUP BY ?c");
  stats.instances = single_count(endpoint, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(!isLiteral(?c)) }");
  return stats;
}

}  // namespace policykg::remote
