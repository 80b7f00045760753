// release_free_memory gives the pages of freed blocks back to the system. The tests' allocator is
// glibc's, and jemalloc's when the test runs with it preloaded (Heap.UnderJemalloc, as the policykg
// binary allocates).
#include "core/heap.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitizerAllocator = true;
#else
constexpr bool kSanitizerAllocator = false;
#endif

}  // namespace

TEST(Heap, FreedSmallBlocksGoBackToTheSystem) {
  if (kSanitizerAllocator) GTEST_SKIP() << "the sanitizers' allocator keeps freed memory in quarantine";
  if (resident_kib() < 0) GTEST_SKIP() << "no /proc/self/status";
  constexpr std::size_t kBlocks = 128 * 1024;  // 128 MiB in blocks of 1 KiB, under mmap's threshold
  std::vector<std::unique_ptr<char[]>> blocks;
  blocks.reserve(kBlocks);
  for (std::size_t i = 0; i < kBlocks; ++i) {
    blocks.emplace_back(new char[1024]);
    blocks.back()[0] = static_cast<char>(i);  // touched: resident
  }
  const auto pin = std::make_unique<char[]>(1024);  // above them, so free alone cannot shrink the heap
  pin[0] = 1;
  blocks.clear();
  blocks.shrink_to_fit();
  const long before = resident_kib();
  policykg::release_free_memory();
  const long after = resident_kib();
  EXPECT_GT(before - after, 64 * 1024) << "VmRSS " << before << " KiB before, " << after << " KiB after";
}
