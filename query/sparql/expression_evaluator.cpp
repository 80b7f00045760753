// Expressions, operators, the builtin functions of SPARQL 1.1 section 17, XSD casts and the
// aggregates. An expression error is an empty Value, as the recommendation's error propagation
// needs (|| and && recover from one side's error). Over 600 lines because Evaluator::call is one
// switch over every builtin of query/sparql/functions.hpp, which the compiler checks is complete,
// and the operators, casts and aggregates share its value helpers.
#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include <boost/regex.hpp>

#include "core/iri.hpp"
#include "core/utf8.hpp"
#include "query/sparql/internal/evaluator.hpp"
#include "query/sparql/internal/literal_value.hpp"

namespace policykg::query {

using algebra::Expr;

namespace {

bool is_string_literal(const Value& v) { return v && v->is_literal() && (is_simple_or_string(*v) || !v->lang.empty()); }

/// A literal like `like` (same language tag) with another lexical form.
rdf::Term same_kind(const rdf::Term& like, std::string lex) {
  rdf::Term t = like;
  t.value = std::move(lex);
  return t;
}

/// Argument compatibility of CONTAINS, STRSTARTS, ...: both strings; arg2 simple or same lang.
bool compatible_args(const rdf::Term& a, const rdf::Term& b) {
  return b.lang.empty() || a.lang == b.lang;
}

std::wstring widen(std::string_view s) {
  std::wstring out;
  for (char32_t c : utf8_decode(s)) out.push_back(static_cast<wchar_t>(c));
  return out;
}

std::string narrow(const std::wstring& s) {
  std::string out;
  for (wchar_t c : s) utf8_append(out, static_cast<char32_t>(c));
  return out;
}

// Regular expressions run on code points (wchar_t is 32 bits here), as XPath's do.
std::optional<boost::wregex> compile(const std::string& pattern, const std::string& flags) {
  auto f = boost::regex_constants::perl | boost::regex_constants::no_mod_m;
  std::wstring p = widen(pattern);
  for (char c : flags) {
    if (c == 'i') f |= boost::regex_constants::icase;
    else if (c == 's') f |= boost::regex_constants::mod_s;
    else if (c == 'm') f &= ~boost::regex_constants::no_mod_m;
    else if (c == 'x') f |= boost::regex_constants::mod_x;
    else if (c == 'q') f |= boost::regex_constants::literal;
    else return std::nullopt;
  }
  if (flags.find('s') == std::string::npos) f |= boost::regex_constants::no_mod_s;
  try {
    return boost::wregex(p, f);
  } catch (const boost::regex_error&) {
    return std::nullopt;
  }
}

std::string hex_digest(const EVP_MD* md, const std::string& data) {
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), buf, &len, md, nullptr);
  std::string out;
  char h[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(h, sizeof h, "%02x", buf[i]);
    out += h;
  }
  return out;
}

