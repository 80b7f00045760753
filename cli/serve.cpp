#include "cli/commands.hpp"
#include "cli/not_implemented.hpp"

namespace policykg::cli {

void setup_serve(CLI::App& app) { not_implemented(app, "serve", "Serve a SPARQL endpoint and linked-data pages"); }

}  // namespace policykg::cli
