#include "ontology/paths.hpp"

#include <cstdlib>

namespace policykg::paths {

std::filesystem::path home() {
  if (const char* env = std::getenv("POLICYKG_HOME"); env != nullptr && *env != '\0') return env;
  return POLICYKG_SOURCE_DIR;
}

}  // namespace policykg::paths
