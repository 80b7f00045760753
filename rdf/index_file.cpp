#include "rdf/index_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>

#include "core/error.hpp"
#include "rdf/atomic_file.hpp"

namespace policykg::rdf {

namespace {

// Integers are stored in the machine's order, which the marker records: 04 03 02 01 on the
// little-endian machines we build for. A reader on the other order refuses the file.
constexpr std::uint32_t kByteOrderMark = 0x01020304;

template <class T>
T read_at(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <class T>
void put(std::string& out, T v) {
  char b[sizeof v];
  std::memcpy(b, &v, sizeof v);
  out.append(b, sizeof v);
}

std::size_t aligned8(std::size_t n) { return (n + 7) & ~std::size_t{7}; }

}  // namespace

std::string index_section_name(std::uint32_t kind, std::uint32_t graph) {
  std::string name;
  switch (static_cast<IndexSectionKind>(kind)) {
    case IndexSectionKind::TermOffsets: return "term offsets";
    case IndexSectionKind::TermBytes: return "term bytes";
    case IndexSectionKind::TermOrder: return "term order";
    case IndexSectionKind::Spo: name = "SPO"; break;
    case IndexSectionKind::Pos: name = "POS"; break;
    case IndexSectionKind::Osp: name = "OSP"; break;
    case IndexSectionKind::Stats: name = "statistics"; break;
    default: name = "section of unknown kind " + std::to_string(kind); break;
  }
  return name + (graph == 0 ? " of the default graph" : " of named graph " + std::to_string(graph));
}

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
  // zlib's, several bytes a step; given no bytes it would answer its initial value instead
  if (bytes.empty()) return crc;
  return static_cast<std::uint32_t>(::crc32_z(crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

bool is_index_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, kIndexMagic.size()> head{};
  if (!in.read(head.data(), head.size())) return false;
  return std::memcmp(head.data(), kIndexMagic.data(), head.size()) == 0;
}

void write_index_file(const std::filesystem::path& path, const std::vector<IndexSectionData>& sections,
                      const std::vector<std::filesystem::path>& inputs) {
  // header and table first, then the sections, each at an offset that is a multiple of 8
  std::string head;
  head.append(reinterpret_cast<const char*>(kIndexMagic.data()), kIndexMagic.size());
  put<std::uint32_t>(head, kIndexVersion);
  put<std::uint32_t>(head, kByteOrderMark);
  put<std::uint32_t>(head, static_cast<std::uint32_t>(sections.size()));
  put<std::uint32_t>(head, 0);  // flags
  const std::size_t crc_at = head.size();
  put<std::uint32_t>(head, 0);  // checksum of header and table, filled below
  put<std::uint32_t>(head, 0);  // reserved
  std::size_t offset = kIndexHeaderBytes + sections.size() * kIndexSectionEntryBytes;
  for (const auto& s : sections) {
    offset = aligned8(offset);
    put<std::uint32_t>(head, static_cast<std::uint32_t>(s.kind));
    put<std::uint32_t>(head, s.graph);
    put<std::uint64_t>(head, offset);
    put<std::uint64_t>(head, s.bytes.size());
    put<std::uint32_t>(head, crc32(s.bytes));
    put<std::uint32_t>(head, 0);
    offset += s.bytes.size();
  }
  std::uint32_t crc = crc32(std::string_view(head).substr(0, crc_at));
  crc = crc32(std::string_view(head).substr(kIndexHeaderBytes), crc);
  std::memcpy(head.data() + crc_at, &crc, sizeof crc);
  write_file_atomically(
      path,
      [&](std::ostream& out) {
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        std::size_t at = head.size();
        static const char zeros[8] = {};
        for (const auto& s : sections) {
          out.write(zeros, static_cast<std::streamsize>(aligned8(at) - at));
          at = aligned8(at);
          out.write(s.bytes.data(), static_cast<std::streamsize>(s.bytes.size()));
          at += s.bytes.size();
        }
      },
      inputs);
}

void MappedIndexFile::damaged(const std::string& what) const {
  throw Error(Error::Category::Input, path_.string(), "index damaged: " + what);
}

MappedIndexFile::~MappedIndexFile() {
  if (data_ && size_) munmap(const_cast<char*>(data_), size_);
}

std::shared_ptr<const MappedIndexFile> MappedIndexFile::open(const std::filesystem::path& path) {
  auto fail = [&](const std::string& what) -> Error { return Error(Error::Category::Input, path.string(), what); };
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw fail("not a regular file");
  }
  std::shared_ptr<MappedIndexFile> file(new MappedIndexFile());
  file->path_ = path;
  file->size_ = static_cast<std::size_t>(st.st_size);
  if (file->size_ == 0) {
    ::close(fd);
    throw fail("empty file, not an index file");
  }
  void* p = mmap(nullptr, file->size_, PROT_READ, MAP_PRIVATE, fd, 0);
  int mmap_errno = errno;
  ::close(fd);
  if (p == MAP_FAILED) {
    file->size_ = 0;
    throw fail(std::string("cannot map the file: ") + std::strerror(mmap_errno));
  }
  file->data_ = static_cast<const char*>(p);
#ifdef MADV_HUGEPAGE
  // Advice only: the pages the kernel reads for the mapping come in 2 MB blocks where it can, as
  // they do when the file was just written. A query's rows and terms lie on pages all over the
  // file; read back 4 KB at a time (after a restart, or once other files pushed it out of the page
  // cache) they cost a fault each, and a path at 10^7 more than twice its time.
  madvise(p, file->size_, MADV_HUGEPAGE);
#endif
  const char* d = file->data_;
  const std::size_t size = file->size_;

  if (size < kIndexMagic.size() || std::memcmp(d, kIndexMagic.data(), kIndexMagic.size()) != 0)
    throw fail("not a policykg index file (it does not begin with the index's magic bytes)");
  if (size < kIndexHeaderBytes)
    throw fail("index truncated: " + std::to_string(size) + " bytes, shorter than the " +
               std::to_string(kIndexHeaderBytes) + "-byte header");
  const auto version = read_at<std::uint32_t>(d + 8);
  const auto order = read_at<std::uint32_t>(d + 12);
  if (order != kByteOrderMark) {
    if (__builtin_bswap32(order) == kByteOrderMark)
      throw fail("index written with the other byte order; this machine cannot read it (rebuild it here)");
    if (version == kIndexVersion) throw fail("index damaged: byte order marker unreadable");
  }
  if (version != kIndexVersion)
    throw fail("index format version " + std::to_string(version) + "; this policykg reads version " +
               std::to_string(kIndexVersion) + " only (rebuild the index with `policykg index`)");
  const auto count = read_at<std::uint32_t>(d + 16);
  const std::uint64_t table_end = kIndexHeaderBytes + std::uint64_t{count} * kIndexSectionEntryBytes;
  if (table_end > size)
    throw fail("index truncated: its section table of " + std::to_string(count) + " sections ends at byte " +
               std::to_string(table_end) + ", the file has " + std::to_string(size));
  std::uint32_t crc = crc32(std::string_view(d, 24));
  crc = crc32(std::string_view(d + kIndexHeaderBytes, table_end - kIndexHeaderBytes), crc);
  if (crc != read_at<std::uint32_t>(d + 24)) throw fail("index damaged: the header or section table fails its checksum");
  for (std::uint32_t i = 0; i < count; ++i) {
    const char* e = d + kIndexHeaderBytes + std::size_t{i} * kIndexSectionEntryBytes;
    Section s;
    s.kind = read_at<std::uint32_t>(e);
    s.graph = read_at<std::uint32_t>(e + 4);
    s.offset = read_at<std::uint64_t>(e + 8);
    const auto length = read_at<std::uint64_t>(e + 16);
    s.crc = read_at<std::uint32_t>(e + 24);
    const std::string name = index_section_name(s.kind, s.graph);
    if (s.offset % 8 != 0 || s.offset < table_end) throw fail("index damaged: the " + name + " starts at byte " + std::to_string(s.offset));
    if (s.offset > size || length > size - s.offset)
      throw fail("index truncated: the " + name + " ends at byte " + std::to_string(s.offset + length) +
                 ", the file has " + std::to_string(size));
    s.bytes = std::string_view(d + s.offset, static_cast<std::size_t>(length));
    file->sections_.push_back(s);
  }
  return file;
}

void MappedIndexFile::verify() const {
  for (const auto& s : sections_)
    if (crc32(s.bytes) != s.crc) damaged("the " + index_section_name(s.kind, s.graph) + " (bytes " + std::to_string(s.offset) +
                                         " to " + std::to_string(s.offset + s.bytes.size()) + ") fails its checksum");
}

}  // namespace policykg::rdf
