// Query text -> parse_sparql: the algebra or a policykg::Error, never a crash, a leak or a hang.
// A query that parses is printed (to_sparql), parsed again and printed again: the printed text
// must read back (unless printing brackets a path or an expression past the nesting limit) and
// print the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "query/sparql/sparql_printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string base = "http://example.org/base/";
  std::string printed;
  try {
    printed = policykg::query::to_sparql(policykg::query::parse_sparql(text, base));
  } catch (const policykg::Error&) {
    return 0;
  }
  try {
    const std::string again = policykg::query::to_sparql(policykg::query::parse_sparql(printed, base));
    if (again != printed) {
      std::fprintf(stderr, "printed query prints otherwise once read back:\n%s\n%s\n", printed.c_str(), again.c_str());
      std::abort();
    }
  } catch (const policykg::Error& e) {
    if (std::string_view(e.what()).find("nested too deeply") != std::string_view::npos) return 0;
    std::fprintf(stderr, "printed query does not read back: %s\n%s\n", e.what(), printed.c_str());
    std::abort();
  }
  return 0;
}
