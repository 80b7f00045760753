#include "query/sparql/deadline.hpp"

#include <string>

#include "core/error.hpp"

namespace policykg::query {

Deadline::Deadline(std::chrono::milliseconds timeout)
    : enabled_(timeout.count() > 0), timeout_(timeout), end_(std::chrono::steady_clock::now() + timeout) {}

void Deadline::check_now() const {
  if (enabled_ && std::chrono::steady_clock::now() >= end_)
    throw Error(Error::Category::Query, "query",
                "timed out after " + std::to_string(timeout_.count()) + " ms");
}

}  // namespace policykg::query
