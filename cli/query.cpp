#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_query(CLI::App& app) { not_implemented(app, "query", "Run a SPARQL 1.1 query"); }

}  // namespace policykg::cli
