// Registers a contract command whose implementation has not landed yet: it exists, has --help,
// and exits 1 saying so.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "rdf/error.hpp"

namespace policykg::cli {

inline CLI::App* not_implemented(CLI::App& app, const std::string& name, const std::string& help) {
  auto* cmd = app.add_subcommand(name, help);
  cmd->allow_extras();
  cmd->callback([name] {
    throw Error(Error::Category::Internal, name, "this command is not implemented yet");
  });
  return cmd;
}

}  // namespace policykg::cli
