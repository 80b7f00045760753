#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_stats(CLI::App& app) { not_implemented(app, "stats", "Counts by class and property"); }

}  // namespace policykg::cli
