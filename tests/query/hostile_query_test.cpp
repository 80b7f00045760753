// Queries written to hurt: nesting past any stack, long operator chains, text that is not
// UTF-8, thousands of BINDs, and joins whose intermediate results outgrow the machine. Each must
// end with a clear error or a bounded answer (issue "Hostile input", D1, D2, D7).
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "core/error.hpp"
#include "query/sparql/sparql.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "tests/query/sparql_fixture.hpp"

using namespace policykg;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// Queries nesting one construct `depth` times.
const std::vector<std::pair<std::string, std::function<std::string(std::size_t)>>>& nestings() {
  static const std::vector<std::pair<std::string, std::function<std::string(std::size_t)>>> all = {
      {"groups", [](std::size_t n) { return "SELECT * WHERE " + repeat("{", n) + "?s ?p ?o" + repeat("}", n); }},
      {"OPTIONAL", [](std::size_t n) { return "SELECT * { " + repeat("OPTIONAL { ", n) + "?s ?p ?o" + repeat("}", n) + "}"; }},
      {"subqueries",
       [](std::size_t n) { return "SELECT * { " + repeat("{ SELECT * WHERE ", n) + "{ ?s ?p ?o }" + repeat("}", n) + "}"; }},
      {"FILTER EXISTS",
       [](std::size_t n) { return "SELECT * { ?s ?p ?o " + repeat("FILTER EXISTS { ", n) + "?s ?p ?o" + repeat("}", n) + "}"; }},
      {"parentheses", [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(" + repeat("(", n) + "true" + repeat(")", n) + ") }"; }},
      {"function calls",
       [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(" + repeat("STR(", n) + "?o" + repeat(")", n) + " != \"\") }"; }},
      {"unary !", [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(" + repeat("!", 2 * (n / 2)) + "true) }"; }},
      {"unary -", [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(" + repeat("-", 2 * (n / 2)) + "1 = 1) }"; }},
      {"+ chains", [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(0" + repeat(" + 0", n) + " = 0) }"; }},
      {"* chains", [](std::size_t n) { return "SELECT * { ?s ?p ?o FILTER(1" + repeat(" * 1", n) + " = 1) }"; }},
      {"path groups",
       [](std::size_t n) { return "SELECT * { ?s " + repeat("(", n) + "<http://ex/dependsOn>" + repeat(")", n) + " ?o }"; }},
      {"blank node property lists",
       [](std::size_t n) { return "SELECT * { ?s ?p " + repeat("[ ?p ", n) + "?o" + repeat(" ]", n) + " }"; }},
      {"collections", [](std::size_t n) { return "SELECT * { ?s ?p " + repeat("( ", n) + "?o" + repeat(" )", n) + " }"; }},
  };
  return all;
}

}  // namespace

TEST(HostileQuery, DeepNestingIsRefusedWithItsPlace) {
  rdf::Model m = test::sparql_fixture();
  for (const auto& [what, make] : nestings()) {
    SCOPED_TRACE(what);
    const std::string text = make(100000);
    try {
      query::run(m, text);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Syntax);
      EXPECT_EQ(e.where().rfind("query:1:", 0), 0u) << e.where();
      EXPECT_NE(std::string(e.what()).find("nested too deeply (more than 256 levels"), std::string::npos) << e.what();
    }
  }
}

TEST(HostileQuery, NestingUpToTheLimitIsParsedAndEvaluated) {
  // the limit leaves room on the stack: a query just inside it runs (under the sanitizers too)
  rdf::Model m = test::sparql_fixture();
  for (const auto& [what, make] : nestings()) {
    SCOPED_TRACE(what);
    EXPECT_NO_THROW(query::run(m, make(240)));
  }
}

TEST(HostileQuery, TheDepthLimitIsAnOption) {
  rdf::Model m = test::sparql_fixture();
  query::QueryOptions o;
  o.max_depth = 8;
  const std::string text = "SELECT * WHERE " + repeat("{", 10) + "?s ?p ?o" + repeat("}", 10);
  try {
    query::run(m, text, o);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "query:1:24");  // the ninth '{'
    EXPECT_NE(std::string(e.what()).find("more than 8 levels"), std::string::npos);
  }
  o.max_depth = 11;
  EXPECT_EQ(query::run(m, text, o).rows.size(), query::run(m, "SELECT * { ?s ?p ?o }").rows.size());
}

TEST(HostileQuery, LongBooleanChainsAreOneNode) {
  rdf::Model m = test::sparql_fixture();
  const std::string any = "ASK { FILTER(" + repeat("false || ", 20000) + "true) }";
  EXPECT_TRUE(query::run(m, any).boolean);
  const std::string all = "ASK { FILTER(" + repeat("true && ", 20000) + "false) }";
  EXPECT_FALSE(query::run(m, all).boolean);
  // SPARQL's three-valued logic, as the binary operators folded left would give it
  EXPECT_TRUE(query::run(m, "ASK { FILTER(1/0 || false || true) }").boolean);
  EXPECT_FALSE(query::run(m, "ASK { FILTER(1/0 || false || false) }").boolean);  // error: filtered out
  EXPECT_TRUE(query::run(m, "ASK { FILTER(!(1/0 && true && false)) }").boolean);
  EXPECT_FALSE(query::run(m, "ASK { FILTER(!(1/0 && true && true)) }").boolean);  // error
}

TEST(HostileQuery, TextThatIsNotUtf8OrHoldsNulIsRefusedWithItsPlace) {
  rdf::Model m = test::sparql_fixture();
  auto error = [&](const std::string& text) {
    try {
      query::run(m, text);
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Syntax);
      return e.where() + " " + e.what();
    }
    return std::string("no error");
  };
  EXPECT_NE(error("SELECT * {\n ?s ?p \"caf\xC3\" }").find("query:2:12"), std::string::npos);
  EXPECT_NE(error("SELECT * {\n ?s ?p \"caf\xC3\" }").find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(error(std::string("SELECT * { ?s ?p \"a\0b\" }", 23)).find("NUL"), std::string::npos);
  EXPECT_NE(error("SELECT * { ?s ?p \"北京\xFF\" }").find("query:1:21"), std::string::npos);
}

TEST(HostileQuery, ManyBindsParseInTimeLinearInTheirNumber) {
  // each BIND's target is checked against the group's scope as it stands, not recomputed
  rdf::Model m = test::sparql_fixture();
  std::string text = "SELECT (COUNT(*) AS ?n) {";
  for (int i = 0; i < 30000; ++i) text += " BIND(" + std::to_string(i) + " AS ?v" + std::to_string(i) + ")";
  text += " }";
  query::QueryOptions o;
  o.timeout = std::chrono::seconds(30);  // the quadratic check took over a minute
  EXPECT_EQ(query::run(m, text, o).rows.at(0).at(0)->value, "1");
  // a variable bound earlier is still refused
  try {
    query::run(m, "SELECT * { ?s ?p ?o BIND(1 AS ?x) BIND(2 AS ?y) ?a ?b ?c BIND(3 AS ?a) }");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("BIND target ?a is already in scope"), std::string::npos);
  }
}

TEST(HostileQuery, TheDeadlineStopsParsing) {
  std::string text = "SELECT * {";
  for (int i = 0; i < 20000; ++i) text += " ?s <http://ex/p> ?o" + std::to_string(i) + " .";
  text += " }";
  query::Deadline deadline(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  query::ParseLimits limits;
  limits.deadline = &deadline;
  try {
    query::parse_sparql(text, {}, limits);
    FAIL() << "parsed past the deadline";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Query);
    EXPECT_NE(std::string(e.what()).find("timed out after 1 ms"), std::string::npos);
  }
}

namespace {

/// `subjects` subjects with one value each: with 3,000, three patterns without a shared variable
/// make 2.7e10 rows.
rdf::Model wide_model(int subjects = 3000) {
  rdf::Model big;
  std::vector<rdf::Triple> ts;
  for (int i = 0; i < subjects; ++i)
    ts.push_back({rdf::Term::iri("http://ex/s" + std::to_string(i)), rdf::Term::iri("http://ex/p"), rdf::Term::integer(i)});
  big.add(ts);
  return big;
}

query::QueryOptions budget(std::size_t mib) {
  query::QueryOptions o;
  o.max_memory = mib << 20;
  return o;
}

void expect_out_of_memory(const query::Dataset& d, const std::string& text, std::size_t mib) {
  try {
    query::run(d, text, budget(mib));
    ADD_FAILURE() << "no error for " << text.substr(0, 120);
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Query);
    EXPECT_NE(std::string(e.what()).find("needs more than " + std::to_string(mib) + " MiB of memory"), std::string::npos)
        << e.what();
  }
}

}  // namespace

