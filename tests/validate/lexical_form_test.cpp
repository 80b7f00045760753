// validate/lexical_form: the lexical spaces sh:datatype checks.
#include <gtest/gtest.h>

#include "validate/lexical_form.hpp"

namespace policykg {
namespace {

std::string xsd(const char* local) { return std::string("http://www.w3.org/2001/XMLSchema#") + local; }

TEST(LexicalForm, Integers) {
  EXPECT_TRUE(validate::is_valid_lexical_form("42", xsd("integer")));
  EXPECT_TRUE(validate::is_valid_lexical_form("-7", xsd("integer")));
  EXPECT_TRUE(validate::is_valid_lexical_form("+7", xsd("integer")));
  EXPECT_FALSE(validate::is_valid_lexical_form("4.2", xsd("integer")));
  EXPECT_FALSE(validate::is_valid_lexical_form("", xsd("integer")));
  EXPECT_FALSE(validate::is_valid_lexical_form("-1", xsd("nonNegativeInteger")));
  EXPECT_FALSE(validate::is_valid_lexical_form("0", xsd("positiveInteger")));
  EXPECT_TRUE(validate::is_valid_lexical_form("3", xsd("positiveInteger")));
}

TEST(LexicalForm, Dates) {
  EXPECT_TRUE(validate::is_valid_lexical_form("2019-01-31", xsd("date")));
  EXPECT_TRUE(validate::is_valid_lexical_form("2020-02-29", xsd("date")));
  EXPECT_TRUE(validate::is_valid_lexical_form("2019-01-31+08:00", xsd("date")));
  EXPECT_FALSE(validate::is_valid_lexical_form("2019-02-29", xsd("date")));
  EXPECT_FALSE(validate::is_valid_lexical_form("2019-13-01", xsd("date")));
  EXPECT_FALSE(validate::is_valid_lexical_form("31 January 2019", xsd("date")));
  EXPECT_TRUE(validate::is_valid_lexical_form("2020-12-23T15:58:00", xsd("dateTime")));
  EXPECT_FALSE(validate::is_valid_lexical_form("2020-12-23", xsd("dateTime")));
}

TEST(LexicalForm, Durations) {
  for (auto ok : {"P3Y", "P1Y2M", "PT36H", "P1DT2H30M", "-P10D", "PT0.5S"})
    EXPECT_TRUE(validate::is_valid_lexical_form(ok, xsd("duration"))) << ok;
  for (auto bad : {"P", "PT", "3Y", "P3", "P1YT", "a period of three years"})
    EXPECT_FALSE(validate::is_valid_lexical_form(bad, xsd("duration"))) << bad;
}

TEST(LexicalForm, OtherTypes) {
  EXPECT_TRUE(validate::is_valid_lexical_form("true", xsd("boolean")));
  EXPECT_FALSE(validate::is_valid_lexical_form("yes", xsd("boolean")));
  EXPECT_TRUE(validate::is_valid_lexical_form("1.5", xsd("decimal")));
  EXPECT_TRUE(validate::is_valid_lexical_form("anything", xsd("string")));
  EXPECT_TRUE(validate::is_valid_lexical_form("anything", "http://example.org/unknown"));
}

}  // namespace
}  // namespace policykg
