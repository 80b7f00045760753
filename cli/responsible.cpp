#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_responsible(CLI::App& app) { not_implemented(app, "responsible", "Who is responsible for a measure or unit, stated or inherited"); }

}  // namespace policykg::cli