// ASK and LIMIT stop at the solutions they need: the matches of the last pattern are not all
// made first (200,000 rows would need several MiB; the budget is one).
TEST(HostileQuery, AskAndLimitStopAtTheSolutionsTheyNeed) {
  query::Dataset d(wide_model(200000));
  EXPECT_TRUE(query::run(d, "ASK { ?s ?p ?o }", budget(1)).boolean);
  EXPECT_TRUE(query::run(d, "ASK { ?s <http://ex/p> ?o }", budget(1)).boolean);
  EXPECT_EQ(query::run(d, "SELECT * { ?s ?p ?o } LIMIT 2", budget(1)).rows.size(), 2u);
  expect_out_of_memory(d, "SELECT * { ?s ?p ?o }", 1);  // every row is needed
  // A UNION gives its branches' rows in turn: one that gives enough is the last one read, and
  // each stops at what is still needed.
  EXPECT_TRUE(query::run(d, "ASK { { <http://ex/s1> ?p ?o } UNION { ?s ?p ?o FILTER(?o > 5) } }", budget(1)).boolean);
  EXPECT_TRUE(query::run(d, "ASK { { <http://ex/none> ?p ?o } UNION { ?s ?p ?o FILTER(?o > 5) } }", budget(1)).boolean);
  const std::string both = "SELECT ?o { { ?s <http://ex/none> ?o } UNION { ?s ?p ?o FILTER(?o > 5) } }";
  const auto first = query::run(d, both + " LIMIT 3", budget(1)), all = query::run(d, both);
  ASSERT_EQ(first.rows.size(), 3u);
  ASSERT_EQ(all.rows.size(), 200000u - 6);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(first.rows[i], all.rows[i]) << "the first rows, in the same order";
  expect_out_of_memory(d, "SELECT * { { <http://ex/s1> ?p ?o } UNION { ?s ?p ?o } }", 1);
}

