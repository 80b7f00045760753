// ontology/context.jsonld: valid JSON, the contract's prefixes, a term for every pol: class and
// property with the right coercion.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ontology/files.hpp"
#include "ontology/terms.hpp"
#include "tests/ontology/ontology_graph.hpp"

namespace policykg {
namespace {

const nlohmann::json& context() {
  static const nlohmann::json c = nlohmann::json::parse(test::read_text(ontology::context_file().string()));
  return c.at("@context");
}

// Expands a compact IRI with the context's prefixes.
std::string expand(const std::string& value) {
  auto colon = value.find(':');
  if (colon == std::string::npos) return value;
  auto prefix = value.substr(0, colon);
  if (context().contains(prefix) && context()[prefix].is_string())
    return context()[prefix].get<std::string>() + value.substr(colon + 1);
  return value;
}

// term name -> (expanded @id, @type as written or "")
std::map<std::string, std::pair<std::string, std::string>> terms() {
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : context().items()) {
    if (key.starts_with("@")) continue;
    if (value.is_string()) out[key] = {expand(value.get<std::string>()), ""};
    else if (value.is_object())
      out[key] = {expand(value.at("@id").get<std::string>()), value.contains("@type") ? value["@type"].get<std::string>() : ""};
  }
  return out;
}

const std::pair<std::string, std::string>* term_for(const std::string& iri) {
  static const auto all = terms();
  for (const auto& [name, def] : all)
    if (def.first == iri) return &def;
  return nullptr;
}

TEST(Context, IsJsonLd11WithTheContractPrefixes) {
  EXPECT_EQ(context().at("@version"), 1.1);
  for (const auto& p : ns::kPrefixes) EXPECT_EQ(context().at(std::string(p.prefix)), std::string(p.iri)) << p.prefix;
  EXPECT_EQ(context().at("id"), std::string(ns::kDefaultBase));
}

TEST(Context, CoversEveryPolProperty) {
  for (const auto& iri : test::pol_properties(true, false)) {
    const auto* def = term_for(iri);
    ASSERT_NE(def, nullptr) << iri << " has no term";
    EXPECT_EQ(def->second, "@id") << iri;
  }
  const std::string range = std::string(ns::kRdfs) + "range";
  for (const auto& iri : test::pol_properties(false, true)) {
    const auto* def = term_for(iri);
    ASSERT_NE(def, nullptr) << iri << " has no term";
    auto ranges = test::objects(test::ontology(), iri, range);
    ASSERT_EQ(ranges.size(), 1u);
    std::string expected = ranges.front().value == std::string(ns::kXsd) + "string" ? "" : ranges.front().value;
    EXPECT_EQ(def->second.empty() ? "" : expand(def->second), expected) << iri;
  }
}

TEST(Context, CoversEveryPolClass) {
  for (auto cls : {pol::Document, pol::OfficialReply, pol::Plan, pol::Provision, pol::Section, pol::Task,
                   pol::Initiative, pol::Measure, pol::Agency, pol::Place, pol::District, pol::Zone, pol::Region,
                   pol::Infrastructure, pol::Event})
    EXPECT_NE(term_for(std::string(cls)), nullptr) << cls;
}

TEST(Context, DeclaresLanguageOnlyOnLabels) {
  for (const auto& [key, value] : context().items())
    if (value.is_object() && value.contains("@language")) {
      EXPECT_EQ(key, "label");
    }
  EXPECT_EQ(context().at("label").at("@language"), "en");
}

TEST(Context, TermNamesAreTheLocalNames) {
  for (const auto& [name, def] : terms()) {
    if (ns::kPrefixes[0].prefix == name) continue;
    auto hash = def.first.find_last_of("#/");
    if (def.first.starts_with(ns::kPol)) {
      EXPECT_EQ(name, def.first.substr(hash + 1));
    }
  }
}

}  // namespace
}  // namespace policykg
