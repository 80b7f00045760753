#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_deps(CLI::App& app) { not_implemented(app, "deps", "Transitive dependencies of a unit (or what depends on it)"); }

}  // namespace policykg::cli
