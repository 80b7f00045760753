#include "rdf/serd_reader.hpp"

#include <serd/serd.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/error.hpp"
#include "rdf/input_checks.hpp"

namespace policykg::rdf {

namespace {

// Each Turtle document's blank nodes are named apart from every other's.
std::atomic<unsigned long> documents_read{0};

std::string_view text_of(const SerdNode& node) {
  return {reinterpret_cast<const char*>(node.buf), node.n_bytes};
}


struct ReaderFree {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};

// What a callback refusing a statement throws when serd is fed pages: it cannot tell where the
// statement is. read_with_serd then reads the document again a byte at a time.
struct Unplaced {};

// One document read: serd calls back with prefixes, bases and statements, which become triples
// given to the sink (one Triple, its strings reused from statement to statement). Serd is fed
// `page` bytes at a time; fed a byte at a time, a callback knows where it is in the text.
// Callbacks throw nothing into serd: the first failure is kept and rethrown when serd returns.
class SerdRead {
 public:
  SerdRead(std::string_view text, Format format, std::string_view base, std::string_view where, std::size_t page,
           const TripleSink& sink, const SerdPaging* paging)
      : text_(text), format_(format), where_(where), page_(page), sink_(sink), paging_(paging) {
    set_base(base.empty() ? std::string("file:///") : std::string(base));
  }

  void run() {
    const SerdSyntax syntax = format_ == Format::Turtle ? SERD_TURTLE : format_ == Format::NQuads ? SERD_NQUADS : SERD_NTRIPLES;
    std::unique_ptr<SerdReader, ReaderFree> reader(
        serd_reader_new(syntax, this, nullptr, on_base, on_prefix, on_statement, nullptr));
    if (!reader) throw Error(Error::Category::Internal, where_, "cannot make a serd reader");
    serd_reader_set_strict(reader.get(), true);
    serd_reader_set_error_sink(reader.get(), on_error, this);
    if (format_ == Format::Turtle) {
      const std::string prefix = "t" + std::to_string(++documents_read) + "_";
      serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(prefix.c_str()));
    }
    const SerdStatus status = serd_reader_read_source(reader.get(), read_bytes, stream_error, this,
                                                      reinterpret_cast<const uint8_t*>(where_.c_str()), page_);
    if (failure_) std::rethrow_exception(failure_);
    if (status > SERD_FAILURE)
      fail("not valid " + std::string(format_name(format_)) + ": " + reinterpret_cast<const char*>(serd_strerror(status)));
  }

 private:
  static std::size_t read_bytes(void* buf, std::size_t size, std::size_t count, void* stream) {
    auto& self = *static_cast<SerdRead*>(stream);
    const std::size_t n = std::min(size * count, self.text_.size() - self.read_);
    if (self.paging_ != nullptr && n != 0) {
      try {
        (*self.paging_)(self.read_, self.read_ + n);
      } catch (...) {
        if (!self.failure_) self.failure_ = std::current_exception();
        return 0;  // serd sees the end of the text, and run() rethrows
      }
    }
    std::memcpy(buf, self.text_.data() + self.read_, n);
    self.read_ += n;
    return n / size;
  }
  static int stream_error(void*) { return 0; }

  static SerdStatus on_error(void* handle, const SerdError* error) {
    auto& self = *static_cast<SerdRead*>(handle);
    if (self.failure_) return SERD_SUCCESS;
    char message[512];
    va_list args;
    va_copy(args, *error->args);
    std::vsnprintf(message, sizeof message, error->fmt, args);
    va_end(args);
    std::string text(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const Place place = error->line > 0 ? self.place_at(error->line, error->col) : Place{std::string(self.where_)};
    self.failure_ = std::make_exception_ptr(
        Error(Error::Category::Syntax, place, "not valid " + std::string(format_name(self.format_)) + ": " + text));
    return SERD_SUCCESS;
  }

  // Runs a callback's work, keeping what it throws for run().
  template <typename Fn>
  SerdStatus guarded(Fn&& fn) {
    if (failure_) return SERD_ERR_BAD_SYNTAX;
    try {
      fn();
      return SERD_SUCCESS;
    } catch (...) {
      failure_ = std::current_exception();
      return SERD_ERR_BAD_SYNTAX;
    }
  }

  static SerdStatus on_base(void* handle, const SerdNode* uri) {
    auto& self = *static_cast<SerdRead*>(handle);
    return self.guarded([&] { self.set_base(self.resolve(*uri)); });
  }

  static SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
    auto& self = *static_cast<SerdRead*>(handle);
    return self.guarded([&] { self.prefixes_.insert_or_assign(std::string(text_of(*name)), self.resolve(*uri)); });
  }

  static SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
                                 const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                                 const SerdNode* lang) {
    auto& self = *static_cast<SerdRead*>(handle);
    return self.guarded([&] {
      // N-Quads in several graphs are read as their union: the graph every command works on
      // (`build -o X.nq` splits one graph by document; the names are the documents' expressions).
      (void)graph;
      Triple& t = self.triple_;
      self.term(t.s, *subject);
      self.term(t.p, *predicate);
      self.object(t.o, *object, datatype, lang);
      self.sink_(t);
    });
  }

