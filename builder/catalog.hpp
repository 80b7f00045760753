// Catalogue: what is known about each document file besides its text (data/documents/catalog.json,
// beside the files it describes): where the text came from, its title and language, how it was
// retrieved, and the SHA-256 of the file, checked on every build.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace policykg::builder {

struct CatalogEntry {
  std::string file;       ///< file name, no folder
  std::string source;     ///< the page the text was taken from; empty when unknown
  std::string title;      ///< as the source page gives it
  std::string language;   ///< BCP 47 tag of the text ("en")
  std::string retrieval;  ///< how the text was retrieved ("opening only, cut mid-sentence")
  std::string sha256;     ///< lower-case hex digest of the file's bytes
};

class Catalog {
 public:
  /// The catalogue `catalog.json` of `dir`; an empty one when the folder has none. Throws
  /// policykg::Error(Input) naming the file (and the byte for bad JSON) when it is malformed.
  static Catalog load_beside(const std::filesystem::path& dir);
  static Catalog parse(std::string_view json, const std::string& name);
  /// The entry for a file name, if listed.
  const CatalogEntry* find(const std::string& file) const;
  /// Throws policykg::Error(Input) naming `path` when its entry's sha256 differs from `digest`.
  void check(const std::filesystem::path& path, const std::string& digest) const;
  bool empty() const { return entries_.empty(); }

 private:
  std::string name_;
  std::map<std::string, CatalogEntry> entries_;
};

/// The catalogue's file name in a folder of documents.
inline constexpr std::string_view kCatalogFile = "catalog.json";

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace policykg::builder
