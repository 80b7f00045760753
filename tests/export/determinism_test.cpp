// The same graph gives byte-identical exports, whatever order its triples arrive in.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/error.hpp"
#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

TEST(Determinism, ShuffledTriplesGiveTheSameBytes) {
  auto triples = test::fixture_triples();
  auto shuffled = triples;
  std::mt19937 rng(7);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  query::GraphView a(triples), b(shuffled);
  for (Format f : {Format::GraphMl, Format::Gexf, Format::Dot, Format::Cytoscape}) {
    EXPECT_EQ(export_graph(a, f), export_graph(b, f)) << format_name(f);
    EXPECT_EQ(export_graph(a, f), export_graph(a, f)) << format_name(f);
  }
  EXPECT_EQ(to_csv(a).nodes, to_csv(b).nodes);
  EXPECT_EQ(to_csv(a).edges, to_csv(b).edges);
}

TEST(Formats, NamesRoundTripAndTwoFileFormatsAreRefused) {
  for (auto name : {"graphml", "gexf", "dot", "cytoscape", "csv", "jsonld", "html"}) {
    auto f = format_from_name(name);
    ASSERT_TRUE(f) << name;
    EXPECT_EQ(format_name(*f), name);
  }
  EXPECT_FALSE(format_from_name("png"));
  EXPECT_EQ(file_extension(Format::Cytoscape), "json");
  auto view = test::fixture_view();
  EXPECT_THROW(export_graph(view, Format::Csv), Error);
  EXPECT_THROW(export_graph(view, Format::JsonLd), Error);
}

TEST(Filters, ClassAndPredicateFiltersReachEveryFormat) {
  query::ViewOptions options;
  options.classes = {std::string(test::kPolNs) + "Measure", std::string(test::kPolNs) + "Zone"};
  options.predicates = {std::string(test::kPolNs) + "appliesTo"};
  auto view = test::fixture_view(options);
  EXPECT_EQ(view.node_count(), 2u);
  EXPECT_EQ(view.edge_count(), 1u);
  std::string dot = to_dot(view);
  EXPECT_EQ(dot.find("haidian"), std::string::npos);
  EXPECT_NE(dot.find("\"predicate\"=\"https://w3id.org/policykg/ontology#appliesTo\""), std::string::npos) << dot;
}

TEST(Labels, TheOntologyLabelsWhatTheDataLeavesBare) {
  EXPECT_EQ(ontology_labels().at(std::string(test::kPolNs) + "appliesTo"), "applies to");
  query::ViewOptions only;
  only.predicates = {std::string(test::kPolNs) + "appliesTo"};
  auto view = test::fixture_view(only);
  EXPECT_NE(to_dot(view).find("\"label\"=\"appliesTo\""), std::string::npos) << "the fixture labels no predicate";
  Options options;
  options.labels = ontology_labels();
  std::string dot = to_dot(view, options);
  EXPECT_NE(dot.find("\"label\"=\"applies to\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"label\"=\"Zhongguancun\""), std::string::npos) << "the data's own labels stay";
}

}  // namespace
}  // namespace policykg::exports
