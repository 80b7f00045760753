// The index file's container: a header, a section table and sections, each section with its
// CRC-32, written whole and atomically and opened by memory-mapping. What the sections hold (the
// term dictionary, the sorted id triples, the statistics) is the query engine's business
// (query/sparql/dataset.hpp); docs/index-format.md gives the byte layout.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::rdf {

/// The first eight bytes of every index file.
inline constexpr std::array<unsigned char, 8> kIndexMagic = {0x89, 'P', 'K', 'G', 'I', '\r', '\n', 0x1a};
/// The format version this build writes and reads.
inline constexpr std::uint32_t kIndexVersion = 2;
/// The extension `build -o` recognises (the file is recognised by its magic bytes, not its name).
inline constexpr std::string_view kIndexExtension = ".pkgi";
inline constexpr std::size_t kIndexHeaderBytes = 32;
inline constexpr std::size_t kIndexSectionEntryBytes = 32;

/// What a section holds (docs/index-format.md describes each).
enum class IndexSectionKind : std::uint32_t {
  TermOffsets = 1,  ///< u64 offsets into TermBytes, one more than there are terms
  TermBytes = 2,    ///< the terms, encoded, one after another in id order
  TermOrder = 3,    ///< u32 term ids sorted by their encoded bytes
  Spo = 4,          ///< u32 triples (s, p, o), sorted; one per graph
  Pos = 5,          ///< the same triples as (p, o, s), sorted
  Osp = 6,          ///< the same triples as (o, s, p), sorted
  Stats = 7,        ///< distinct subjects and objects, then per-predicate counts
};

/// A section's name in messages: "term bytes", "SPO of graph 12", ...
std::string index_section_name(std::uint32_t kind, std::uint32_t graph);

/// The CRC-32 (ISO-HDLC, as zlib's crc32) of `bytes`, continuing from `crc`.
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

/// Whether the file at `path` begins with kIndexMagic (false when it cannot be read or is shorter).
bool is_index_file(const std::filesystem::path& path);

/// One section to write: its kind, the graph it belongs to (0: none, or the default graph) and
/// its bytes (which must outlive the call).
struct IndexSectionData {
  IndexSectionKind kind;
  std::uint32_t graph = 0;
  std::string_view bytes;
};

/// Writes the sections, in the order given, as an index file at `path`, atomically (see
/// write_file_atomically; `inputs` are the files the command reads). Throws Error.
void write_index_file(const std::filesystem::path& path, const std::vector<IndexSectionData>& sections,
                      const std::vector<std::filesystem::path>& inputs = {});

/// An index file mapped read-only. Opening checks the header and the section table (magic,
/// version, byte order, the table's checksum, every section inside the file and aligned) but
/// not the sections' checksums: verify() does. Every failure is one Error(Input) naming the file.
class MappedIndexFile {
 public:
  struct Section {
    std::uint32_t kind = 0, graph = 0;
    std::uint64_t offset = 0;
    std::string_view bytes;
    std::uint32_t crc = 0;
  };

  static std::shared_ptr<const MappedIndexFile> open(const std::filesystem::path& path);
  ~MappedIndexFile();
  MappedIndexFile(const MappedIndexFile&) = delete;
  MappedIndexFile& operator=(const MappedIndexFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::size_t size() const { return size_; }
  const std::vector<Section>& sections() const { return sections_; }
  /// Checks every section's checksum; throws Error(Input) naming the first damaged section.
  void verify() const;
  /// An Error(Input) at this file saying "index damaged: " + what.
  [[noreturn]] void damaged(const std::string& what) const;

 private:
  MappedIndexFile() = default;
  std::filesystem::path path_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::vector<Section> sections_;
};

}  // namespace policykg::rdf
