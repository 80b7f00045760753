#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_duties(CLI::App& app) { not_implemented(app, "duties", "What an agency or district is responsible for"); }

}  // namespace policykg::cli
