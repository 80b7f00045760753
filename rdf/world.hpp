// The one librdf world of the process, with librdf's log messages turned into errors.
#pragma once

#include <memory>

namespace policykg::rdf {

namespace detail {
struct WorldImpl;
}

/// Owns librdf_world. Create one (cheaply shared through World::instance()) before any Model.
class World {
 public:
  /// The process-wide world, created on first use.
  static World& instance();
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  detail::WorldImpl& impl() { return *impl_; }

 private:
  World();
  std::unique_ptr<detail::WorldImpl> impl_;
};

}  // namespace policykg::rdf