std::string upper(std::string s, bool up) {
  for (char& c : s) c = static_cast<char>(up ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Value integer_value(long long v) { return rdf::Term::integer(v); }

}  // namespace

Value Evaluator::eval_expr(const Expr& e, const Row& row, const std::vector<Value>* aggregates) {
  switch (e.kind) {
    case Expr::Kind::Var: {
      TermId id = row[static_cast<std::size_t>(e.var)];
      if (!id) return std::nullopt;
      return term(id);
    }
    case Expr::Kind::Const:
      return e.constant;
    case Expr::Kind::Or:
    case Expr::Kind::And: {
      // left to right: the first operand equal to `decisive` decides; else an error, if any
      const bool decisive = e.kind == Expr::Kind::Or;
      bool error = false;
      for (const auto& arg : e.args) {
        Value v = eval_expr(*arg, row, aggregates);
        auto b = v ? effective_boolean(*v) : std::nullopt;
        if (!b) error = true;
        else if (*b == decisive) return boolean_term(decisive);
      }
      if (error) return std::nullopt;
      return boolean_term(!decisive);
    }
    case Expr::Kind::Not: {
      Value a = eval_expr(*e.args[0], row, aggregates);
      auto ea = a ? effective_boolean(*a) : std::nullopt;
      if (!ea) return std::nullopt;
      return boolean_term(!*ea);
    }
    case Expr::Kind::Compare: {
      Value a = eval_expr(*e.args[0], row, aggregates);
      if (!a) return std::nullopt;
      Value b = eval_expr(*e.args[1], row, aggregates);
      if (!b) return std::nullopt;
      if (e.name == "=" || e.name == "!=") {
        auto eq = terms_equal(*a, *b);
        if (!eq) return std::nullopt;
        return boolean_term(e.name == "=" ? *eq : !*eq);
      }
      auto c = compare_values(*a, *b);
      if (!c) return std::nullopt;
      if (e.name == "<") return boolean_term(*c < 0);
      if (e.name == ">") return boolean_term(*c > 0);
      if (e.name == "<=") return boolean_term(*c <= 0);
      return boolean_term(*c >= 0);
    }
    case Expr::Kind::Arith: {
      Value a = eval_expr(*e.args[0], row, aggregates);
      Value b = eval_expr(*e.args[1], row, aggregates);
      if (!a || !b) return std::nullopt;
      auto na = numeric_value(*a), nb = numeric_value(*b);
      if (!na || !nb) return std::nullopt;
      auto r = arithmetic(e.name[0], *na, *nb);
      if (!r) return std::nullopt;
      return numeric_term(*r);
    }
    case Expr::Kind::Negate:
    case Expr::Kind::Plus: {
      Value a = eval_expr(*e.args[0], row, aggregates);
      if (!a) return std::nullopt;
      auto n = numeric_value(*a);
      if (!n) return std::nullopt;
      if (e.kind == Expr::Kind::Negate) {
        n->integer = -n->integer;
        n->real = -n->real;
      }
      return numeric_term(*n);
    }
    case Expr::Kind::In:
    case Expr::Kind::NotIn: {
      Value a = eval_expr(*e.args[0], row, aggregates);
      if (!a) return std::nullopt;
      bool error = false;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        deadline_.check();
        Value b = eval_expr(*e.args[i], row, aggregates);
        auto eq = b ? terms_equal(*a, *b) : std::nullopt;
        if (eq && *eq) return boolean_term(e.kind == Expr::Kind::In);
        if (!eq) error = true;
      }
      if (error) return std::nullopt;
      return boolean_term(e.kind == Expr::Kind::NotIn);
    }
    case Expr::Kind::Exists:
      return boolean_term(exists(*e.pattern, row));
    case Expr::Kind::NotExists:
      return boolean_term(!exists(*e.pattern, row));
    case Expr::Kind::Aggregate:
      if (!aggregates || e.aggregate_slot < 0 || static_cast<std::size_t>(e.aggregate_slot) >= aggregates->size())
        return std::nullopt;
      return (*aggregates)[static_cast<std::size_t>(e.aggregate_slot)];
    case Expr::Kind::Call:
      return call(e, row, aggregates);
  }
  return std::nullopt;
}

/// The regular expressions of one query's REGEX and REPLACE calls: a constant pattern (and flags)
/// compiled at its first call and kept for the others, any other compiled anew each call.
struct PreparedRegexes {
  std::unordered_map<const Expr*, std::optional<boost::wregex>> constant;
  std::optional<boost::wregex> latest;
};

