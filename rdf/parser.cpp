#include "rdf/parser.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "rdf/input_checks.hpp"
#include "rdf/jsonld_reader.hpp"
#include "rdf/redland.hpp"
#include "rdf/serd_reader.hpp"

namespace policykg::rdf {

namespace {

// Raptor is fed RDF/XML in pieces of this size.
constexpr std::size_t kPiece = 1 << 16;

Format format_of(const std::filesystem::path& file, std::optional<Format> format) {
  if (!format) format = format_from_path(file.string());
  if (!format) throw Error(Error::Category::Usage, file.string(), "cannot tell the RDF format from the file extension (.ttl, .nt, .nq, .rdf, .jsonld)");
  return *format;
}

std::ifstream open_file(const std::filesystem::path& file, std::ios::openmode mode = {}) {
  std::ifstream in(file, std::ios::binary | mode);
  if (!in) throw Error(Error::Category::Io, file.string(), std::string("cannot read: ") + std::strerror(errno));
  return in;
}

std::string base_of(const std::filesystem::path& file, std::string_view base) {
  return base.empty() ? file_iri(file) : std::string(base);
}

// One raptor parse of RDF/XML, holding the redland lock: feed() the document of `size` bytes
// piece by piece, then take().
class RaptorParse {
 public:
  RaptorParse(Format format, std::string_view base, std::string_view where, std::size_t size)
      : guard_(redland_lock()), format_(format), where_(where) {
    // Room for a triple every 128 bytes (N-Triples lines are longer) spares the vector's regrowth,
    // which costs more than the parse: reserved pages that stay unused are never touched.
    triples_.reserve(size / 128);
    clear_log();
    // Raptor asks librdf for blank node ids, and librdf maps the labels of a document through a
    // table it makes when a librdf parser is created and drops when it is freed. Holding one for
    // the parse gives the labels Model::load_string gives: one node per label within a
    // document, fresh nodes in the next (without it, every occurrence of a label is a new node).
    label_table_.reset(librdf_new_parser(world_ptr(), raptor_parser_name(format), nullptr, nullptr));
    raptor_world* raptor = librdf_world_get_raptor(world_ptr());
    parser_.reset(raptor_new_parser(raptor, raptor_parser_name(format)));
    if (!label_table_ || !parser_)
      throw Error(Error::Category::Internal, where_, "no parser for " + std::string(format_name(format)));
    raptor_parser_set_statement_handler(parser_.get(), this, add_statement);
    std::string base_iri = base.empty() ? std::string("file:///") : std::string(base);
    base_.reset(raptor_new_uri(raptor, reinterpret_cast<const unsigned char*>(base_iri.c_str())));
    check(raptor_parser_parse_start(parser_.get(), base_.get()));
  }

  void feed(std::string_view piece, bool last) {
    const int rc = raptor_parser_parse_chunk(parser_.get(), reinterpret_cast<const unsigned char*>(piece.data()),
                                             piece.size(), last ? 1 : 0);
    if (failure_) throw *failure_;
    check(rc);
  }

  std::vector<Triple> take() { return std::move(triples_); }

 private:
  // raptor_statement is librdf_statement: the terms convert as the model's do. A term longer
  // than the bound the other readers keep stops the parse.
  static void add_statement(void* handle, raptor_statement* statement) {
    auto& self = *static_cast<RaptorParse*>(handle);
    if (self.failure_) return;
    Triple t = to_triple(statement);
    for (const Term* term : {&t.s, &t.p, &t.o}) {
      if (term->value.size() <= kMaxTermBytes) continue;
      Place place{self.where_};
      if (const raptor_locator* at = raptor_parser_get_locator(self.parser_.get()); at != nullptr && at->line > 0)
        place.line = static_cast<std::size_t>(at->line);
      self.failure_ = Error(Error::Category::Syntax, place,
                            "a term of " + std::to_string(term->value.size()) + " bytes; terms are at most " +
                                std::to_string(kMaxTermBytes) + " bytes");
      raptor_parser_parse_abort(self.parser_.get());
      return;
    }
    self.triples_.push_back(std::move(t));
  }

  void check(int rc) { check_parsed(rc, where_, format_, raptor_parser_get_locator(parser_.get())); }

  std::lock_guard<std::recursive_mutex> guard_;
  Format format_;
  std::string where_;
  ParserPtr label_table_;
  RaptorParserPtr parser_;
  RaptorUriPtr base_;
  std::vector<Triple> triples_;
  std::optional<Error> failure_;
};

// A regular file mapped read-only, for read_file: its text is checked a window at a time ahead of
// the parser, and the pages the parser has passed are let go, so that neither the text nor a
// copy of it stays in memory. Empty or not a regular file: open() gives null.
class MappedText {
 public:
  static std::unique_ptr<MappedText> open(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;  // parse_file says why
    struct stat st {};
    void* p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
      p = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) return nullptr;
    madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    return std::unique_ptr<MappedText>(new MappedText(static_cast<const char*>(p), static_cast<std::size_t>(st.st_size)));
  }
  ~MappedText() { munmap(const_cast<char*>(data_), size_); }
  MappedText(const MappedText&) = delete;
  MappedText& operator=(const MappedText&) = delete;

