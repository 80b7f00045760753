#include "validate/lexical_form.hpp"

#include <map>
#include <regex>
#include <string>

#include "ontology/terms.hpp"

namespace policykg::validate {

namespace {

bool valid_date_parts(const std::smatch& m) {
  int year = std::stoi(m[1].str());
  int month = std::stoi(m[2].str());
  int day = std::stoi(m[3].str());
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

}  // namespace

bool is_valid_lexical_form(std::string_view lexical, std::string_view datatype) {
  if (!datatype.starts_with(ns::kXsd)) return true;
  std::string local(datatype.substr(ns::kXsd.size()));
  std::string lex(lexical);
  static const std::regex integer(R"(^[+-]?[0-9]+$)");
  static const std::regex decimal(R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$)");
  static const std::regex floating(R"(^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$)");
  static const std::regex boolean(R"(^(true|false|1|0)$)");
  static const std::regex date(R"(^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$)");
  static const std::regex date_time(
      R"(^-?([0-9]{4,})-([0-9]{2})-([0-9]{2})T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$)");
  static const std::regex duration(
      R"(^-?P(?=[0-9]|T[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$)");

  if (local == "integer" || local == "long" || local == "int" || local == "short" || local == "byte")
    return std::regex_match(lex, integer);
  if (local == "nonNegativeInteger" || local == "unsignedLong" || local == "unsignedInt")
    return std::regex_match(lex, integer) &&
           (lex.front() != '-' || lex.find_first_not_of("-0") == std::string::npos);
  if (local == "positiveInteger")
    return std::regex_match(lex, integer) && lex.front() != '-' && lex.find_first_not_of("+0") != std::string::npos;
  if (local == "decimal") return std::regex_match(lex, decimal);
  if (local == "double" || local == "float") return std::regex_match(lex, floating);
  if (local == "boolean") return std::regex_match(lex, boolean);
  if (local == "date" || local == "dateTime") {
    std::smatch m;
    return std::regex_match(lex, m, local == "date" ? date : date_time) && valid_date_parts(m);
  }
  if (local == "duration") return std::regex_match(lex, duration);
  return true;
}

}  // namespace policykg::validate
