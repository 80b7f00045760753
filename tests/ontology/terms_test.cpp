// ontology/terms.hpp against ontology/policykg.ttl: one source of truth. The header is read as
// text, so a constant added to it without a definition in the ontology (or the reverse) fails.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "tests/ontology/ontology_graph.hpp"

namespace policykg {
namespace {

// NAME -> IRI for every `inline constexpr std::string_view NAME = "IRI";` whose IRI is a pol: term.
std::map<std::string, std::string> header_terms() {
  std::string text = test::read_text((paths::ontology_dir() / "terms.hpp").string());
  static const std::regex constant(R"re(inline\s+constexpr\s+std::string_view\s+(\w+)\s*=\s*"([^"]*)"\s*;)re");
  std::map<std::string, std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), constant); it != std::sregex_iterator(); ++it) {
    std::string iri = (*it)[2];
    if (iri.starts_with(ns::kPol) && iri.size() > ns::kPol.size()) out.emplace((*it)[1], iri);
  }
  return out;
}

TEST(Terms, HeaderListsTerms) {
  auto terms = header_terms();
  EXPECT_GE(terms.size(), 13u + 23u + 2u);
  EXPECT_EQ(terms.at("Document"), pol::Document);
  EXPECT_EQ(terms.at("sector_finance"), pol::sector_finance);
}

TEST(Terms, EveryHeaderNameIsDefinedInTheOntology) {
  auto defined = test::defined_pol_terms();
  for (const auto& [name, iri] : header_terms()) EXPECT_TRUE(defined.contains(iri)) << name << " = " << iri;
}

TEST(Terms, EveryOntologyTermHasAHeaderName) {
  std::set<std::string> named;
  for (const auto& [name, iri] : header_terms()) named.insert(iri);
  for (const auto& iri : test::defined_pol_terms()) EXPECT_TRUE(named.contains(iri)) << iri << " has no C++ name";
}

TEST(Terms, NamesFollowTheConvention) {
  // Classes, properties and schemes are named by their local name; concepts by their scheme.
  const std::string concept_class = std::string(ns::kSkos) + "Concept";
  const std::string type = std::string(ns::kRdf) + "type";
  const std::string in_scheme = std::string(ns::kSkos) + "inScheme";
  for (const auto& [name, iri] : header_terms()) {
    SCOPED_TRACE(name);
    std::string local = iri.substr(ns::kPol.size());
    if (test::has(test::ontology(), iri, type, concept_class)) {
      if (test::has(test::ontology(), iri, in_scheme, pol::Sectors)) {
        EXPECT_TRUE(name.starts_with("sector_"));
      } else if (test::has(test::ontology(), iri, in_scheme, pol::InstrumentTypes)) {
        EXPECT_TRUE(name.starts_with("instrument_"));
      } else if (test::has(test::ontology(), iri, in_scheme, pol::Roles)) {
        EXPECT_TRUE(name.starts_with("role_"));
      } else {
        ADD_FAILURE() << "concept in no scheme of the ontology";
      }
    } else {
      EXPECT_EQ(name, local);
    }
  }
}

TEST(Terms, EveryIriInTheHeaderIsSpelledOnce) {
  std::map<std::string, std::string> by_iri;
  for (const auto& [name, iri] : header_terms())
    EXPECT_TRUE(by_iri.emplace(iri, name).second) << iri << " is named both " << by_iri[iri] << " and " << name;
}

}  // namespace
}  // namespace policykg
