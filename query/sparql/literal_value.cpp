#include "query/sparql/internal/literal_value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

namespace policykg::query {

std::string xsd(std::string_view local) { return std::string(rdf::kXsd) + std::string(local); }

namespace {

const std::set<std::string, std::less<>>& integer_types() {
  static const std::set<std::string, std::less<>> types = {
      xsd("integer"), xsd("int"), xsd("long"), xsd("short"), xsd("byte"), xsd("nonNegativeInteger"),
      xsd("nonPositiveInteger"), xsd("positiveInteger"), xsd("negativeInteger"), xsd("unsignedLong"),
      xsd("unsignedInt"), xsd("unsignedShort"), xsd("unsignedByte")};
  return types;
}

bool valid_integer(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool valid_decimal(std::string_view s) {
  std::size_t i = 0, digits = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && !dot) dot = true;
    else if (s[i] >= '0' && s[i] <= '9') ++digits;
    else return false;
  }
  return digits > 0;
}

bool valid_double(std::string_view s) {
  if (s == "INF" || s == "-INF" || s == "+INF" || s == "NaN") return true;
  auto e = s.find_first_of("eE");
  if (e == std::string_view::npos) return valid_decimal(s);
  return valid_decimal(s.substr(0, e)) && valid_integer(s.substr(e + 1));
}

long double parse_real(std::string_view s) {
  if (s == "INF" || s == "+INF") return INFINITY;
  if (s == "-INF") return -INFINITY;
  if (s == "NaN") return NAN;
  std::string str(s);
  return std::strtold(str.c_str(), nullptr);
}

// "d.ddd" and a power of ten as an XSD 1.1 decimal: no point when whole, no trailing zeros,
// "0." before a fraction, no sign for zero.
std::string decimal_from_digits(bool negative, std::string digits, int exponent) {
  // digits holds the significant digits d1 d2 ... with the point after d1 (value d1.d2... * 10^exponent)
  auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  int point = 1 + exponent;  // digits before the point
  digits.erase(0, first);
  point -= static_cast<int>(first);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  std::string whole, fraction;
  if (point <= 0) {
    whole = "0";
    fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    whole = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    whole = digits.substr(0, static_cast<std::size_t>(point));
    fraction = digits.substr(static_cast<std::size_t>(point));
  }
  return (negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

// Shortest round-trip digits of a float or double, as XSD 1.1 writes them: "3.333E1", "1.0E0".
template <class Real>
std::string scientific_canonical(Real v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  auto e = s.find('e');
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  return mantissa + "E" + std::to_string(std::stoi(s.substr(e + 1)));
}

// A float or double between 1e-6 and 1e6 as XPath casts it to a string: decimal notation of its
// shortest round-trip digits ("1", "1.25", "0.000123").
template <class Real>
std::string plain_decimal(Real v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  auto e = s.find('e');
  std::string digits = s.substr(0, 1) + (e > 1 ? s.substr(2, e - 2) : "");
  return decimal_from_digits(negative, digits, std::stoi(s.substr(e + 1)));
}

template <class Real>
std::string real_as_string(Real v) {
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  Real magnitude = std::fabs(v);
  if (magnitude >= Real(1e-6) && magnitude < Real(1e6)) return plain_decimal(v);
  return scientific_canonical(v);
}

}  // namespace

std::string string_cast(const rdf::Term& t) {
  if (!t.is_literal() || !t.lang.empty() || t.datatype.empty()) return t.value;
  if (t.datatype == xsd("boolean")) {
    if (t.value == "1" || t.value == "true") return "true";
    if (t.value == "0" || t.value == "false") return "false";
    return t.value;
  }
  auto n = numeric_value(t);
  if (!n) return t.value;  // not a number, or not a valid one: its text as written
  switch (n->type) {
    case Numeric::Type::Integer: return std::to_string(n->integer);
    case Numeric::Type::Decimal: return canonical_decimal(std::string_view(t.value)).value_or(t.value);
    case Numeric::Type::Float: return real_as_string(static_cast<float>(n->real));
    case Numeric::Type::Double: return real_as_string(static_cast<double>(n->real));
  }
  return t.value;
}

std::string canonical_decimal(long double v) {
  if (!std::isfinite(v)) return {};
  // 18 significant digits: what long double holds of a decimal without representation noise
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17Le", v);
  std::string s(buf);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  auto e = s.find('e');
  std::string digits = s.substr(0, 1) + s.substr(2, e - 2);
  return decimal_from_digits(negative, digits, std::stoi(s.substr(e + 1)));
}

std::optional<std::string> canonical_decimal(std::string_view lexical) {
  if (!valid_decimal(lexical)) return std::nullopt;
  bool negative = lexical[0] == '-';
  if (lexical[0] == '-' || lexical[0] == '+') lexical.remove_prefix(1);
  auto dot = lexical.find('.');
  std::string whole(lexical.substr(0, dot));
  std::string fraction = dot == std::string_view::npos ? "" : std::string(lexical.substr(dot + 1));
  // the digits with the point after the first one: value = d1.d2... * 10^(whole digits - 1)
  return decimal_from_digits(negative, whole + fraction, static_cast<int>(whole.size()) - 1);
}

std::string canonical_float(float v) { return scientific_canonical(v); }
std::string canonical_double(double v) { return scientific_canonical(v); }

bool is_numeric_type(std::string_view dt) {
  return integer_types().count(dt) || dt == xsd("decimal") || dt == xsd("float") || dt == xsd("double");
}

std::optional<Numeric> numeric_value(const rdf::Term& t) {
  if (!t.is_literal() || t.datatype.empty()) return std::nullopt;
  Numeric n;
  const std::string& v = t.value;
  if (integer_types().count(t.datatype)) {
    if (!valid_integer(v)) return std::nullopt;
    n.type = Numeric::Type::Integer;
    const char* b = v.data() + (v[0] == '+' ? 1 : 0);
    auto r = std::from_chars(b, v.data() + v.size(), n.integer);
    if (r.ec != std::errc()) {
      n.type = Numeric::Type::Decimal;
      n.real = parse_real(v);
    }
    return n;
  }
  if (t.datatype == xsd("decimal")) {
    if (!valid_decimal(v)) return std::nullopt;
    n.type = Numeric::Type::Decimal;
  } else if (t.datatype == xsd("double") || t.datatype == xsd("float")) {
    if (!valid_double(v)) return std::nullopt;
    n.type = t.datatype == xsd("double") ? Numeric::Type::Double : Numeric::Type::Float;
  } else {
    return std::nullopt;
  }
  n.real = parse_real(v);
  return n;
}

rdf::Term numeric_term(const Numeric& n) {
  switch (n.type) {
    case Numeric::Type::Integer: return rdf::Term::typed(std::to_string(n.integer), xsd("integer"));
    case Numeric::Type::Decimal: return rdf::Term::typed(canonical_decimal(n.real), xsd("decimal"));
    case Numeric::Type::Float: return rdf::Term::typed(canonical_float(static_cast<float>(n.real)), xsd("float"));
    case Numeric::Type::Double: return rdf::Term::typed(canonical_double(static_cast<double>(n.real)), xsd("double"));
  }
  return {};
}

std::optional<Numeric> arithmetic(char op, const Numeric& a, const Numeric& b) {
  Numeric r;
  r.type = std::max(a.type, b.type);
  if (op == '/' && r.type == Numeric::Type::Integer) r.type = Numeric::Type::Decimal;
  if (r.type == Numeric::Type::Integer) {
    long long out = 0;
    bool overflow = false;
    switch (op) {
      case '+': overflow = __builtin_add_overflow(a.integer, b.integer, &out); break;
      case '-': overflow = __builtin_sub_overflow(a.integer, b.integer, &out); break;
      case '*': overflow = __builtin_mul_overflow(a.integer, b.integer, &out); break;
      default: break;
    }
    if (!overflow) {
      r.integer = out;
      return r;
    }
    r.type = Numeric::Type::Decimal;
  }
  long double x = a.value(), y = b.value();
  switch (op) {
    case '+': r.real = x + y; break;
    case '-': r.real = x - y; break;
    case '*': r.real = x * y; break;
    case '/':
      if (y == 0 && r.type == Numeric::Type::Decimal) return std::nullopt;
      r.real = x / y;
      break;
    default: return std::nullopt;
  }
  return r;
}

bool is_simple_or_string(const rdf::Term& t) {
  return t.is_literal() && t.lang.empty() && (t.datatype.empty() || t.datatype == xsd("string"));
}

rdf::Term boolean_term(bool b) { return rdf::Term::typed(b ? "true" : "false", xsd("boolean")); }

std::optional<bool> effective_boolean(const rdf::Term& t) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype == xsd("boolean")) {
    if (t.value == "true" || t.value == "1") return true;
    return false;
  }
  if (is_simple_or_string(t)) return !t.value.empty();
  if (!t.lang.empty()) return std::nullopt;
  if (is_numeric_type(t.datatype)) {
    auto n = numeric_value(t);
    if (!n) return false;
    long double v = n->value();
    return !(v == 0 || std::isnan(v));
  }
  return std::nullopt;
}

