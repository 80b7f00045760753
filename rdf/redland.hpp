// Private to rdf/: the RAII owners of librdf objects and the Term <-> node conversions.
// No header outside rdf/*.cpp includes this one.
#pragma once

#include <redland.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "rdf/format.hpp"
#include "rdf/term.hpp"
#include "rdf/world.hpp"

namespace policykg::rdf {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    if (p != nullptr) Free(p);
  }
};
using NodePtr = std::unique_ptr<librdf_node, Deleter<librdf_free_node>>;
using StatementPtr = std::unique_ptr<librdf_statement, Deleter<librdf_free_statement>>;
using StreamPtr = std::unique_ptr<librdf_stream, Deleter<librdf_free_stream>>;
using StoragePtr = std::unique_ptr<librdf_storage, Deleter<librdf_free_storage>>;
using ModelPtr = std::unique_ptr<librdf_model, Deleter<librdf_free_model>>;
using ParserPtr = std::unique_ptr<librdf_parser, Deleter<librdf_free_parser>>;
using UriPtr = std::unique_ptr<librdf_uri, Deleter<librdf_free_uri>>;
using QueryPtr = std::unique_ptr<librdf_query, Deleter<librdf_free_query>>;
using ResultsPtr = std::unique_ptr<librdf_query_results, Deleter<librdf_free_query_results>>;
using RaptorParserPtr = std::unique_ptr<raptor_parser, Deleter<raptor_free_parser>>;
using RaptorSerializerPtr = std::unique_ptr<raptor_serializer, Deleter<raptor_free_serializer>>;
using RaptorTermPtr = std::unique_ptr<raptor_term, Deleter<raptor_free_term>>;
using RaptorUriPtr = std::unique_ptr<raptor_uri, Deleter<raptor_free_uri>>;

namespace detail {

/// What librdf logged at warning level or above since the last take(); the logger is
/// process-wide, so access is serialised.
struct LogEntry {
  int line = -1;    ///< 1-based, -1 when unknown
  int column = -1;  ///< 1-based, -1 when unknown
  std::string message;
};

struct LogCapture {
  std::mutex mutex;
  std::vector<LogEntry> errors;  ///< error level and above; warnings are dropped
};

struct WorldImpl {
  librdf_world* world = nullptr;
  LogCapture log;
  /// librdf is not thread-safe; every call into it holds this lock.
  std::recursive_mutex lock;
};

struct ModelImpl {
  StoragePtr storage;
  ModelPtr model;
  std::string where;  ///< the store spec, for messages
};

}  // namespace detail

inline librdf_world* world_ptr() { return World::instance().impl().world; }
inline std::recursive_mutex& redland_lock() { return World::instance().impl().lock; }

/// Takes the errors librdf logged since the last call.
std::vector<detail::LogEntry> take_errors();
/// The same, as one line: "line L, column C: message; ...".
std::string take_log();
/// Clears what was logged so that the next take_log() speaks of the next operation only.
void clear_log();

/// The raptor parser of a format (nullptr for JSON-LD, which raptor does not read).
const char* raptor_parser_name(Format f);

/// An RDF file read whole, with its format (given, or from the extension) and base IRI (given,
/// or the file's URI). Throws Error(Usage) for an unknown extension, Error(Io) when unreadable.
struct RdfFile {
  std::string text;
  Format format;
  std::string base;
};
RdfFile read_rdf_file(const std::filesystem::path& file, std::optional<Format> format, std::string_view base);

/// Throws Error(Syntax) at "where:line:column" when a parse returned `rc` != 0 or logged errors
/// (taking them from the log). `stopped_at`, where the parser stopped, places errors logged
/// without a line (libxml's, in RDF/XML).
void check_parsed(int rc, std::string_view where, Format format, const raptor_locator* stopped_at = nullptr);

NodePtr to_node(const Term& t);
Term to_term(librdf_node* node);
StatementPtr to_statement(const Triple& t);
Triple to_triple(librdf_statement* st);

}  // namespace policykg::rdf
