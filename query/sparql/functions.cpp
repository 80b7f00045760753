#include "query/sparql/functions.hpp"

#include <algorithm>
#include <array>

namespace policykg::query {

namespace {

using F = Function;

constexpr std::array kBuiltins = {
    FunctionInfo{"STR", F::Str, 1, 1},
    FunctionInfo{"LANG", F::Lang, 1, 1},
    FunctionInfo{"LANGMATCHES", F::LangMatches, 2, 2},
    FunctionInfo{"DATATYPE", F::Datatype, 1, 1},
    FunctionInfo{"BOUND", F::Bound, 1, 1},
    FunctionInfo{"IRI", F::Iri, 1, 1},
    FunctionInfo{"BNODE", F::Bnode, 0, 1, true},
    FunctionInfo{"RAND", F::Rand, 0, 0, true},
    FunctionInfo{"ABS", F::Abs, 1, 1},
    FunctionInfo{"CEIL", F::Ceil, 1, 1},
    FunctionInfo{"FLOOR", F::Floor, 1, 1},
    FunctionInfo{"ROUND", F::Round, 1, 1},
    FunctionInfo{"CONCAT", F::Concat, 0, kAnyNumber},
    FunctionInfo{"STRLEN", F::StrLen, 1, 1},
    FunctionInfo{"UCASE", F::UCase, 1, 1},
    FunctionInfo{"LCASE", F::LCase, 1, 1},
    FunctionInfo{"ENCODE_FOR_URI", F::EncodeForUri, 1, 1},
    FunctionInfo{"CONTAINS", F::Contains, 2, 2},
    FunctionInfo{"STRSTARTS", F::StrStarts, 2, 2},
    FunctionInfo{"STRENDS", F::StrEnds, 2, 2},
    FunctionInfo{"STRBEFORE", F::StrBefore, 2, 2},
    FunctionInfo{"STRAFTER", F::StrAfter, 2, 2},
    FunctionInfo{"YEAR", F::Year, 1, 1},
    FunctionInfo{"MONTH", F::Month, 1, 1},
    FunctionInfo{"DAY", F::Day, 1, 1},
    FunctionInfo{"HOURS", F::Hours, 1, 1},
    FunctionInfo{"MINUTES", F::Minutes, 1, 1},
    FunctionInfo{"SECONDS", F::Seconds, 1, 1},
    FunctionInfo{"TIMEZONE", F::Timezone, 1, 1},
    FunctionInfo{"TZ", F::Tz, 1, 1},
    FunctionInfo{"NOW", F::Now, 0, 0},
    FunctionInfo{"UUID", F::Uuid, 0, 0, true},
    FunctionInfo{"STRUUID", F::StrUuid, 0, 0, true},
    FunctionInfo{"MD5", F::Md5, 1, 1},
    FunctionInfo{"SHA1", F::Sha1, 1, 1},
    FunctionInfo{"SHA256", F::Sha256, 1, 1},
    FunctionInfo{"SHA384", F::Sha384, 1, 1},
    FunctionInfo{"SHA512", F::Sha512, 1, 1},
    FunctionInfo{"COALESCE", F::Coalesce, 0, kAnyNumber},
    FunctionInfo{"IF", F::If, 3, 3},
    FunctionInfo{"STRLANG", F::StrLang, 2, 2},
    FunctionInfo{"STRDT", F::StrDt, 2, 2},
    FunctionInfo{"SAMETERM", F::SameTerm, 2, 2},
    FunctionInfo{"ISIRI", F::IsIri, 1, 1},
    FunctionInfo{"ISBLANK", F::IsBlank, 1, 1},
    FunctionInfo{"ISLITERAL", F::IsLiteral, 1, 1},
    FunctionInfo{"ISNUMERIC", F::IsNumeric, 1, 1},
    FunctionInfo{"REGEX", F::Regex, 2, 3},
    FunctionInfo{"SUBSTR", F::Substr, 2, 3},
    FunctionInfo{"REPLACE", F::Replace, 3, 4},
};

// The table is in the enum's order, so that function_info is an index.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kBuiltins.size(); ++i)
    if (static_cast<std::size_t>(kBuiltins[i].function) != i) return false;
  return static_cast<std::size_t>(F::Cast) == kBuiltins.size();
}
static_assert(in_enum_order(),
              "kBuiltins must list every builtin Function once, in the enum's order");

}  // namespace

const FunctionInfo* find_builtin(std::string_view name) {
  if (name == "URI") name = "IRI";
  if (name == "ISURI") name = "ISIRI";
  auto it = std::find_if(kBuiltins.begin(), kBuiltins.end(),
                         [&](const FunctionInfo& f) { return f.name == name; });
  return it == kBuiltins.end() ? nullptr : &*it;
}

const FunctionInfo& function_info(Function f) {
  static constexpr FunctionInfo cast{"", F::Cast, 1, 1}, extension{"", F::Extension, 0, kAnyNumber};
  if (f == F::Cast) return cast;
  if (f == F::Extension) return extension;
  return kBuiltins[static_cast<std::size_t>(f)];
}

}  // namespace policykg::query
