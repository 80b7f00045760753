// Query text -> parse_sparql: the algebra or a policykg::Error, never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/sparql_parser.hpp"
#include "rdf/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)policykg::query::parse_sparql(text, "http://example.org/base/");
  } catch (const policykg::Error&) {
  }
  return 0;
}