  std::string_view text() const { return {data_, size_}; }

  /// Before the parser reads [from, to): the text up to `to` is checked (check_text), in windows
  /// that end after a line; the pages more than a window behind `from` are let go.
  void ready(std::size_t from, std::size_t to, std::string_view where) {
    const std::string_view t = text();
    while (checked_ < to) {
      std::size_t end = std::min(checked_ + kWindow, size_);
      if (end < size_) {
        const std::size_t newline = t.find('\n', end);  // '\n' is never inside a UTF-8 sequence
        end = newline == std::string_view::npos ? size_ : newline + 1;
      }
      check_text(t, where, checked_, end);
      checked_ = end;
    }
    static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    if (from > released_ + 2 * kWindow) {
      const std::size_t upto = (from - kWindow) / page * page;
      madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
      released_ = upto;
    }
  }

 private:
  static constexpr std::size_t kWindow = std::size_t{16} << 20;
  MappedText(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
  std::size_t checked_ = 0, released_ = 0;
};

}  // namespace

const char* raptor_parser_name(Format f) {
  switch (f) {
    case Format::Turtle: return "turtle";
    case Format::NTriples: return "ntriples";
    case Format::NQuads: return "nquads";
    case Format::RdfXml: return "rdfxml";
    case Format::JsonLd: return nullptr;
  }
  return nullptr;
}

RdfFile read_rdf_file(const std::filesystem::path& file, std::optional<Format> format, std::string_view base) {
  Format f = format_of(file, format);
  // a folder opens all the same, and its end is anywhere
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) throw Error(Error::Category::Io, file.string(), "cannot read: a folder, not a file");
  std::ifstream in = open_file(file, std::ios::ate);
  const auto size = in.tellg();
  if (size < 0) throw Error(Error::Category::Io, file.string(), "cannot read: not a regular file");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
    throw Error(Error::Category::Io, file.string(), std::string("cannot read: ") + std::strerror(errno));
  return {std::move(text), f, base_of(file, base)};
}

void check_parsed(int rc, std::string_view where, Format format, const raptor_locator* stopped_at) {
  auto errors = take_errors();
  if (rc == 0 && errors.empty()) return;
  int line = -1, column = -1;
  std::string message = "not valid " + std::string(format_name(format));
  if (!errors.empty()) {
    line = errors.front().line;
    column = errors.front().column;
    message += ": " + errors.front().message;
  }
  if (line <= 0 && stopped_at != nullptr) {
    line = stopped_at->line;
    column = stopped_at->column;
  }
  // Raptor's place: its line, and its column when it knows one.
  Place place{std::string(where)};
  if (line > 0) place.line = static_cast<std::size_t>(line);
  if (line > 0 && column > 0) place.column = static_cast<std::size_t>(column);
  throw Error(Error::Category::Syntax, place, message);
}

std::string file_iri(const std::filesystem::path& file) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string iri = "file://";
  for (char c : std::filesystem::absolute(file).lexically_normal().string()) {
    auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || std::string_view("<>\"{}|\\^`%").find(c) != std::string_view::npos) {
      iri += '%';
      iri += kHex[b >> 4];
      iri += kHex[b & 0xF];
    } else {
      iri += c;
    }
  }
  return iri;
}

std::vector<Triple> parse_file(const std::filesystem::path& file, std::optional<Format> format, std::string_view base) {
  RdfFile f = read_rdf_file(file, format, base);
  return parse_string(f.text, f.format, f.base, file.string());
}

void read_file(const std::filesystem::path& file, const TripleSink& sink, std::optional<Format> format,
               std::string_view base) {
  const Format f = format_of(file, format);
  std::unique_ptr<MappedText> mapped;
  if (f != Format::RdfXml && f != Format::JsonLd) mapped = MappedText::open(file);
  if (!mapped) {
    for (const Triple& t : parse_file(file, f, base)) sink(t);
    return;
  }
  const std::string where = file.string();
  const std::string_view text = mapped->text();
  if (f == Format::Turtle) {  // its nesting is checked over the whole text first
    check_turtle_depth(text, where);
    madvise(const_cast<char*>(text.data()), text.size(), MADV_DONTNEED);
  }
  const SerdPaging paging = [&](std::size_t from, std::size_t to) { mapped->ready(from, to, where); };
  read_with_serd(text, f, base_of(file, base), where, sink, &paging);
}

std::vector<Triple> parse_string(std::string_view text, Format format, std::string_view base, std::string_view where) {
  check_text(text, where);
  if (format == Format::JsonLd) return parse_jsonld(text, where);
  if (text.empty()) return {};  // an empty document is an empty graph
  if (format != Format::RdfXml) return read_with_serd(text, format, base, where);
  check_rdfxml(text, where);
  RaptorParse parse(format, base, where, text.size());
  for (std::size_t at = 0; at < text.size(); at += kPiece) {
    std::string_view piece = text.substr(at, kPiece);
    parse.feed(piece, at + piece.size() == text.size());
  }
  return parse.take();
}

}  // namespace policykg::rdf
