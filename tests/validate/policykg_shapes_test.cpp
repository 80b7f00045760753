// ontology/shapes.ttl through our validator: a graph shaped like the builder's conforms; a graph
// breaking the shapes in many ways gives exactly the results its comments announce.
#include <gtest/gtest.h>

#include "tests/validate/validate_fixture.hpp"
#include "validate/shapes_graph.hpp"
#include "validate/validate.hpp"

namespace policykg {
namespace {

using Keys = std::set<std::tuple<std::string, std::string, std::string>>;

rdf::Model load(std::string_view name) {
  rdf::Model m;
  m.load_file(test::data_file(name));
  return m;
}

// (focus relative to the instance base, path local name, component local name)
Keys keys(const validate::Report& r) {
  Keys relative;
  for (const auto& v : r.violations) {
    auto focus = v.focus.value.substr(std::string("https://w3id.org/policykg/id/").size());
    relative.emplace(focus, v.path ? validate::to_string(*v.path, test::local_name) : "", test::local_name(v.constraint));
  }
  return relative;
}

TEST(PolicykgShapes, ReadWithoutErrors) {
  auto shapes = test::project_shapes();
  auto graph = validate::read_shapes(shapes);
  EXPECT_GE(graph.with_targets.size(), 10u);
}

TEST(PolicykgShapes, ValidGraphConforms) {
  auto report = validate::validate(load("valid-graph.ttl"), test::project_shapes());
  EXPECT_TRUE(report.conforms) << validate::to_string(*report.violations.front().path, test::local_name) << " "
                               << report.violations.front().focus.value << " " << report.violations.front().message;
  EXPECT_GE(report.focus_nodes, 20u);
}

TEST(PolicykgShapes, BrokenGraphGivesTheAnnouncedResults) {
  auto report = validate::validate(load("broken-graph.ttl"), test::project_shapes());
  const std::string m = "doc/reply/provision/1/measure/1";
  const Keys expected = {
      {"agency/mofcom", "label", "MaxCountConstraintComponent"},
      {"agency/mofcom", "subOrganizationOf", "ClassConstraintComponent"},
      {"district/haidian", "", "ClassConstraintComponent"},
      {"doc/other", "label", "LanguageInConstraintComponent"},
      {"doc/other", "label", "MaxCountConstraintComponent"},
      {"doc/reply", "isPartOf", "MaxCountConstraintComponent"},
      {"doc/reply", "approves", "ClassConstraintComponent"},
      {"doc/reply", "issuedBy", "ClassConstraintComponent"},
      {"doc/reply", "issued", "DatatypeConstraintComponent"},
      {"doc/reply", "validFor", "DatatypeConstraintComponent"},
      {"doc/reply", "validFor", "PatternConstraintComponent"},
      {"doc/reply/provision/1", "number", "MinCountConstraintComponent"},
      {m, "isPartOf", "OrConstraintComponent"},
      {m, "label", "DatatypeConstraintComponent"},
      {m, "label", "LanguageInConstraintComponent"},
      {m, "appliesTo", "ClassConstraintComponent"},
      {m, "dependsOn", "OrConstraintComponent"},
      {m, "instrumentType", "InConstraintComponent"},
      {m, "mentions", "NodeKindConstraintComponent"},
      {m, "position", "DatatypeConstraintComponent"},
      {m, "position", "PatternConstraintComponent"},
      {m, "responsibleParty", "OrConstraintComponent"},
      {m, "sector", "InConstraintComponent"},
      {m, "sourceStart", "MinCountConstraintComponent"},
      {m, "text", "MaxCountConstraintComponent"},
      {"doc/reply/task/1", "isPartOf", "ClassConstraintComponent"},
      {"doc/reply/task/1", "number", "MinCountConstraintComponent"},
      {"region/bth", "label", "MinCountConstraintComponent"},
      {"zone/zhongguancun", "locatedIn", "OrConstraintComponent"},
  };
  EXPECT_EQ(keys(report), expected);
  EXPECT_FALSE(report.conforms);
}

}  // namespace
}  // namespace policykg