std::optional<DateTime> parse_date_time(const rdf::Term& t) {
  if (!t.is_literal() || (t.datatype != xsd("dateTime") && t.datatype != xsd("date"))) return std::nullopt;
  const std::string& s = t.value;
  DateTime d;
  int n = 0;
  long long y = 0;
  int mo = 0, da = 0;
  if (std::sscanf(s.c_str(), "%lld-%d-%d%n", &y, &mo, &da, &n) < 3) return std::nullopt;
  d.year = y;
  d.month = mo;
  d.day = da;
  std::size_t pos = static_cast<std::size_t>(n);
  if (t.datatype == xsd("dateTime")) {
    int h = 0, mi = 0, m = 0;
    double sec = 0;
    if (pos >= s.size() || s[pos] != 'T') return std::nullopt;
    if (std::sscanf(s.c_str() + pos + 1, "%d:%d:%lf%n", &h, &mi, &sec, &m) < 3) return std::nullopt;
    d.hour = h;
    d.minute = mi;
    d.second = sec;
    pos += 1 + static_cast<std::size_t>(m);
  }
  std::string tz = s.substr(pos);
  d.tz_text = tz;
  if (tz == "Z") {
    d.tz_minutes = 0;
  } else if (tz.size() == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':' &&
             std::all_of(tz.begin() + 1, tz.end(), [](char c) { return c == ':' || (c >= '0' && c <= '9'); })) {
    int th = std::stoi(tz.substr(1, 2)), tm = std::stoi(tz.substr(4, 2));
    d.tz_minutes = (tz[0] == '-' ? -1 : 1) * (th * 60 + tm);
  } else if (!tz.empty()) {
    return std::nullopt;
  }
  return d;
}

