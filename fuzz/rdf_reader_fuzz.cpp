// RDF text -> rdf::parse_string in one format (POLICYKG_FUZZ_FORMAT, set per target by CMake):
// triples or a policykg::Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "rdf/format.hpp"
#include "rdf/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)policykg::rdf::parse_string(text, policykg::rdf::Format::POLICYKG_FUZZ_FORMAT, "http://example.org/base/",
                                      "fuzz");
  } catch (const policykg::Error&) {
  }
  return 0;
}
