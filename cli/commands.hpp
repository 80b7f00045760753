// One function per subcommand: each adds its CLI11 subcommand to the app and sets the callback
// that runs it. Callbacks report failure by throwing policykg::Error; main() turns that into one
// stderr line and exit code 1 (usage errors exit 2).
#pragma once

#include <CLI/CLI.hpp>

namespace policykg::cli {

void setup_build(CLI::App& app);
void setup_query(CLI::App& app);
void setup_responsible(CLI::App& app);
void setup_duties(CLI::App& app);
void setup_deps(CLI::App& app);
void setup_path(CLI::App& app);
void setup_impact(CLI::App& app);
void setup_export(CLI::App& app);
void setup_serve(CLI::App& app);
void setup_validate(CLI::App& app);
void setup_stats(CLI::App& app);

}  // namespace policykg::cli