namespace {

long double seconds_since_epoch(const DateTime& d) {
  // days from civil (Howard Hinnant), then seconds; timezone applied
  long long y = d.year - (d.month <= 2 ? 1 : 0);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long mp = (d.month + 9) % 12;
  long long doy = (153 * mp + 2) / 5 + d.day - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long long days = era * 146097 + doe - 719468;
  long double secs = static_cast<long double>(days) * 86400 + d.hour * 3600 + d.minute * 60 + d.second;
  if (d.tz_minutes) secs -= static_cast<long double>(*d.tz_minutes) * 60;
  return secs;
}

int sign(long double x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

}  // namespace

std::optional<int> compare_values(const rdf::Term& a, const rdf::Term& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  auto na = numeric_value(a), nb = numeric_value(b);
  if (na && nb) {
    if (na->type == Numeric::Type::Integer && nb->type == Numeric::Type::Integer)
      return na->integer < nb->integer ? -1 : (na->integer > nb->integer ? 1 : 0);
    long double x = na->value(), y = nb->value();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return sign(x - y);
  }
  if (is_simple_or_string(a) && is_simple_or_string(b)) {
    int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (a.datatype == xsd("boolean") && b.datatype == xsd("boolean")) {
    auto ea = effective_boolean(a), eb = effective_boolean(b);
    return static_cast<int>(*ea) - static_cast<int>(*eb);
  }
  auto da = parse_date_time(a), db = parse_date_time(b);
  if (da && db && a.datatype == b.datatype) {
    if (da->tz_minutes.has_value() != db->tz_minutes.has_value()) {
      // indeterminate unless 14 hours apart
      long double x = seconds_since_epoch(*da), y = seconds_since_epoch(*db);
      if (std::fabs(static_cast<double>(x - y)) > 14 * 3600) return sign(x - y);
      return std::nullopt;
    }
    return sign(seconds_since_epoch(*da) - seconds_since_epoch(*db));
  }
  if (!a.lang.empty() && !b.lang.empty() && a.lang == b.lang) {
    int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

std::optional<bool> terms_equal(const rdf::Term& a, const rdf::Term& b) {
  if (a == b) {
    if (a.is_literal() && is_numeric_type(a.datatype) && !numeric_value(a)) return true;
    if (auto n = numeric_value(a); n && std::isnan(n->value())) return false;
    return true;
  }
  if (!a.is_literal() || !b.is_literal()) return false;
  auto na = numeric_value(a), nb = numeric_value(b);
  if (na && nb) {
    auto c = compare_values(a, b);
    if (!c) return false;
    return *c == 0;
  }
  if (is_simple_or_string(a) && is_simple_or_string(b)) return a.value == b.value;
  if (a.datatype == xsd("boolean") && b.datatype == xsd("boolean")) {
    auto c = compare_values(a, b);
    return c && *c == 0;
  }
  auto da = parse_date_time(a), db = parse_date_time(b);
  if (da && db) {
    auto c = compare_values(a, b);
    if (!c) return std::nullopt;
    return *c == 0;
  }
  if (!a.lang.empty() || !b.lang.empty()) return false;
  // literals of different or unknown datatypes: equal only as identical terms
  bool a_known = a.datatype.empty() || is_numeric_type(a.datatype) || a.datatype == xsd("string") ||
                 a.datatype == xsd("boolean") || a.datatype == xsd("dateTime");
  bool b_known = b.datatype.empty() || is_numeric_type(b.datatype) || b.datatype == xsd("string") ||
                 b.datatype == xsd("boolean") || b.datatype == xsd("dateTime");
  if (a_known && b_known) return false;
  return std::nullopt;
}

int order_compare(const rdf::Term* a, const rdf::Term* b) {
  auto rank = [](const rdf::Term* t) { return !t ? 0 : t->is_blank() ? 1 : t->is_iri() ? 2 : 3; };
  int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (ra == 3) {
    if (auto c = compare_values(*a, *b); c && *c != 0) return *c;
    // simple literals before typed ones, then by lexical form and datatype
    bool sa = is_simple_or_string(*a) && a->datatype.empty(), sb = is_simple_or_string(*b) && b->datatype.empty();
    if (sa != sb) return sa ? -1 : 1;
  }
  int c = a->value.compare(b->value);
  if (c != 0) return c < 0 ? -1 : 1;
  c = a->datatype.compare(b->datatype);
  if (c != 0) return c < 0 ? -1 : 1;
  c = a->lang.compare(b->lang);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace policykg::query
