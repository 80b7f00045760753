#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_validate(CLI::App& app) { not_implemented(app, "validate", "Check a graph against the ontology's shapes"); }

}  // namespace policykg::cli