TEST(HostileQuery, AMemoryBudgetStopsGrowingJoins) {
  query::Dataset d(wide_model());
  expect_out_of_memory(d, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 8);
  expect_out_of_memory(d, "SELECT (SAMPLE(?c) AS ?n) { ?a ?b ?c . ?d ?e ?f }", 8);
  expect_out_of_memory(d, "SELECT DISTINCT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c", 8);
  expect_out_of_memory(d, "CONSTRUCT { ?a <http://ex/q> ?f } { ?a ?b ?c . ?d ?e ?f }", 8);
  // a chain of 3,000 links has 4.5 million pairs connected by a path
  rdf::Model chain;
  std::vector<rdf::Triple> links;
  for (int i = 0; i < 3000; ++i)
    links.push_back({rdf::Term::iri("http://ex/n" + std::to_string(i)), rdf::Term::iri("http://ex/next"),
                     rdf::Term::iri("http://ex/n" + std::to_string(i + 1))});
  chain.add(links);
  expect_out_of_memory(query::Dataset(chain), "SELECT * { ?a <http://ex/next>* ?b }", 16);
  // the same queries fit a larger budget where they are small enough
  EXPECT_EQ(query::run(d, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c }", budget(32)).rows.at(0).at(0)->value, "3000");
}

// A COUNT grouped by variables counts each solution as it is found: the million solutions of a
// growing join (32 MB of rows) are counted within a budget that could not hold them.
TEST(HostileQuery, ACountHoldsNoSolutions) {
  query::Dataset d(wide_model(1000));
  EXPECT_EQ(query::run(d, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }", budget(4)).rows.at(0).at(0)->value,
            "1000000");
  const auto grouped =
      query::run(d, "SELECT ?b (COUNT(?f) AS ?n) (COUNT(DISTINCT ?a) AS ?subjects) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?b",
                 budget(4));
  ASSERT_EQ(grouped.rows.size(), 1u);
  EXPECT_EQ(grouped.rows[0].at(1)->value, "1000000");
  EXPECT_EQ(grouped.rows[0].at(2)->value, "1000");
  // the count's key and arguments decide: a SAMPLE needs the solutions, and runs out
  expect_out_of_memory(d, "SELECT ?b (SAMPLE(?f) AS ?n) { ?a ?b ?c . ?d ?e ?f } GROUP BY ?b", 4);
  // what a count holds is charged: the ids a COUNT(DISTINCT) has seen, and the groups
  query::Dataset wide(wide_model(50000));
  expect_out_of_memory(wide, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }", 1);
  expect_out_of_memory(wide, "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s", 1);
}

TEST(HostileQuery, AMemoryBudgetStopsGrowingStrings) {
  query::Dataset d(wide_model());
  std::string text = "SELECT ?x { BIND(\"0123456789abcdef\" AS ?x0)";
  for (int i = 1; i <= 40; ++i)
    text += " BIND(CONCAT(?x" + std::to_string(i - 1) + ", ?x" + std::to_string(i - 1) + ") AS ?x" + std::to_string(i) + ")";
  text += " BIND(?x40 AS ?x) }";
  expect_out_of_memory(d, text, 64);
  expect_out_of_memory(d, "SELECT (GROUP_CONCAT(?s) AS ?all) { ?s ?p ?o . ?t ?q ?r }", 64);
  expect_out_of_memory(d, "SELECT (REPLACE(?big, \".\", \"" + repeat("x", 2000) + "\") AS ?r) "
                          "{ BIND(\"" + repeat("y", 100000) + "\" AS ?big) }", 64);
}

TEST(HostileQuery, LimitStopsTheEvaluationEarly) {
  query::Dataset d(wide_model());
  // 2.7e10 rows in all, of which five are needed: these fit in 4 MiB
  auto r = query::run(d, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } LIMIT 5", budget(4));
  EXPECT_EQ(r.rows.size(), 5u);
  r = query::run(d, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 10 LIMIT 5", budget(4));
  EXPECT_EQ(r.rows.size(), 5u);
  EXPECT_TRUE(query::run(d, "ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", budget(4)).boolean);
  r = query::run(d, "SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f FILTER(?c >= 1 && ?f < 2) } LIMIT 3", budget(4));
  ASSERT_EQ(r.rows.size(), 3u);
  for (const auto& row : r.rows) {
    EXPECT_GE(std::stoi(row[0]->value), 1);
    EXPECT_LT(std::stoi(row[1]->value), 2);
  }
  // the caller's row cap is pushed down the same way, and still says it cut
  query::QueryOptions capped = budget(4);
  capped.limit = 2;
  r = query::run(d, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", capped);
  EXPECT_EQ(r.rows.size(), 2u);
  EXPECT_TRUE(r.truncated);
}

TEST(HostileQuery, LimitGivesTheFirstRowsOfTheWholeResult) {
  rdf::Model m = test::sparql_fixture();
  query::Dataset d(m);
  const std::vector<std::string> bodies = {
      "{ ?s ?p ?o }",
      "{ ?s ?p ?o . ?o ?q ?r }",
      "{ ?s ?p ?o FILTER(isIRI(?o)) ?o ?q ?r }",
      "{ { ?s ?p ?o } ?o ?q ?r }",
      "{ ?s ?p ?o OPTIONAL { ?o ?q ?r } }",
      "{ { ?s ?p ?o } UNION { ?o ?p ?s } }",
      "{ ?s <http://ex/dependsOn>+ ?o . ?o ?p ?x }",
  };
  for (const auto& body : bodies) {
    SCOPED_TRACE(body);
    auto all = query::run(d, "SELECT * " + body);
    for (std::size_t offset : {0u, 1u, 3u})
      for (std::size_t limit : {1u, 2u, 5u}) {
        auto some = query::run(d, "SELECT * " + body + " OFFSET " + std::to_string(offset) + " LIMIT " +
                                      std::to_string(limit));
        std::vector<std::vector<std::optional<rdf::Term>>> expected;
        for (std::size_t i = offset; i < all.rows.size() && i < offset + limit; ++i) expected.push_back(all.rows[i]);
        EXPECT_EQ(some.rows, expected) << "OFFSET " << offset << " LIMIT " << limit;
      }
  }
}

TEST(HostileQuery, CountsPastTheLargestIntegerMeanNoLimit) {
  // found by fuzz_sparql_parser: std::stoull threw out_of_range out of the parser
  rdf::Model m = test::sparql_fixture();
  const std::string huge(300, '8');
  const std::size_t all = query::run(m, "SELECT * { ?s ?p ?o }").rows.size();
  EXPECT_EQ(query::run(m, "SELECT * { ?s ?p ?o } LIMIT " + huge).rows.size(), all);
  EXPECT_EQ(query::run(m, "SELECT * { ?s ?p ?o } OFFSET " + huge).rows.size(), 0u);
  EXPECT_EQ(query::run(m, "SELECT * { ?s ?p ?o } OFFSET 2 LIMIT 18446744073709551615").rows.size(), all - 2);
}

TEST(HostileQuery, AMalformedTimezoneIsAnErrorNotAnException) {
  rdf::Model m = test::sparql_fixture();
  auto r = query::run(m, "SELECT (TZ(\"2019-01-31T10:00:00+ab:cd\"^^<http://www.w3.org/2001/XMLSchema#dateTime>) AS ?tz) "
                         "(HOURS(\"2019-01-31T10:00:00+05:30\"^^<http://www.w3.org/2001/XMLSchema#dateTime>) AS ?h) {}");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_FALSE(r.rows[0][0].has_value());
  ASSERT_TRUE(r.rows[0][1].has_value());
  EXPECT_EQ(r.rows[0][1]->value, "10");
}
