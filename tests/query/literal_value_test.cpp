// Numbers written in their XSD 1.1 canonical forms (query/sparql/internal/literal_value.hpp), as SPARQL results
// carry them: casts, arithmetic, CEIL and friends, SECONDS.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "query/sparql/internal/literal_value.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/model.hpp"

using namespace policykg;
using query::canonical_decimal;
using query::canonical_double;
using query::canonical_float;

TEST(CanonicalDecimal, WholeNumbersHaveNoPoint) {
  EXPECT_EQ(canonical_decimal(-1.0L), "-1");
  EXPECT_EQ(canonical_decimal(0.0L), "0");
  EXPECT_EQ(canonical_decimal(-0.0L), "0");
  EXPECT_EQ(canonical_decimal(100.0L), "100");
  EXPECT_EQ(canonical_decimal(1e20L), "100000000000000000000");
}

TEST(CanonicalDecimal, FractionsLoseTrailingZerosAndNoise) {
  EXPECT_EQ(canonical_decimal(2.5L), "2.5");
  EXPECT_EQ(canonical_decimal(-0.25L), "-0.25");
  EXPECT_EQ(canonical_decimal(0.1L + 0.2L), "0.3");
  EXPECT_EQ(canonical_decimal(1.0L / 3), "0.333333333333333333");
  EXPECT_EQ(canonical_decimal(1e-20L), "0.00000000000000000001");
}

TEST(CanonicalDecimal, NoDecimalIsInfiniteOrNaN) {
  EXPECT_EQ(canonical_decimal(std::numeric_limits<long double>::infinity()), "");
  EXPECT_EQ(canonical_decimal(std::numeric_limits<long double>::quiet_NaN()), "");
}

TEST(CanonicalDecimal, FromALexicalFormDigitForDigit) {
  EXPECT_EQ(canonical_decimal(std::string_view("+33.3300")), "33.33");
  EXPECT_EQ(canonical_decimal(std::string_view("01")), "1");
  EXPECT_EQ(canonical_decimal(std::string_view("-0.0")), "0");
  EXPECT_EQ(canonical_decimal(std::string_view(".5")), "0.5");
  EXPECT_EQ(canonical_decimal(std::string_view("1.")), "1");
  EXPECT_EQ(canonical_decimal(std::string_view("0001.500")), "1.5");
  EXPECT_EQ(canonical_decimal(std::string_view("100")), "100");
  EXPECT_EQ(canonical_decimal(std::string_view("0.1234567890123456789012345")), "0.1234567890123456789012345");
}

TEST(CanonicalDecimal, RefusesWhatIsNoDecimal) {
  EXPECT_FALSE(canonical_decimal(std::string_view("")));
  EXPECT_FALSE(canonical_decimal(std::string_view("-")));
  EXPECT_FALSE(canonical_decimal(std::string_view(".")));
  EXPECT_FALSE(canonical_decimal(std::string_view("1E2")));
  EXPECT_FALSE(canonical_decimal(std::string_view("1.2.3")));
  EXPECT_FALSE(canonical_decimal(std::string_view(" 1")));
  EXPECT_FALSE(canonical_decimal(std::string_view("INF")));
}

TEST(CanonicalFloat, ShortestDigitsThatReadBackAsTheFloat) {
  EXPECT_EQ(canonical_float(33.33f), "3.333E1");
  EXPECT_EQ(canonical_float(1.0f), "1.0E0");
  EXPECT_EQ(canonical_float(0.0f), "0.0E0");
  EXPECT_EQ(canonical_float(-0.0f), "-0.0E0");
  EXPECT_EQ(canonical_float(-10200.0f), "-1.02E4");
  EXPECT_EQ(canonical_float(0.1f), "1.0E-1");
  EXPECT_EQ(canonical_float(std::numeric_limits<float>::infinity()), "INF");
  EXPECT_EQ(canonical_float(-std::numeric_limits<float>::infinity()), "-INF");
  EXPECT_EQ(canonical_float(std::numeric_limits<float>::quiet_NaN()), "NaN");
  // not the double nearest the float, which would print 3.333000183105469E1
  EXPECT_NE(canonical_float(33.33f), canonical_double(static_cast<double>(33.33f)));
}

TEST(CanonicalDouble, ShortestDigitsThatReadBackAsTheDouble) {
  EXPECT_EQ(canonical_double(100.0), "1.0E2");
  EXPECT_EQ(canonical_double(33.33), "3.333E1");
  EXPECT_EQ(canonical_double(0.1 + 0.2), "3.0000000000000004E-1");
  EXPECT_EQ(canonical_double(1e-300), "1.0E-300");
  EXPECT_EQ(canonical_double(-0.0), "-0.0E0");
  EXPECT_EQ(canonical_double(std::nan("")), "NaN");
}

