#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_export(CLI::App& app) { not_implemented(app, "export", "Export the graph for visualisation tools"); }

}  // namespace policykg::cli
