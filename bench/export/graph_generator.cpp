#include "bench/export/graph_generator.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "ontology/terms.hpp"

namespace policykg::bench {

namespace {

const std::string kBase = "https://w3id.org/policykg/id/";

// A small linear congruential generator: the same sequence on every platform.
struct Lcg {
  std::uint64_t state = 20190131;
  std::size_t next(std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  }
};

rdf::Term iri(const std::string& s) { return rdf::Term::iri(s); }
rdf::Term pol(std::string_view t) { return rdf::Term::iri(std::string(t)); }
rdf::Term std_term(std::string_view t) { return rdf::Term::iri(std::string(t)); }

}  // namespace

std::vector<rdf::Triple> generate_policy_graph(std::size_t target) {
  std::vector<rdf::Triple> out;
  out.reserve(target + 1000);
  Lcg rng;
  auto type = std_term(std_terms::rdf_type);
  auto label = std_term(std_terms::rdfs_label);
  auto part_of = std_term(std_terms::dcterms_isPartOf);
  auto add = [&](const rdf::Term& s, const rdf::Term& p, rdf::Term o) { out.push_back({s, p, std::move(o)}); };

  const std::size_t agencies = 120, districts = 16, zones = 60;
  for (std::size_t a = 0; a < agencies; ++a) {
    auto s = iri(kBase + "agency/agency-" + std::to_string(a));
    add(s, type, pol(pol::Agency));
    add(s, label, rdf::Term::lang_literal("Agency " + std::to_string(a), "en"));
    if (a > 0) add(s, std_term(std_terms::org_subOrganizationOf), iri(kBase + "agency/agency-" + std::to_string((a - 1) / 4)));
  }
  for (std::size_t d = 0; d < districts; ++d) {
    auto s = iri(kBase + "district/district-" + std::to_string(d));
    add(s, type, pol(pol::District));
    add(s, label, rdf::Term::lang_literal("District " + std::to_string(d), "en"));
  }
  for (std::size_t z = 0; z < zones; ++z) {
    auto s = iri(kBase + "zone/zone-" + std::to_string(z));
    add(s, type, pol(pol::Zone));
    add(s, label, rdf::Term::lang_literal("Zone " + std::to_string(z), "en"));
    add(s, std_term(std_terms::skos_altLabel), rdf::Term::literal("Zone No. " + std::to_string(z)));
    add(s, pol(pol::locatedIn), iri(kBase + "district/district-" + std::to_string(z % districts)));
  }
  const std::string sentence =
      "Allow foreign-funded institutions to provide services in the pilot area, upon approval and in "
      "accordance with laws and regulations, and support the opening-up of the sector.";
  for (std::size_t doc = 0; out.size() < target; ++doc) {
    std::string d = kBase + "doc/plan-" + std::to_string(doc);
    auto ds = iri(d);
    add(ds, type, pol(pol::Plan));
    add(ds, label, rdf::Term::lang_literal("Plan " + std::to_string(doc), "en"));
    add(ds, std_term(std_terms::dcterms_issued), rdf::Term::xsd("2019-01-" + std::to_string(10 + doc % 20), "date"));
    add(ds, pol(pol::issuedBy), iri(kBase + "agency/agency-0"));
    std::size_t offset = 0;
    for (std::size_t t = 1; t <= 9 && out.size() < target; ++t) {
      std::string ts = d + "/task/" + std::to_string(t);
      add(iri(ts), type, pol(pol::Task));
      add(iri(ts), label, rdf::Term::lang_literal("Task " + std::to_string(t), "en"));
      add(iri(ts), pol(pol::position), rdf::Term::integer(static_cast<long long>(t)));
      add(iri(ts), part_of, ds);
      for (std::size_t i = 1; i <= 4 && out.size() < target; ++i) {
        std::string is = ts + "/initiative/" + std::to_string(i);
        add(iri(is), type, pol(pol::Initiative));
        add(iri(is), label, rdf::Term::lang_literal("Initiative " + std::to_string(t) + "." + std::to_string(i), "en"));
        add(iri(is), pol(pol::position), rdf::Term::integer(static_cast<long long>(i)));
        add(iri(is), part_of, iri(ts));
        add(iri(is), pol(pol::responsibleParty), iri(kBase + "agency/agency-" + std::to_string(rng.next(agencies))));
        for (std::size_t m = 1; m <= 6 && out.size() < target; ++m) {
          auto ms = iri(is + "/measure/" + std::to_string(m));
          std::size_t length = 60 + rng.next(sentence.size() - 60);
          add(ms, type, pol(pol::Measure));
          add(ms, label, rdf::Term::lang_literal(sentence.substr(0, 40) + " " + std::to_string(m), "en"));
          add(ms, pol(pol::text), rdf::Term::literal(sentence.substr(0, length)));
          add(ms, pol(pol::sourceStart), rdf::Term::integer(static_cast<long long>(offset)));
          add(ms, pol(pol::sourceEnd), rdf::Term::integer(static_cast<long long>(offset + length)));
          offset += length + 1;
          add(ms, pol(pol::position), rdf::Term::integer(static_cast<long long>(m)));
          add(ms, part_of, iri(is));
          auto party = iri(kBase + "agency/agency-" + std::to_string(rng.next(agencies)));
          auto zone = iri(kBase + "zone/zone-" + std::to_string(rng.next(zones)));
          add(ms, pol(pol::responsibleParty), party);
          add(ms, pol(pol::mentions), party);
          add(ms, pol(pol::appliesTo), zone);
          add(ms, pol(pol::mentions), zone);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace policykg::bench