TEST(StringCast, NumbersAndBooleansInTheirCanonicalForms) {
  using query::string_cast;
  using rdf::Term;
  EXPECT_EQ(string_cast(Term::xsd("+01", "integer")), "1");
  EXPECT_EQ(string_cast(Term::xsd("-0", "int")), "0");
  EXPECT_EQ(string_cast(Term::xsd("1.0", "decimal")), "1");
  EXPECT_EQ(string_cast(Term::xsd("-002.500", "decimal")), "-2.5");
  EXPECT_EQ(string_cast(Term::xsd("1E0", "float")), "1");
  EXPECT_EQ(string_cast(Term::xsd("1.25", "float")), "1.25");
  EXPECT_EQ(string_cast(Term::xsd("33.33", "float")), "33.33");
  EXPECT_EQ(string_cast(Term::xsd("-10.2E3", "double")), "-10200");
  EXPECT_EQ(string_cast(Term::xsd("1.5E-5", "double")), "0.000015");
  EXPECT_EQ(string_cast(Term::xsd("1E6", "double")), "1.0E6");
  EXPECT_EQ(string_cast(Term::xsd("1.5E-7", "double")), "1.5E-7");
  EXPECT_EQ(string_cast(Term::xsd("0E1", "double")), "0");
  EXPECT_EQ(string_cast(Term::xsd("-0.0E0", "double")), "-0");
  EXPECT_EQ(string_cast(Term::xsd("INF", "double")), "INF");
  EXPECT_EQ(string_cast(Term::xsd("NaN", "float")), "NaN");
  EXPECT_EQ(string_cast(Term::xsd("0", "boolean")), "false");
  EXPECT_EQ(string_cast(Term::xsd("1", "boolean")), "true");
}

TEST(StringCast, EverythingElseAsWritten) {
  using query::string_cast;
  using rdf::Term;
  EXPECT_EQ(string_cast(Term::iri("http://example.org/z")), "http://example.org/z");
  EXPECT_EQ(string_cast(Term::literal("+33.3300")), "+33.3300");
  EXPECT_EQ(string_cast(Term::lang_literal("01", "en")), "01");
  EXPECT_EQ(string_cast(Term::xsd("2002-10-10T17:00:00Z", "dateTime")), "2002-10-10T17:00:00Z");
  // invalid lexical forms are no numbers: their text stays
  EXPECT_EQ(string_cast(Term::xsd("one", "integer")), "one");
  EXPECT_EQ(string_cast(Term::xsd("1.0.0", "decimal")), "1.0.0");
  EXPECT_EQ(string_cast(Term::xsd("yes", "boolean")), "yes");
}

namespace {

// The one value ?x of a query on an empty graph, as N-Triples.
std::string value_of(const std::string& expression) {
  rdf::Model empty;
  auto r = query::run(empty, "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?x WHERE { BIND(" + expression + " AS ?x) }");
  if (r.rows.size() != 1 || !r.rows[0][0]) return "unbound";
  return r.rows[0][0]->to_ntriples();
}

const std::string kXsd = "^^<http://www.w3.org/2001/XMLSchema#";

}  // namespace

TEST(CanonicalForms, OfQueryResults) {
  EXPECT_EQ(value_of("CEIL(-1.6)"), "\"-1\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("FLOOR(2.5)"), "\"2\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("ROUND(2.5)"), "\"3\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("4 / 2"), "\"2\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("1 / 4"), "\"0.25\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("SECONDS(\"2010-06-21T11:28:01Z\"^^xsd:dateTime)"), "\"1\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("SECONDS(\"2010-06-21T11:28:01.50Z\"^^xsd:dateTime)"), "\"1.5\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("SECONDS(\"2010-06-21T11:28:00Z\"^^xsd:dateTime)"), "\"0\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("xsd:float(\"+33.3300\")"), "\"3.333E1\"" + kXsd + "float>");
  EXPECT_EQ(value_of("xsd:double(\"+33.3300\")"), "\"3.333E1\"" + kXsd + "double>");
  EXPECT_EQ(value_of("xsd:decimal(\"+33.3300\")"), "\"33.33\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("xsd:decimal(1)"), "\"1\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("xsd:decimal(1.25e0)"), "\"1.25\"" + kXsd + "decimal>");
  EXPECT_EQ(value_of("xsd:integer(\"+01\")"), "\"1\"" + kXsd + "integer>");
  EXPECT_EQ(value_of("xsd:float(1) + xsd:float(\"0.1\")"), "\"1.1E0\"" + kXsd + "float>");
  EXPECT_EQ(value_of("1.0e0 * 100"), "\"1.0E2\"" + kXsd + "double>");
  EXPECT_EQ(value_of("xsd:string(1.0)"), "\"1\"");
  EXPECT_EQ(value_of("xsd:string(\"0\"^^xsd:boolean)"), "\"false\"");
}

TEST(CanonicalForms, CastsOfWhatIsNoNumberAreUnbound) {
  EXPECT_EQ(value_of("xsd:decimal(\"1E2\")"), "unbound");
  EXPECT_EQ(value_of("xsd:float(\"one\")"), "unbound");
  EXPECT_EQ(value_of("xsd:integer(\"1.5\")"), "unbound");
  EXPECT_EQ(value_of("xsd:decimal(\"INF\"^^xsd:double)"), "unbound");
  EXPECT_EQ(value_of("SECONDS(\"not a date\")"), "unbound");
}
