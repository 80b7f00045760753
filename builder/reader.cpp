// Reader: bytes in, checked text out. Rejects empty files, binary files (a NUL byte), anything
// that is not UTF-8, naming the line and column, and text of only whitespace; builds the byte -> code
// point index.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>

#include "builder/normalized_text.hpp"
#include "builder/source_text.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"

namespace policykg::builder {

namespace {

[[noreturn]] void reject(const std::string& name, std::string_view text, std::size_t byte, const std::string& message) {
  throw Error(Error::Category::Input, Place::in(name, text, byte), message);
}

constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;

// How many of the eight bytes in `v` are continuation bytes (high bit set, the next one clear).
// The flags, one a byte, are summed by a multiplication into the top byte: std::popcount is a
// library call on the baseline x86-64 this builds for.
std::size_t continuation_bytes(std::uint64_t v) {
  const std::uint64_t flags = (v & (~v << 1) & kHigh) >> 7;
  return static_cast<std::size_t>((flags * kOnes) >> 56);
}

}  // namespace

SourceText::SourceText(std::string bytes, std::string name) : bytes_(std::move(bytes)), name_(std::move(name)) {
  if (bytes_.empty()) throw Error(Error::Category::Input, name_, "empty document: nothing to build");
  block_start_.reserve(bytes_.size() / kBlock + 1);
  std::uint32_t count = 0;
  std::size_t next_block = 0;
  for (std::size_t i = 0; i < bytes_.size();) {
    while (next_block <= i) {
      // Lead bytes before the boundary; a sequence straddling it was counted at its lead byte.
      block_start_.push_back(count);
      next_block += kBlock;
    }
    // Eight ASCII bytes, none of them NUL, at a time while the block lasts.
    if (i + 8 <= next_block && i + 8 <= bytes_.size()) {
      std::uint64_t v;
      std::memcpy(&v, bytes_.data() + i, 8);
      const bool ascii = (v & kHigh) == 0, no_nul = ((v - kOnes) & ~v & kHigh) == 0;
      if (ascii && no_nul) {
        count += 8;
        i += 8;
        continue;
      }
    }
    const char c = bytes_[i];
    if (c == '\0') reject(name_, bytes_, i, "binary file: NUL byte, not a text document");
    std::size_t n = utf8_sequence_length(bytes_, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
      reject(name_, bytes_, i, std::string("not UTF-8: invalid byte ") + hex);
    }
    ++count;
    i += n;
  }
  while (next_block <= bytes_.size()) {
    block_start_.push_back(count);
    next_block += kBlock;
  }
  std::size_t i = 0;
  while (std::size_t n = whitespace_length(bytes_, i)) i += n;
  if (i == bytes_.size()) throw Error(Error::Category::Input, name_, "no text: the document holds only whitespace");
}

std::size_t SourceText::code_point(std::size_t byte) const {
  std::size_t block = byte / kBlock;
  std::size_t cp = block_start_[block];
  std::size_t from = block * kBlock;
  // Count lead bytes between the block start and `byte`, eight at a time: a continuation byte
  // has its high bit set and the next one clear.
  std::size_t i = from;
  for (; i + 8 <= byte; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, bytes_.data() + i, 8);
    cp += 8 - continuation_bytes(v);
  }
  for (; i < byte; ++i)
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

SourceText read_source(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Error::Category::Io, file.string(), "cannot open the document");
  // Read in large pieces (a file's size can change between a stat and the read, so none is asked).
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(Error::Category::Io, file.string(), "cannot read the document");
  return SourceText(std::move(bytes), file.string());
}

}  // namespace policykg::builder
