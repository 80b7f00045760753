// query/sparql/functions.hpp: the one table of builtins, as the parser resolves calls with it and
// the evaluator answers them.
#include "query/sparql/functions.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "query/sparql/sparql.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "tests/query/sparql_fixture.hpp"

namespace policykg::query {
namespace {

TEST(Functions, EveryBuiltinIsFoundByItsNameAndListedUnderIt) {
  std::size_t builtins = 0;
  for (auto f = static_cast<std::size_t>(Function::Str);
       f < static_cast<std::size_t>(Function::Cast); ++f) {
    const FunctionInfo& info = function_info(static_cast<Function>(f));
    ASSERT_FALSE(info.name.empty());
    const FunctionInfo* found = find_builtin(info.name);
    ASSERT_NE(found, nullptr) << info.name;
    EXPECT_EQ(found->function, static_cast<Function>(f)) << info.name;
    EXPECT_LE(info.min_args, info.max_args) << info.name;
    ++builtins;
  }
  EXPECT_EQ(builtins, 50u);  // SPARQL 1.1 section 17.4, with EXISTS and NOT EXISTS apart
}

TEST(Functions, UriAndIsUriAreIriAndIsIri) {
  EXPECT_EQ(find_builtin("URI")->function, Function::Iri);
  EXPECT_EQ(find_builtin("ISURI")->function, Function::IsIri);
  EXPECT_EQ(find_builtin("FROBNICATE"), nullptr);
  EXPECT_EQ(find_builtin("EXISTS"), nullptr);  // a pattern, not a function of values
}

TEST(Functions, OnlyThoseThatAnswerAnewAreFresh) {
  for (auto f : {Function::Rand, Function::Uuid, Function::StrUuid, Function::Bnode})
    EXPECT_TRUE(function_info(f).fresh) << function_info(f).name;
  for (auto f : {Function::Now, Function::Str, Function::Regex, Function::Cast})
    EXPECT_FALSE(function_info(f).fresh) << function_info(f).name;
}

algebra::ExprPtr projected(const std::string& query) {
  return parse_sparql(query).query.projection.at(0).expr;
}

TEST(Functions, TheParserResolvesEachCallOnce) {
  EXPECT_EQ(projected("SELECT (uri(\"http://a\") AS ?x) {}")->function, Function::Iri);
  EXPECT_EQ(projected("SELECT (uri(\"http://a\") AS ?x) {}")->name, "IRI");
  EXPECT_EQ(
      projected("SELECT (<http://www.w3.org/2001/XMLSchema#integer>(\"1\") AS ?x) {}")->function,
      Function::Cast);
  EXPECT_EQ(projected("SELECT (<http://ex/f>(1, 2) AS ?x) {}")->function, Function::Extension);
}

TEST(Functions, ArityComesFromTheTable) {
  try {
    parse_sparql("SELECT (REGEX(?s) AS ?x) {}");
    FAIL() << "accepted REGEX with one argument";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("REGEX takes 2 to 3 arguments, not 1"), std::string::npos)
        << e.what();
  }
  EXPECT_NO_THROW(parse_sparql("SELECT (CONCAT() AS ?x) (CONCAT(1, 2, 3, 4, 5, 6) AS ?y) {}"));
  EXPECT_THROW(parse_sparql("SELECT (NOW(1) AS ?x) {}"), Error);
}

TEST(Functions, AConstantPatternServesEveryRowAndABadOneFailsEveryRow) {
  Dataset data(test::sparql_fixture());
  QueryOptions options;
  options.prefixes = {{"", "http://ex/"}, {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"}};
  auto good = run(data,
                  "SELECT ?l WHERE { ?m a :Measure ; rdfs:label ?l FILTER REGEX(?l, \"^OPEN\", "
                  "\"i\") } ORDER BY ?l",
                  options);
  ASSERT_EQ(good.rows.size(), 2u);
  EXPECT_EQ(good.rows[0][0]->value, "open banks");
  EXPECT_EQ(good.rows[1][0]->value, "open insurers");
  auto bad = run(data, "SELECT ?m (REGEX(?l, \"(\") AS ?r) WHERE { ?m a :Measure ; rdfs:label ?l }",
                 options);
  ASSERT_EQ(bad.rows.size(), 3u);
  for (const auto& row : bad.rows) EXPECT_FALSE(row[1].has_value());
  // a pattern that varies by row is compiled for each
  auto varying = run(data,
                     "SELECT ?m WHERE { ?m a :Measure ; rdfs:label ?l FILTER REGEX(?l, "
                     "CONCAT(\"^\", SUBSTR(?l, 1, 4))) }",
                     options);
  EXPECT_EQ(varying.rows.size(), 3u);
}

}  // namespace
}  // namespace policykg::query
