// The SPARQL 1.1 builtin functions (section 17.4), listed once: the name, how many arguments each
// takes, and the Function the parser resolves a call to. The parser checks arity from this table;
// the evaluator implements each Function in one switch (expression_evaluator.cpp, Evaluator::call),
// which the compiler checks covers them all; the planner asks whether a call answers anew each
// time (query/sparql/internal/planner.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace policykg::query {

enum class Function : std::uint8_t {
  Str,
  Lang,
  LangMatches,
  Datatype,
  Bound,
  Iri,
  Bnode,
  Rand,
  Abs,
  Ceil,
  Floor,
  Round,
  Concat,
  StrLen,
  UCase,
  LCase,
  EncodeForUri,
  Contains,
  StrStarts,
  StrEnds,
  StrBefore,
  StrAfter,
  Year,
  Month,
  Day,
  Hours,
  Minutes,
  Seconds,
  Timezone,
  Tz,
  Now,
  Uuid,
  StrUuid,
  Md5,
  Sha1,
  Sha256,
  Sha384,
  Sha512,
  Coalesce,
  If,
  StrLang,
  StrDt,
  SameTerm,
  IsIri,
  IsBlank,
  IsLiteral,
  IsNumeric,
  Regex,
  Substr,
  Replace,
  Cast,       ///< an XSD datatype IRI called as a function, `xsd:integer(?x)`: a cast
  Extension,  ///< any other function IRI: not known here, so every call is an error (unbound)
};

struct FunctionInfo {
  std::string_view name;  ///< as SPARQL spells it, upper case
  Function function;
  std::size_t min_args;
  std::size_t max_args;  ///< kAnyNumber for CONCAT and COALESCE
  /// Gives another value each time it is called (RAND, UUID, STRUUID, BNODE): a filter calling
  /// it stays where it is written.
  bool fresh = false;
};

inline constexpr std::size_t kAnyNumber = static_cast<std::size_t>(-1);

/// The builtin called `name` (upper case; URI and ISURI are read as IRI and ISIRI), or nullptr.
const FunctionInfo* find_builtin(std::string_view name);
/// The table's entry for `f` (Cast and Extension, which have none, give a nameless entry).
const FunctionInfo& function_info(Function f);

}  // namespace policykg::query
