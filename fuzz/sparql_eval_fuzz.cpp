// Query text -> query::run over a small policy graph, with a timeout, a memory budget and a row
// cap, then every result format that fits: results or a policykg::Error, never a crash.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/dataset.hpp"
#include "query/sparql.hpp"
#include "rdf/error.hpp"
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
