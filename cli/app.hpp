// The command line as both halves of policykg run it: one CLI11 app, the subcommands that `setup`
// adds, and the one place where errors become a stderr line and an exit code.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace policykg::cli {

/// Parses argv with the subcommands `setup` adds and runs the chosen one. Returns the exit
/// status: 0, 1 for bad input (one line on stderr naming the problem and the place), 2 for a
/// usage error.
int run_app(int argc, char** argv, const std::function<void(CLI::App&)>& setup);

}  // namespace policykg::cli
