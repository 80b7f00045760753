#include "query/sparql/memory_budget.hpp"

#include <unistd.h>

#include <string>

#include "core/error.hpp"

namespace policykg::query {

namespace {
thread_local MemoryBudget* current_budget = nullptr;
}  // namespace

MemoryBudget* MemoryBudget::current() noexcept { return current_budget; }

MemoryBudget::Scope::Scope(MemoryBudget& budget) noexcept : previous_(current_budget) { current_budget = &budget; }

MemoryBudget::Scope::~Scope() { current_budget = previous_; }

void MemoryBudget::exceeded() const {
  constexpr std::size_t kMiB = 1024 * 1024;
  throw Error(Error::Category::Query, "query",
              "the query needs more than " + std::to_string((limit_ + kMiB - 1) / kMiB) +
                  " MiB of memory (--max-memory); add LIMIT, or more selective patterns");
}

std::size_t physical_memory_fraction(double fraction) {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::size_t>(static_cast<double>(pages) * static_cast<double>(page) * fraction);
}

}  // namespace policykg::query
