#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_path(CLI::App& app) { not_implemented(app, "path", "Shortest connection between two resources"); }

}  // namespace policykg::cli
