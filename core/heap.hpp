// Giving freed memory back to the system. The policykg binary allocates with jemalloc
// (POLICYKG_JEMALLOC), the libraries' tests and the sanitizer builds with glibc: the allocator is
// known only at run time, so this asks it by name.
#pragma once

#include <dlfcn.h>

#include <cstddef>
#ifdef __GLIBC__
#include <malloc.h>  // malloc_trim
#endif

namespace policykg {

/// Returns the free memory the allocator keeps to the system: jemalloc purges every arena's
/// unused pages, glibc trims its heaps. Blocks still in use stay where they are.
inline void release_free_memory() {
  using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);
  // jemalloc's control interface, when jemalloc is the process's allocator.
  static const auto mallctl = reinterpret_cast<Mallctl>(::dlsym(RTLD_DEFAULT, "mallctl"));
  if (mallctl != nullptr) {
    // "arena.4096" is every arena (MALLCTL_ARENAS_ALL); this thread's cache goes first.
    mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

}  // namespace policykg