namespace {

/// The compiled pattern of a REGEX or REPLACE `call` whose pattern is `pattern` and flags `flags`
/// this time; nullptr for an invalid one (an error).
const boost::wregex* prepared_regex(PreparedRegexes& regexes, const Expr& call, const std::string& pattern,
                                    const std::string& flags) {
  const std::size_t flag_at = call.function == Function::Regex ? 2 : 3;
  const bool constant = call.args[1]->kind == Expr::Kind::Const &&
                        (call.args.size() <= flag_at || call.args[flag_at]->kind == Expr::Kind::Const);
  std::optional<boost::wregex>* slot = &regexes.latest;
  if (constant) {
    auto [it, first] = regexes.constant.try_emplace(&call);
    if (!first) return it->second ? &*it->second : nullptr;
    slot = &it->second;
  }
  *slot = compile(pattern, flags);
  return *slot ? &**slot : nullptr;
}

/// YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS, TIMEZONE and TZ of an xsd:dateTime.
Value date_time_part(Function part, const rdf::Term& x) {
  auto d = parse_date_time(x);
  if (!d) return std::nullopt;
  switch (part) {
    case Function::Year: return integer_value(d->year);
    case Function::Month: return integer_value(d->month);
    case Function::Day: return integer_value(d->day);
    case Function::Hours: return integer_value(d->hour);
    case Function::Minutes: return integer_value(d->minute);
    case Function::Seconds: {
      auto tpos = x.value.find('T');
      std::string sec = x.value.substr(tpos + 7, 2);
      std::size_t i = tpos + 9;
      if (i < x.value.size() && x.value[i] == '.') {
        while (i < x.value.size() && (x.value[i] == '.' || std::isdigit(static_cast<unsigned char>(x.value[i]))))
          sec += x.value[i++];
      }
      auto canonical = canonical_decimal(sec);  // "01.50" is 1.5
      if (!canonical) return std::nullopt;
      return rdf::Term::typed(*canonical, xsd("decimal"));
    }
    case Function::Tz: return rdf::Term::literal(d->tz_text);
    default: break;
  }
  // TIMEZONE
  if (!d->tz_minutes) return std::nullopt;
  int m = *d->tz_minutes;
  if (m == 0) return rdf::Term::typed("PT0S", xsd("dayTimeDuration"));
  std::string out = m < 0 ? "-PT" : "PT";
  int am = std::abs(m);
  if (am / 60) out += std::to_string(am / 60) + "H";
  if (am % 60) out += std::to_string(am % 60) + "M";
  return rdf::Term::typed(out, xsd("dayTimeDuration"));
}

}  // namespace

