// Query text -> query::run over a small policy graph, with a timeout, a memory budget and a row
// cap, then every result format that fits: results or a policykg::Error, never a crash. The same
// query without the planner (QueryOptions::plan) must give the same results.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <vector>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/model.hpp"

namespace {

const policykg::query::Dataset& dataset() {
  static const policykg::query::Dataset d = [] {
    policykg::rdf::Model m;
    m.load_string(R"(
@prefix : <http://ex/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:sc a :Agency ; rdfs:label "State Council"@en, "国务院"@zh .
:mofcom a :Agency ; rdfs:label "Ministry of Commerce"@en ; org:subOrganizationOf :sc .
:m1 a :Measure ; rdfs:label "open banks" ; :responsibleParty :mofcom ; :dependsOn :m2 ; :rank 1 .
:m2 a :Measure ; rdfs:label "open insurers" ; :dependsOn :m3 ; :rank 2.5 ; :on "2019-01-31"^^xsd:date .
:m3 a :Measure ; :dependsOn :m1 ; :rank "3"^^xsd:double ; :note [ :text "a, \"quoted\"" ; :by :sc ] .
:list :items (:m1 :m2 :m3) .
)",
                  policykg::rdf::Format::Turtle, "http://ex/");
    return policykg::query::Dataset(m);
  }();
  return d;
}

/// The results as a sorted list of TSV lines (ORDER BY aside, rows may come in any order), or the
/// graph's N-Triples lines sorted.
std::vector<std::string> canonical(const policykg::query::Results& r) {
  using F = policykg::query::ResultFormat;
  const bool graph = r.kind == policykg::rdf::QueryResult::Kind::Graph;
  const bool boolean = r.kind == policykg::rdf::QueryResult::Kind::Boolean;
  std::string text = policykg::query::write_results(r, graph ? F::NTriples : boolean ? F::Json : F::Tsv);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

/// Planning (query/sparql/internal/planner.hpp) must not change an answer: the query without it gives the same
/// results, unless it calls a function that answers anew each time, makes blank nodes, or was cut
/// by the row limit or stopped by the timeout or the memory budget (which may stop the two
/// runs at different places).
void same_without_planner(std::string_view text, policykg::query::QueryOptions options,
                          const policykg::query::Results& planned) {
  static const std::regex fresh(R"(RAND|NOW|UUID|STRUUID|BNODE|\[|_:|SAMPLE|GROUP_CONCAT|LIMIT|OFFSET|DESCRIBE)",
                                std::regex::icase);
  if (planned.truncated || std::regex_search(text.begin(), text.end(), fresh)) return;
  options.plan = false;
  policykg::query::Results written;
  try {
    written = policykg::query::run(dataset(), text, options);
  } catch (const policykg::Error&) {
    return;  // a timeout or the memory budget: the plan is what made the first run fit
  }
  if (written.truncated) return;
  if (canonical(planned) != canonical(written)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace policykg;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  query::QueryOptions options;
  options.timeout = std::chrono::milliseconds(1000);
  options.max_memory = std::size_t{64} << 20;
  options.limit = 100;
  try {
    const query::Results r = query::run(dataset(), text, options);
    same_without_planner(text, options, r);
    using F = query::ResultFormat;
    for (F f : {F::Table, F::Json, F::Xml, F::Csv, F::Tsv, F::Turtle, F::NTriples, F::JsonLd}) {
      try {
        (void)query::write_results(r, f, "http://ex/");
      } catch (const Error& e) {
        if (e.category() != Error::Category::Usage) throw;  // a format that does not fit the result
      }
    }
  } catch (const Error&) {
  }
  return 0;
}
