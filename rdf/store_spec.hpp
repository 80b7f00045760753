// Store specifications as written on the command line: "memory", "sqlite:PATH",
// "postgresql:KEY=VALUE,...", "virtuoso:KEY=VALUE,...".
#pragma once

#include <string>
#include <string_view>

namespace policykg::rdf {

struct StoreSpec {
  enum class Kind { Memory, Sqlite, Postgresql, Virtuoso };
  Kind kind = Kind::Memory;
  std::string location;  ///< file path (sqlite) or database name (postgresql, virtuoso)
  std::string options;   ///< librdf storage options, e.g. "host='localhost',user='kg'"
  bool create = false;   ///< create a new store rather than open an existing one
  /// Open the store, creating it when there is none (build --store). Otherwise a missing sqlite
  /// file is an error: reading commands never make one.
  bool create_if_missing = false;
};

/// Parses a spec; throws policykg::Error (Usage) naming the spec and what is wrong with it.
StoreSpec parse_store_spec(std::string_view spec);

}  // namespace policykg::rdf
