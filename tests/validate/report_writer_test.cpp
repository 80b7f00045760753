// validate/report_writer: text, JSON and sh:ValidationReport triples.
#include <gtest/gtest.h>

#include "tests/validate/constraint_cases.hpp"
#include "tests/validate/validate_fixture.hpp"
#include "validate/report_writer.hpp"
#include "validate/validate.hpp"

namespace policykg {
namespace {

const std::string kSh = "http://www.w3.org/ns/shacl#";

validate::Report sample() {
  auto shapes = test::turtle(std::string(test::kPrefixes) +
                             "ex:S a sh:NodeShape ; sh:targetClass ex:T ;\n"
                             "  sh:property [ sh:path [ sh:inversePath ex:partOf ] ; sh:minCount 1 ] ;\n"
                             "  sh:property [ sh:path ex:n ; sh:datatype xsd:integer ] .");
  auto data = test::turtle(std::string(test::kPrefixes) + "ex:a a ex:T ; ex:n \"x\" .");
  return validate::validate(data, shapes);
}

TEST(ReportWriter, TextHasOneLinePerResultAndASummary) {
  auto text = validate::to_text(sample(), "http://example.org/");
  EXPECT_NE(text.find("id:a  ^id:partOf  expected at least 1 value(s), found 0  "
                      "(sh:MinCountConstraintComponent)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("id:a  id:n  "), std::string::npos) << text;
  EXPECT_NE(text.find("[value \"x\"]"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("does not conform: 2 results (2 violations, 0 warnings, 0 infos) on 1 focus nodes\n"))
      << text;
}

TEST(ReportWriter, TextOfAConformingReport) {
  validate::Report r;
  r.shapes = 2;
  r.focus_nodes = 5;
  EXPECT_EQ(validate::to_text(r), "conforms: 5 focus nodes checked against 2 shapes\n");
}

TEST(ReportWriter, Json) {
  auto j = validate::to_json(sample());
  EXPECT_EQ(j["conforms"], false);
  EXPECT_EQ(j["results"], 2);
  ASSERT_EQ(j["violations"].size(), 2u);
  std::set<std::string> paths;
  for (const auto& v : j["violations"]) {
    EXPECT_EQ(v["focus"], "http://example.org/a");
    EXPECT_EQ(v["severity"], "Violation");
    paths.insert(v["path"].get<std::string>());
  }
  EXPECT_EQ(paths, (std::set<std::string>{"^http://example.org/partOf", "http://example.org/n"}));
}

TEST(ReportWriter, TriplesParseBackAsAShaclReport) {
  auto triples = validate::to_triples(sample());
  rdf::Model m;
  m.add(triples);
  auto type = rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  EXPECT_EQ(m.find({std::nullopt, type, rdf::Term::iri(kSh + "ValidationReport")}).size(), 1u);
  EXPECT_EQ(m.find({std::nullopt, type, rdf::Term::iri(kSh + "ValidationResult")}).size(), 2u);
  auto conforms = m.find({std::nullopt, rdf::Term::iri(kSh + "conforms"), std::nullopt});
  ASSERT_EQ(conforms.size(), 1u);
  EXPECT_EQ(conforms.front().o.value, "false");
  EXPECT_EQ(m.find({std::nullopt, rdf::Term::iri(kSh + "inversePath"), rdf::Term::iri("http://example.org/partOf")}).size(),
            1u);
  EXPECT_EQ(m.find({std::nullopt, rdf::Term::iri(kSh + "resultPath"), rdf::Term::iri("http://example.org/n")}).size(), 1u);
  // Round trip through Turtle.
  rdf::Model back;
  back.load_string(rdf::serialize(triples, rdf::Format::Turtle, ""), rdf::Format::Turtle);
  EXPECT_EQ(back.size(), triples.size());
}

}  // namespace
}  // namespace policykg
