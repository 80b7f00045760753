#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_impact(CLI::App& app) { not_implemented(app, "impact", "Every unit that depends on, references or is overridden through a document"); }

}  // namespace policykg::cli
