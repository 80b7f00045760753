// Parse, print, parse again: the printed text reads back, and printing it again gives the same
// text, for every query of the W3C suite, the examples and the parser's fuzz seeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "query/sparql/sparql_printer.hpp"

namespace fs = std::filesystem;
using policykg::query::parse_sparql;
using policykg::query::to_sparql;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The printed form of `text`, after checking that it reads back to a query printed the same.
std::string round_trip(const std::string& text, const std::string& base) {
  const std::string printed = to_sparql(parse_sparql(text, base));
  std::string again;
  try {
    again = to_sparql(parse_sparql(printed, base));
  } catch (const policykg::Error& e) {
    ADD_FAILURE() << "the printed query does not read back: " << e.what() << "\n" << printed;
    return printed;
  }
  EXPECT_EQ(again, printed) << "from:\n" << text;
  return printed;
}

// Every query of `files` that parses; how many did.
std::size_t round_trip_all(const std::vector<fs::path>& files) {
  std::size_t parsed = 0;
  for (const auto& f : files) {
    const std::string text = read(f);
    const std::string base = "file://" + f.string();
    try {
      (void)parse_sparql(text, base);
    } catch (const policykg::Error&) {
      continue;  // a negative syntax test, or a feature the engine refuses
    }
    SCOPED_TRACE(f.string());
    round_trip(text, base);
    ++parsed;
  }
  return parsed;
}

std::vector<fs::path> files_under(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && (ext.empty() || e.path().extension() == ext)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(SparqlPrinter, PrintsFullIrisTypedLiteralsAndOnlyTheBracketsPrecedenceNeeds) {
  const std::string printed = round_trip(
      "PREFIX pol: <https://w3id.org/policykg/ontology#> "
      "SELECT ?m (COUNT(DISTINCT ?p) AS ?n) WHERE { ?m a pol:Measure ; pol:responsibleParty ?p "
      "FILTER(?x + 1 * 2 > 3 || !BOUND(?y) && (?a - (?b - ?c)) = 0) } GROUP BY ?m ORDER BY DESC(?n) LIMIT 5",
      "");
  EXPECT_NE(printed.find("<https://w3id.org/policykg/ontology#Measure>"), std::string::npos) << printed;
  EXPECT_NE(printed.find("?x + \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> * "), std::string::npos) << printed;
  EXPECT_NE(printed.find("?a - (?b - ?c)"), std::string::npos) << printed;
  EXPECT_NE(printed.find("COUNT(DISTINCT ?p)"), std::string::npos) << printed;
  EXPECT_NE(printed.find("GROUP BY ?m ORDER BY DESC(?n) LIMIT 5"), std::string::npos) << printed;
}

TEST(SparqlPrinter, AGroupKeyThatRenamesAVariableKeepsItsName) {
  // Found by the parser's fuzz target: GROUP BY ((?a) AS ?k) printed as GROUP BY ?a, and ?k,
  // projected, was no longer a group key.
  EXPECT_NE(round_trip("SELECT ?k (COUNT(?b) AS ?c) { ?a ?p ?b } GROUP BY ((?a) AS ?k) ORDER BY ?k", "")
                .find("GROUP BY (?a AS ?k)"),
            std::string::npos);
  EXPECT_NE(round_trip("SELECT (COUNT(?b) AS ?c) { ?a ?p ?b } GROUP BY (?a) ?p", "").find("GROUP BY ?a ?p"),
            std::string::npos);
}

TEST(SparqlPrinter, PathsValuesSubqueriesAndBlankNodesReadBack) {
  round_trip("SELECT * { ?s (^<http://a>/<http://b>)+|!(<http://c>|^<http://d>) ?o ; <http://e> [ <http://f> (1 2) ] "
             "OPTIONAL { ?s <http://g> ?g } MINUS { ?s <http://h> ?h } GRAPH ?gr { ?s ?p ?o } "
             "{ SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 } UNION { BIND(\"a\\\"b\"@en AS ?l) } "
             "VALUES (?s ?o) { (<http://x> UNDEF) } FILTER NOT EXISTS { ?s <http://i> ?i } }",
             "");
  round_trip("CONSTRUCT { _:b <http://p> ?o } WHERE { ?s <http://p> ?o }", "");
  // A written label that a [] would print as keeps the two apart.
  const std::string printed = round_trip("SELECT * { _:anon0_ <http://p> [ <http://q> ?o ] }", "");
  EXPECT_NE(printed.find("_:anon0_ <http://p> _:anon0__"), std::string::npos) << printed;
  round_trip("ASK { ?s ?p ?o FILTER(?o IN (1, 2) && ?o NOT IN (3)) }", "");
  // Found by the fuzz target: the short form's empty pattern.
  EXPECT_EQ(round_trip("CONSTRUCT WHERE { }", ""), "CONSTRUCT { } WHERE { }");
  round_trip("DESCRIBE <http://a> ?s WHERE { ?s ?p ?o }", "");
}

TEST(SparqlPrinter, ALongChainPrintsFlatAndReadsBack) {
  // As long as the parser's nesting limit lets it be (each link counts).
  std::string q = "SELECT (?a";
  for (int i = 0; i < 200; ++i) q += " + ?a";
  q += " AS ?x) {}";
  round_trip(q, "");
}

TEST(SparqlPrinter, EveryExampleAndFuzzSeedReadsBack) {
  const fs::path root = POLICYKG_SOURCE_DIR;
  auto files = files_under(root / "examples" / "queries", ".rq");
  const auto seeds = files_under(root / "fuzz" / "corpus" / "sparql_parser", "");
  files.insert(files.end(), seeds.begin(), seeds.end());
  EXPECT_GT(round_trip_all(files), 100u);
}

TEST(SparqlPrinter, EveryW3cQueryReadsBack) {
  const fs::path suite = fs::path(POLICYKG_SOURCE_DIR) / ".." / "shared" / "w3c-sparql11";
  if (!fs::exists(suite)) GTEST_SKIP() << "../shared/w3c-sparql11 not found";
  EXPECT_GT(round_trip_all(files_under(suite, ".rq")), 200u);
}
