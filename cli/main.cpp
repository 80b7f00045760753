// policykg: policy documents to a knowledge graph. Parses the command line and hands each
// subcommand to its own file; the one place where errors become stderr lines and exit codes.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "rdf/error.hpp"

#ifndef POLICYKG_VERSION
#define POLICYKG_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  CLI::App app{"policykg: policy documents as a knowledge graph (RDF, SPARQL, graph traversals)",
               "policykg"};
  app.set_version_flag("--version", "policykg " POLICYKG_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  using namespace policykg::cli;
  setup_build(app);
  setup_query(app);
  setup_responsible(app);
  setup_duties(app);
  setup_deps(app);
  setup_path(app);
  setup_impact(app);
  setup_export(app);
  setup_serve(app);
  setup_validate(app);
  setup_stats(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (and help for --help); any parse error is a usage error.
    app.exit(e);
    return 2;
  } catch (const policykg::Error& e) {
    std::cerr << "policykg: " << e.describe() << "\n";
    return e.category() == policykg::Error::Category::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "policykg: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