Value Evaluator::call(const Expr& e, const Row& row, const std::vector<Value>* aggregates) {
  using F = Function;
  // The three that do not evaluate every argument first.
  switch (e.function) {
    case F::Bound:
      return boolean_term(row[static_cast<std::size_t>(e.args[0]->var)] != 0);
    case F::If: {
      Value c = eval_expr(*e.args[0], row, aggregates);
      auto b = c ? effective_boolean(*c) : std::nullopt;
      if (!b) return std::nullopt;
      return eval_expr(*e.args[*b ? 1 : 2], row, aggregates);
    }
    case F::Coalesce:
      for (const auto& a : e.args)
        if (Value v = eval_expr(*a, row, aggregates)) return v;
      return std::nullopt;
    default:
      break;
  }
  std::vector<Value> a;
  a.reserve(e.args.size());
  for (const auto& arg : e.args) a.push_back(eval_expr(*arg, row, aggregates));

  // Those that take no argument, or accept an error in one.
  switch (e.function) {
    case F::Cast:
      return a.size() == 1 ? cast(e.name, a[0]) : std::nullopt;
    case F::Extension:
      return std::nullopt;
    case F::Rand: {
      std::uniform_real_distribution<double> d(0, 1);
      Numeric n;
      n.type = Numeric::Type::Double;
      n.real = d(random_);
      return numeric_term(n);
    }
    case F::Now:
      return rdf::Term::typed(now_, xsd("dateTime"));
    case F::Uuid:
    case F::StrUuid: {
      char buf[40];
      std::uniform_int_distribution<unsigned long long> d;
      unsigned long long x = d(random_), y = d(random_);
      std::snprintf(buf, sizeof buf, "%08llx-%04llx-4%03llx-%04llx-%012llx", x >> 32, (x >> 16) & 0xFFFF,
                    x & 0xFFF, ((y >> 48) & 0x3FFF) | 0x8000, y & 0xFFFFFFFFFFFFULL);
      if (e.function == F::Uuid) return rdf::Term::iri(std::string("urn:uuid:") + buf);
      return rdf::Term::literal(buf);
    }
    case F::Bnode: {
      if (a.empty()) return rdf::Term::blank("f" + std::to_string(blank_counter_++));
      if (!a[0] || !is_simple_or_string(*a[0])) return std::nullopt;
      if (bnode_row_ != &row) {
        bnode_per_row_.clear();
        bnode_row_ = &row;
      }
      auto it = bnode_per_row_.find(a[0]->value);
      if (it == bnode_per_row_.end())
        it = bnode_per_row_.emplace(a[0]->value, intern(rdf::Term::blank("f" + std::to_string(blank_counter_++)))).first;
      return term(it->second);
    }
    default:
      break;
  }
  if (!std::all_of(a.begin(), a.end(), [](const Value& v) { return v.has_value(); })) return std::nullopt;
  if (e.function == F::Concat) {
    std::string out, lang;
    bool same_lang = true;
    std::size_t size = 0;
    for (const auto& v : a) size += v->value.size();
    require_memory(size);
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!is_string_literal(a[i])) return std::nullopt;
      out += a[i]->value;
      if (i == 0) lang = a[i]->lang;
      else if (a[i]->lang != lang) same_lang = false;
    }
    if (same_lang && !lang.empty()) return rdf::Term::lang_literal(out, lang);
    return rdf::Term::literal(out);
  }
  const rdf::Term& x = *a[0];

  switch (e.function) {
    case F::Str:
      if (x.is_blank()) return std::nullopt;
      return rdf::Term::literal(x.value);
    case F::Lang:
      if (!x.is_literal()) return std::nullopt;
      return rdf::Term::literal(x.lang);
    case F::Datatype:
      if (!x.is_literal()) return std::nullopt;
      if (!x.lang.empty()) return rdf::Term::iri(std::string(rdf::kRdfLangString));
      return rdf::Term::iri(x.datatype.empty() ? xsd("string") : x.datatype);
    case F::LangMatches: {
      if (!x.is_literal() || !is_simple_or_string(*a[1])) return std::nullopt;
      std::string tag = upper(x.value, false), range = upper(a[1]->value, false);
      if (range == "*") return boolean_term(!tag.empty());
      return boolean_term(tag == range ||
                          (tag.size() > range.size() && tag.rfind(range, 0) == 0 && tag[range.size()] == '-'));
    }
    case F::Iri:
      if (x.is_iri()) return x;
      if (!is_simple_or_string(x)) return std::nullopt;
      return rdf::Term::iri(resolve_iri(base_, x.value));
    case F::Abs:
    case F::Ceil:
    case F::Floor:
    case F::Round: {
      auto n = numeric_value(x);
      if (!n) return std::nullopt;
      if (n->type == Numeric::Type::Integer) {
        if (e.function == F::Abs) n->integer = std::llabs(n->integer);
        return numeric_term(*n);
      }
      if (e.function == F::Abs) n->real = std::fabs(n->real);
      else if (e.function == F::Ceil) n->real = std::ceil(n->real);
      else if (e.function == F::Floor) n->real = std::floor(n->real);
      else n->real = std::floor(n->real + 0.5L);
      return numeric_term(*n);
    }
    case F::StrLen:
      if (!is_string_literal(a[0])) return std::nullopt;
      return integer_value(static_cast<long long>(utf8_decode(x.value).size()));
    case F::UCase:
    case F::LCase:
      if (!is_string_literal(a[0])) return std::nullopt;
      return same_kind(x, upper(x.value, e.function == F::UCase));
    case F::EncodeForUri: {
      if (!is_string_literal(a[0])) return std::nullopt;
      std::string out;
      char buf[4];
      for (unsigned char c : x.value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else {
          std::snprintf(buf, sizeof buf, "%%%02X", c);
          out += buf;
        }
      }
      return rdf::Term::literal(out);
    }
    case F::Contains:
    case F::StrStarts:
    case F::StrEnds:
    case F::StrBefore:
    case F::StrAfter: {
      if (!is_string_literal(a[0]) || !is_string_literal(a[1]) || !compatible_args(x, *a[1])) return std::nullopt;
      const std::string& s = x.value;
      const std::string& t = a[1]->value;
      if (e.function == F::Contains) return boolean_term(s.find(t) != std::string::npos);
      if (e.function == F::StrStarts) return boolean_term(s.rfind(t, 0) == 0);
      if (e.function == F::StrEnds)
        return boolean_term(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
      auto pos = s.find(t);
      if (pos == std::string::npos) return rdf::Term::literal("");
      if (e.function == F::StrBefore) return t.empty() ? same_kind(x, "") : same_kind(x, s.substr(0, pos));
      return same_kind(x, s.substr(pos + t.size()));
    }
    case F::Substr: {
      if (!is_string_literal(a[0])) return std::nullopt;
      auto start = numeric_value(*a[1]);
      if (!start) return std::nullopt;
      auto s = utf8_decode(x.value);
      long double from = std::floor(start->value() + 0.5L);
      long double to = INFINITY;
      if (a.size() > 2) {
        auto len = numeric_value(*a[2]);
        if (!len) return std::nullopt;
        to = from + std::floor(len->value() + 0.5L);
      }
      std::u32string out;
      for (std::size_t i = 0; i < s.size(); ++i) {
        long double pos = static_cast<long double>(i + 1);
        if (pos >= from && pos < to) out.push_back(s[i]);
      }
      return same_kind(x, utf8_encode(out));
    }
    case F::Regex:
    case F::Replace: {
      const std::size_t flag_at = e.function == F::Regex ? 2 : 3;
      if (!is_string_literal(a[0])) return std::nullopt;
      if (!is_simple_or_string(*a[1])) return std::nullopt;
      if (!regexes_) regexes_.reset(new PreparedRegexes());
      const boost::wregex* re =
          prepared_regex(*regexes_, e, a[1]->value, a.size() > flag_at ? a[flag_at]->value : "");
      if (!re) return std::nullopt;
      if (e.function == F::Regex) return boolean_term(boost::regex_search(widen(x.value), *re));
      if (!is_simple_or_string(*a[2])) return std::nullopt;
      if (boost::regex_match(std::wstring(), *re)) return std::nullopt;  // a pattern matching "" is an error
      // each match replaces at least one character: the result is at most this long (back
      // references aside)
      require_memory((x.value.size() + 1) * (a[2]->value.size() + 1) * sizeof(wchar_t));
      std::wstring out = boost::regex_replace(widen(x.value), *re, widen(a[2]->value), boost::format_perl);
      return same_kind(x, narrow(out));
    }
    case F::Year:
    case F::Month:
    case F::Day:
    case F::Hours:
    case F::Minutes:
    case F::Seconds:
    case F::Timezone:
    case F::Tz:
      return date_time_part(e.function, x);
    case F::Md5:
    case F::Sha1:
    case F::Sha256:
    case F::Sha384:
    case F::Sha512: {
      if (!is_simple_or_string(x)) return std::nullopt;
      const EVP_MD* md = e.function == F::Md5      ? EVP_md5()
                         : e.function == F::Sha1   ? EVP_sha1()
                         : e.function == F::Sha256 ? EVP_sha256()
                         : e.function == F::Sha384 ? EVP_sha384()
                                                   : EVP_sha512();
      return rdf::Term::literal(hex_digest(md, x.value));
    }
    case F::StrLang:
      if (!is_simple_or_string(x) || !is_simple_or_string(*a[1]) || a[1]->value.empty()) return std::nullopt;
      return rdf::Term::lang_literal(x.value, upper(a[1]->value, false));
    case F::StrDt:
      if (!is_simple_or_string(x) || !a[1]->is_iri()) return std::nullopt;
      if (a[1]->value == xsd("string")) return rdf::Term::literal(x.value);
      return rdf::Term::typed(x.value, a[1]->value);
    case F::SameTerm:
      return boolean_term(x == *a[1]);
    case F::IsIri:
      return boolean_term(x.is_iri());
    case F::IsBlank:
      return boolean_term(x.is_blank());
    case F::IsLiteral:
      return boolean_term(x.is_literal());
    case F::IsNumeric:
      return boolean_term(numeric_value(x).has_value());
    // handled above
    case F::Bound:
    case F::If:
    case F::Coalesce:
    case F::Cast:
    case F::Extension:
    case F::Rand:
    case F::Now:
    case F::Uuid:
    case F::StrUuid:
    case F::Bnode:
    case F::Concat:
      break;
  }
  return std::nullopt;
}

