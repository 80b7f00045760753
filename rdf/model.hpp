// A graph held in a Redland store: add, match, parse and serialise.
// (The writers themselves, in serializer.hpp, need no Redland.)
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/atomic_file.hpp"
#include "rdf/format.hpp"
#include "rdf/graph.hpp"
#include "rdf/serializer.hpp"
#include "rdf/store_spec.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

namespace detail {
struct ModelImpl;
}

/// A triple pattern: an empty optional matches anything.
struct Pattern {
  std::optional<Term> s, p, o;
};

/// A Redland model over one store. Move-only; the store is closed with it.
class Model {
 public:
  /// Opens (or creates) the store `spec` describes; throws Error(Store) naming the spec.
  explicit Model(const StoreSpec& spec = {});
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;

  void add(const Triple& t);
  void add(const std::vector<Triple>& ts);
  bool contains(const Triple& t) const;
  std::size_t size() const;

  /// Calls `fn` for each triple matching `pattern`; stop early by returning false.
  void match(const Pattern& pattern, const std::function<bool(const Triple&)>& fn) const;
  std::vector<Triple> find(const Pattern& pattern) const;
  /// Every triple, sorted: the deterministic order writers use.
  std::vector<Triple> sorted_triples() const;

  /// Parses a file into the model; the format comes from `format` or the file's extension.
  /// Throws Error(Syntax) with "file:line:column" on bad input.
  void load_file(const std::filesystem::path& file, std::optional<Format> format = {},
                 std::string_view base = {});
  void load_string(std::string_view text, Format format, std::string_view base = {},
                   std::string_view where = "<string>");

  detail::ModelImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<detail::ModelImpl> impl_;
};

/// Serialises a model: its triples, sorted.
std::string serialize(const Model& model, Format format, std::string_view base,
                      std::string_view graph = {});

}  // namespace policykg::rdf
