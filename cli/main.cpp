// policykg: policy documents to a knowledge graph.
//
// Building a graph and writing it needs no Redland, so this program does that itself and starts
// in a few milliseconds. Every other command (and build --store) runs in the commands module
// beside it, which brings Redland and the fifty shared libraries that come with it (curl, GnuTLS,
// Kerberos, ICU...), loaded only when such a command is run.
#include <string_view>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/commands_module.hpp"

#ifdef POLICYKG_JEMALLOC
// jemalloc's options, read from this symbol when the process starts (MALLOC_CONF overrides them):
// its memory in huge pages where the kernel gives them on request. On a virtual machine a page
// fault can cost more than zeroing the page; a search across a hub, an index's arrays or a
// corpus build grows buffers of megabytes, which fault once a huge page instead of once in 4 KB.
extern "C" const char* malloc_conf;
const char* malloc_conf = "thp:always";
#endif

int main(int argc, char** argv) {
  using namespace policykg::cli;
  if (argc > 1 && std::string_view(argv[1]) == "build") {
    try {
      return run_app(argc, argv, [](CLI::App& app) { setup_build(app, nullptr); });
    } catch (const RedlandNeeded&) {
      // build --store: the module's build does it all.
    }
  }
  return run_commands_module(argc, argv);
}