void PreparedRegexesDeleter::operator()(PreparedRegexes* r) const { delete r; }

Value Evaluator::cast(const std::string& dt, const Value& v) {
  if (!v || v->is_blank()) return std::nullopt;
  const rdf::Term& x = *v;
  if (dt == xsd("string")) return rdf::Term::literal(string_cast(x));
  if (x.is_iri()) return std::nullopt;
  if (!x.lang.empty()) return std::nullopt;
  auto n = numeric_value(x);
  bool is_bool = x.datatype == xsd("boolean");
  bool is_str = is_simple_or_string(x);
  std::string lex = x.value;
  if (is_str) {
    auto b = lex.find_first_not_of(" \t\n\r");
    auto e = lex.find_last_not_of(" \t\n\r");
    lex = b == std::string::npos ? "" : lex.substr(b, e - b + 1);
  }
  if (dt == xsd("boolean")) {
    if (is_bool) return boolean_term(*effective_boolean(x));
    if (n) return boolean_term(!(n->value() == 0 || std::isnan(n->value())));
    if (is_str) {
      if (lex == "true" || lex == "1") return boolean_term(true);
      if (lex == "false" || lex == "0") return boolean_term(false);
    }
    return std::nullopt;
  }
  if (dt == xsd("integer") || dt == xsd("decimal") || dt == xsd("double") || dt == xsd("float")) {
    Numeric r;
    r.type = dt == xsd("integer") ? Numeric::Type::Integer : dt == xsd("decimal") ? Numeric::Type::Decimal
             : dt == xsd("float") ? Numeric::Type::Float : Numeric::Type::Double;
    long double val;
    if (is_bool) {
      val = *effective_boolean(x) ? 1 : 0;
    } else if (n) {
      val = n->value();
      if (n->type == Numeric::Type::Integer && r.type == Numeric::Type::Integer) {
        r.integer = n->integer;
        return numeric_term(r);
      }
      // an integer or decimal keeps every digit it has
      if (r.type == Numeric::Type::Decimal && n->type <= Numeric::Type::Decimal)
        if (auto exact = canonical_decimal(x.value)) return rdf::Term::typed(*exact, xsd("decimal"));
    } else if (is_str) {
      auto parsed = numeric_value(rdf::Term::typed(lex, dt));
      if (!parsed) return std::nullopt;
      if (r.type == Numeric::Type::Integer) return numeric_term(*parsed);
      if (r.type == Numeric::Type::Decimal) return rdf::Term::typed(*canonical_decimal(lex), xsd("decimal"));
      val = parsed->value();
    } else {
      return std::nullopt;
    }
    if (r.type == Numeric::Type::Integer) {
      if (!std::isfinite(val)) return std::nullopt;
      r.integer = static_cast<long long>(std::trunc(val));
    } else {
      if ((r.type == Numeric::Type::Decimal) && !std::isfinite(val)) return std::nullopt;
      r.real = val;
    }
    return numeric_term(r);
  }
  if (dt == xsd("dateTime")) {
    rdf::Term t = rdf::Term::typed(lex, xsd("dateTime"));
    if ((is_str || x.datatype == xsd("dateTime")) && parse_date_time(t)) return t;
    return std::nullopt;
  }
  return std::nullopt;
}

