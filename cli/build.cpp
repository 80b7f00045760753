#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_build(CLI::App& app) { not_implemented(app, "build", "Build the graph from plain-text documents"); }

}  // namespace policykg::cli
