// The values behind RDF literals as SPARQL operators see them: numbers with type promotion,
// booleans, strings, date-times; effective boolean value, equality, comparison and the ORDER BY
// order. Internal to query/sparql/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.hpp"

namespace policykg::query {

/// A number with its type rank: integer < decimal < float < double.
struct Numeric {
  enum class Type { Integer, Decimal, Float, Double };
  Type type = Type::Integer;
  long long integer = 0;   ///< for Integer
  long double real = 0;    ///< for the others
  long double value() const { return type == Type::Integer ? static_cast<long double>(integer) : real; }
};

std::string xsd(std::string_view local);
bool is_numeric_type(std::string_view datatype);
/// The number a literal holds; nullopt when it is not numeric or its lexical form is invalid.
std::optional<Numeric> numeric_value(const rdf::Term& t);
/// The literal of a number, in its XSD 1.1 canonical lexical form (the functions below).
rdf::Term numeric_term(const Numeric& n);

/// XSD 1.1 canonical decimals: no point when whole ("-1", "0"), else no trailing zeros ("2.5",
/// "0.25"), never a '+' or "-0". From a value, rounded to 18 significant digits (what a long
/// double holds without representation noise); "" for infinity or NaN, which no decimal is.
std::string canonical_decimal(long double v);
/// The same from a decimal lexical form, digit for digit ("+33.3300" -> "33.33", "01" -> "1");
/// nullopt when it is not one.
std::optional<std::string> canonical_decimal(std::string_view lexical);
/// XSD 1.1 canonical floats and doubles: the shortest digits that read back as the same float
/// (double), one digit before the point and at least one after, then the exponent: "3.333E1",
/// "1.0E0", "0.0E0", "-1.02E4"; "INF", "-INF", "NaN".
std::string canonical_float(float v);
std::string canonical_double(double v);
/// The text xsd:string(t) gives, as XPath casts to xs:string: a number or boolean in its
/// canonical form ("+01"^^xsd:integer -> "1", "1.0"^^xsd:decimal -> "1", "0"^^xsd:boolean ->
/// "false"), a float or double in decimal notation from 1e-6 to 1e6 ("1E0" -> "1", "1.25") and in
/// canonical form outside it ("1.0E6", "0", "-0", "INF", "NaN"); any other literal its lexical
/// form (an invalid number too), an IRI the IRI.
std::string string_cast(const rdf::Term& t);
/// + - * / with promotion; nullopt on error (division of integers/decimals by zero).
std::optional<Numeric> arithmetic(char op, const Numeric& a, const Numeric& b);

bool is_simple_or_string(const rdf::Term& t);  ///< plain literal without language tag
rdf::Term boolean_term(bool b);
/// Effective boolean value; nullopt is a type error.
std::optional<bool> effective_boolean(const rdf::Term& t);

/// `=` on RDF terms: value equality for known types, term equality otherwise; nullopt when the
/// terms are literals of types that cannot be compared (a type error).
std::optional<bool> terms_equal(const rdf::Term& a, const rdf::Term& b);
/// <0, 0, >0 for `<`-comparable values; nullopt when the operator is a type error.
std::optional<int> compare_values(const rdf::Term& a, const rdf::Term& b);
/// Total order used by ORDER BY (blank < IRI < literal; values where comparable).
int order_compare(const rdf::Term* a, const rdf::Term* b);

/// Parsed xsd:dateTime / xsd:date parts.
struct DateTime {
  long long year = 0;
  int month = 0, day = 0, hour = 0, minute = 0;
  long double second = 0;
  std::optional<int> tz_minutes;  ///< offset from UTC
  std::string tz_text;            ///< "Z", "-05:00", "" as written
};
std::optional<DateTime> parse_date_time(const rdf::Term& t);

}  // namespace policykg::query
