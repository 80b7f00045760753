// The commands module: every subcommand, linked with Redland, in a shared object that policykg
// loads when it is given a command it cannot run alone.
#pragma once

namespace policykg::cli {

/// The module's entry point, `int policykg_run(int argc, char** argv)`: the whole command line.
inline constexpr const char* kModuleEntry = "policykg_run";

/// Loads the module from policykg's own folder and runs the command line there; returns its exit
/// status, or 1 with one line on stderr when the module cannot be loaded.
int run_commands_module(int argc, char** argv);

}  // namespace policykg::cli
