// validate::validate on one small graph per constraint, and the validator's refusals.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "tests/validate/constraint_cases.hpp"
#include "tests/validate/validate_fixture.hpp"
#include "validate/validate.hpp"

namespace policykg {
namespace {

class ConstraintCaseTest : public ::testing::TestWithParam<test::ConstraintCase> {};

TEST_P(ConstraintCaseTest, GivesExactlyTheExpectedResults) {
  const auto& c = GetParam();
  auto shapes = test::turtle(std::string(test::kPrefixes) + c.shapes);
  auto data = test::turtle(std::string(test::kPrefixes) + c.data);
  auto report = validate::validate(data, shapes);
  EXPECT_EQ(test::local_keys(report), c.expected);
  EXPECT_EQ(report.conforms, c.expected.empty());
}

INSTANTIATE_TEST_SUITE_P(Constraints, ConstraintCaseTest, ::testing::ValuesIn(test::constraint_cases()),
                         [](const auto& param_info) { return param_info.param.name; });

validate::Report run(const std::string& shapes, const std::string& data) {
  return validate::validate(test::turtle(std::string(test::kPrefixes) + data),
                            test::turtle(std::string(test::kPrefixes) + shapes));
}

TEST(Validator, ReportsFocusPathValueShapeAndMessage) {
  auto report = run("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property ex:P .\n"
                    "ex:P sh:path ex:n ; sh:datatype xsd:integer ; sh:message \"n is an integer\"@en .",
                    "ex:a a ex:T ; ex:n \"x\" .");
  ASSERT_EQ(report.violations.size(), 1u);
  const auto& v = report.violations.front();
  EXPECT_EQ(v.focus, rdf::Term::iri("http://example.org/a"));
  ASSERT_TRUE(v.path);
  EXPECT_EQ(v.path->iri, "http://example.org/n");
  EXPECT_EQ(v.constraint, "http://www.w3.org/ns/shacl#DatatypeConstraintComponent");
  EXPECT_EQ(v.value, rdf::Term::literal("x"));
  EXPECT_EQ(v.shape, rdf::Term::iri("http://example.org/P"));
  EXPECT_EQ(v.message, "n is an integer");
  EXPECT_EQ(v.severity, validate::Severity::Violation);
  EXPECT_FALSE(report.conforms);
  EXPECT_EQ(report.shapes, 1u);
  EXPECT_EQ(report.focus_nodes, 1u);
}

TEST(Validator, GeneratesAMessageWhenTheShapeHasNone) {
  auto report = run("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:n ; sh:minCount 2 ] .",
                    "ex:a a ex:T ; ex:n 1 .");
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_EQ(report.violations.front().message, "expected at least 2 value(s), found 1");
}

TEST(Validator, WarningsAreResultsToo) {
  auto report = run("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:severity sh:Warning ;\n"
                    "  sh:property [ sh:path ex:n ; sh:minCount 1 ; sh:severity sh:Warning ] .",
                    "ex:a a ex:T .");
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_EQ(report.violations.front().severity, validate::Severity::Warning);
  EXPECT_FALSE(report.conforms);  // SHACL: any result, whatever its severity
}

TEST(Validator, ImplicitClassTarget) {
  auto report = run("ex:T a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:n ; sh:minCount 1 ] .",
                    "ex:a a ex:T .");
  EXPECT_EQ(test::local_keys(report), (std::set<std::tuple<std::string, std::string, std::string>>{
                                          {"a", "n", "MinCountConstraintComponent"}}));
}

TEST(Validator, ResultsAreSortedAndDeterministic) {
  const std::string shapes = "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:n ; sh:minCount 1 ] .";
  const std::string data = "ex:c a ex:T .\nex:a a ex:T .\nex:b a ex:T .";
  auto first = run(shapes, data);
  ASSERT_EQ(first.violations.size(), 3u);
  EXPECT_EQ(first.violations[0].focus.value, "http://example.org/a");
  EXPECT_EQ(first.violations[2].focus.value, "http://example.org/c");
  EXPECT_EQ(test::local_keys(first), test::local_keys(run(shapes, data)));
}

TEST(Validator, RefusesUnsupportedConstraints) {
  try {
    run("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true .", "ex:a a ex:T .");
    FAIL() << "sh:closed accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Input);
    EXPECT_NE(std::string(e.what()).find("sh:closed"), std::string::npos);
    EXPECT_NE(e.where().find("http://example.org/S"), std::string::npos);
  }
}

TEST(Validator, RefusesMalformedShapes) {
  EXPECT_THROW(run("ex:S sh:targetClass ex:T ; sh:property [ sh:path ex:n ; sh:minCount \"many\" ] .", "ex:a a ex:T ."),
               Error);
  EXPECT_THROW(run("ex:S sh:targetClass ex:T ; sh:property [ sh:path ex:n ; sh:pattern \"(\" ] .", "ex:a a ex:T ."),
               Error);
  EXPECT_THROW(run("ex:S sh:targetClass ex:T ; sh:minCount 1 .", "ex:a a ex:T ."), Error);
}

TEST(Validator, RefusesRecursiveShapes) {
  EXPECT_THROW(run("ex:S sh:targetClass ex:T ; sh:property [ sh:path ex:next ; sh:node ex:S ] .",
                   "ex:a a ex:T ; ex:next ex:b .\nex:b ex:next ex:a ."),
               Error);
}

}  // namespace
}  // namespace policykg