  // Where serd is: just past the term it last read.
  // Serd counts a line's columns in bytes, from 0: the place in code points.
  Place place_at(std::size_t line, std::size_t byte_column) const {
    std::size_t start = 0;
    for (std::size_t l = 1; l < line && start < text_.size(); ++l) {
      const std::size_t newline = text_.find('\n', start);
      start = newline == std::string_view::npos ? text_.size() : newline + 1;
    }
    return Place::in(std::string(where_), text_, start + byte_column);
  }
  Place here() const { return Place::in(std::string(where_), text_, read_ == 0 ? 0 : read_ - 1); }
  [[noreturn]] void fail(const std::string& message) const {
    if (page_ > 1) throw Unplaced{};
    throw Error(Error::Category::Syntax, here(), message);
  }

  void set_base(std::string base) {
    base_ = std::move(base);
    serd_uri_parse(reinterpret_cast<const uint8_t*>(base_.c_str()), &base_uri_);
  }

  std::string resolve(const SerdNode& node) const {
    std::string out;
    resolve(out, node);
    return out;
  }
  void resolve(std::string& out, const SerdNode& node) const {
    if (serd_uri_string_has_scheme(node.buf)) {
      out.assign(text_of(node));
      return;
    }
    SerdNode absolute = serd_node_new_uri_from_node(&node, &base_uri_, nullptr);
    out.assign(text_of(absolute));
    serd_node_free(&absolute);
  }

  void iri(std::string& out, const SerdNode& node) {
    if (node.type == SERD_URI) return resolve(out, node);
    const std::string_view curie = text_of(node);
    const std::size_t colon = curie.find(':');
    prefix_.assign(curie.substr(0, colon));
    auto it = prefixes_.find(prefix_);
    if (colon == std::string_view::npos || it == prefixes_.end()) fail("the prefix '" + prefix_ + "' is not declared");
    out.assign(it->second);
    out.append(curie.substr(colon + 1));
  }

  void check_size(const SerdNode& node) const {
    if (node.n_bytes > kMaxTermBytes)
      fail("a term of " + std::to_string(node.n_bytes) + " bytes; terms are at most " + std::to_string(kMaxTermBytes) + " bytes");
  }

  // Fills `out` (its strings keep their buffers from the statement before).
  void term(Term& out, const SerdNode& node) {
    check_size(node);
    out.datatype.clear();
    out.lang.clear();
    switch (node.type) {
      case SERD_URI:
      case SERD_CURIE:
        out.kind = Term::Kind::Iri;
        iri(out.value, node);
        return;
      case SERD_BLANK:
        out.kind = Term::Kind::Blank;
        out.value.assign(text_of(node));
        return;
      case SERD_LITERAL:
        out.kind = Term::Kind::Literal;
        out.value.assign(text_of(node));
        return;
      case SERD_NOTHING: break;
    }
    fail("a statement without a term");
  }

  void object(Term& out, const SerdNode& node, const SerdNode* datatype, const SerdNode* lang) {
    term(out, node);
    if (node.type != SERD_LITERAL) return;
    if (lang != nullptr && lang->buf != nullptr) {
      out.lang.assign(text_of(*lang));
      if (!is_language_tag(out.lang))
        fail("the language tag '" + out.lang.substr(0, 60) + (out.lang.size() > 60 ? "..." : "") +
             "' is not a BCP 47 tag of at most " + std::to_string(kMaxLanguageTag) + " characters");
    } else if (datatype != nullptr && datatype->buf != nullptr) {
      check_size(*datatype);
      iri(out.datatype, *datatype);
      if (out.datatype.size() == kXsd.size() + 6 && out.datatype.starts_with(kXsd) && out.datatype.ends_with("string"))
        out.datatype.clear();
    }
  }

  std::string_view text_;
  Format format_;
  std::string where_;
  std::size_t page_;
  std::size_t read_ = 0;  // how many bytes serd has been given
  std::string base_;
  SerdURI base_uri_ = SERD_URI_NULL;  // points into base_
  std::unordered_map<std::string, std::string> prefixes_;
  std::string prefix_;  // the prefix of the CURIE being read
  const TripleSink& sink_;
  const SerdPaging* paging_;
  Triple triple_;
  std::exception_ptr failure_;
};

}  // namespace

void read_with_serd(std::string_view text, Format format, std::string_view base, std::string_view where,
                    const TripleSink& sink, const SerdPaging* paging) {
  try {
    SerdRead(text, format, base, where, 4096, sink, paging).run();
  } catch (const Unplaced&) {
    SerdRead(text, format, base, where, 1, sink, paging).run();  // throws, saying where
  }
}

std::vector<Triple> read_with_serd(std::string_view text, Format format, std::string_view base, std::string_view where) {
  if (format == Format::Turtle) check_turtle_depth(text, where);
  std::vector<Triple> triples;
  triples.reserve(text.size() / 128);  // spares the vector's regrowth, as in RaptorParse
  read_with_serd(text, format, base, where, [&](const Triple& t) { triples.push_back(t); }, nullptr);
  return triples;
}

}  // namespace policykg::rdf
