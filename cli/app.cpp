#include "cli/app.hpp"

#include <iostream>

#include "core/error.hpp"

#ifndef POLICYKG_VERSION
#define POLICYKG_VERSION "0.0.0"
#endif

namespace policykg::cli {

int run_app(int argc, char** argv, const std::function<void(CLI::App&)>& setup) {
  CLI::App app{"policykg: policy documents as a knowledge graph (RDF, SPARQL, graph traversals)", "policykg"};
  app.set_version_flag("--version", "policykg " POLICYKG_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  setup(app);

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

}  // namespace policykg::cli