Value Evaluator::aggregate(const Expr& e, const std::vector<const Row*>& rows) {
  if (e.name == "COUNT" && e.args.empty()) {
    if (!e.distinct) return integer_value(static_cast<long long>(rows.size()));
    std::unordered_set<std::string> seen;
    for (const Row* r : rows) seen.insert(std::string(reinterpret_cast<const char*>(r->data()), r->size() * sizeof(TermId)));
    return integer_value(static_cast<long long>(seen.size()));
  }
  if (e.name == "COUNT" && e.args.size() == 1 && e.args[0]->kind == Expr::Kind::Var) {
    // COUNT(?x): the rows that bind ?x, or their distinct ids (a term has one id), decoding none
    const auto var = static_cast<std::size_t>(e.args[0]->var);
    std::unordered_set<TermId> distinct;
    long long bound = 0;
    for (const Row* r : rows) {
      const TermId id = (*r)[var];
      if (id == 0) continue;
      ++bound;
      if (e.distinct) distinct.insert(id);
    }
    return integer_value(e.distinct ? static_cast<long long>(distinct.size()) : bound);
  }
  std::vector<rdf::Term> values;
  bool error = false;
  MemoryBudget::Held held;  // what `values` holds, for as long as it holds it
  for (const Row* r : rows) {
    deadline_.check();
    Value v = eval_expr(*e.args[0], *r);
    if (v) held.charge(term_bytes(*v));
    if (v) values.push_back(std::move(*v));
    else error = true;
  }
  if (e.distinct) {
    std::vector<rdf::Term> unique;
    std::unordered_set<rdf::Term, TermHash> seen;
    for (auto& v : values)
      if (seen.insert(v).second) unique.push_back(v);
    values = std::move(unique);
  }
  const std::string& f = e.name;
  if (f == "COUNT") return integer_value(static_cast<long long>(values.size()));
  if (f == "SUM" || f == "AVG") {
    if (error && values.empty() && !rows.empty()) return std::nullopt;
    Numeric total;
    for (const auto& v : values) {
      auto n = numeric_value(v);
      if (!n) return std::nullopt;
      auto s = arithmetic('+', total, *n);
      if (!s) return std::nullopt;
      total = *s;
    }
    if (f == "SUM") return numeric_term(total);
    if (values.empty()) return integer_value(0);
    Numeric count;
    count.integer = static_cast<long long>(values.size());
    auto avg = arithmetic('/', total, count);
    if (!avg) return std::nullopt;
    return numeric_term(*avg);
  }
  if (f == "MIN" || f == "MAX") {
    if (values.empty()) return std::nullopt;
    const rdf::Term* best = &values[0];
    for (const auto& v : values) {
      int c = order_compare(&v, best);
      if ((f == "MIN" && c < 0) || (f == "MAX" && c > 0)) best = &v;
    }
    return *best;
  }
  if (f == "SAMPLE") {
    if (values.empty()) return std::nullopt;
    return values[0];
  }
  if (f == "GROUP_CONCAT") {
    std::size_t size = 0;
    for (const auto& v : values) size += v.value.size() + e.separator.size();
    require_memory(size);
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i].is_blank()) return std::nullopt;
      if (i) out += e.separator;
      out += values[i].value;
    }
    return rdf::Term::literal(out);
  }
  return std::nullopt;
}

}  // namespace policykg::query
