#include <dlfcn.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "cli/commands_module.hpp"

#ifndef POLICYKG_COMMANDS_MODULE
#error "POLICYKG_COMMANDS_MODULE names the module's file"
#endif

namespace policykg::cli {

int run_commands_module(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  const fs::path module = (ec ? fs::path(argv[0]).parent_path() : self.parent_path()) / POLICYKG_COMMANDS_MODULE;
  void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    // dlerror() names the file.
    std::fprintf(stderr, "policykg: cannot load the commands module: %s\n", ::dlerror());
    return 1;
  }
  using Entry = int (*)(int, char**);
  auto entry = reinterpret_cast<Entry>(::dlsym(handle, kModuleEntry));
  if (entry == nullptr) {
    std::fprintf(stderr, "policykg: %s: no %s in the commands module\n", module.c_str(), kModuleEntry);
    return 1;
  }
  return entry(argc, argv);
}

}  // namespace policykg::cli
