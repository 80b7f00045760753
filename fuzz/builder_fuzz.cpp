// Document text -> builder::build_text_graph with the project's gazetteer and rules: a graph or
// Error(Input), never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "builder/builder.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)policykg::builder::build_text_graph(text, "fuzz.txt");
  } catch (const policykg::Error&) {
  }
  return 0;
}
