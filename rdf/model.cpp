#include "rdf/model.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "ontology/terms.hpp"
#include "rdf/parser.hpp"
#include "rdf/redland.hpp"

namespace policykg::rdf {

namespace {

std::string describe_spec(const StoreSpec& spec) {
  switch (spec.kind) {
    case StoreSpec::Kind::Memory: return "store 'memory'";
    case StoreSpec::Kind::Sqlite: return "store 'sqlite:" + spec.location + "'";
    case StoreSpec::Kind::Postgresql: return "store 'postgresql:" + spec.location + "'";
    case StoreSpec::Kind::Virtuoso: return "store 'virtuoso:" + spec.location + "'";
  }
  return "store";
}

// librdf's sqlite store makes a file that is missing, reads freed memory in its error path when
// the file is not a regular one (/dev/null), and ends its statements early, without an error, at
// a damaged page: all three are refused before librdf opens the file.
void check_sqlite_file(const StoreSpec& spec) {
  std::error_code ec;
  const auto status = std::filesystem::status(spec.location, ec);
  if (!std::filesystem::exists(status)) {
    if (spec.create || spec.create_if_missing) return;
    throw Error(Error::Category::Store, describe_spec(spec), "no such store (policykg build --store creates one)");
  }
  if (!std::filesystem::is_regular_file(status)) throw Error(Error::Category::Store, describe_spec(spec), "not a regular file");
  if (spec.create) return;  // made anew
  sqlite3* db = nullptr;
  std::string problem;
  if (sqlite3_open_v2(spec.location.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    problem = db != nullptr ? sqlite3_errmsg(db) : "cannot open it";
  } else {
    sqlite3_stmt* check = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &check, nullptr) != SQLITE_OK) {
      problem = sqlite3_errmsg(db);
    } else {
      const int rc = sqlite3_step(check);
      if (rc != SQLITE_ROW) problem = sqlite3_errmsg(db);
      else if (const auto* row = sqlite3_column_text(check, 0); row == nullptr || std::string_view(reinterpret_cast<const char*>(row)) != "ok")
        problem = row != nullptr ? reinterpret_cast<const char*>(row) : "the integrity check failed";
    }
    sqlite3_finalize(check);
  }
  sqlite3_close(db);
  std::replace(problem.begin(), problem.end(), '\n', ' ');  // quick_check's report has lines
  if (!problem.empty()) throw Error(Error::Category::Store, describe_spec(spec), "damaged or not an SQLite database: " + problem);
}

StoragePtr open_storage(const StoreSpec& spec) {
  auto* w = world_ptr();
  librdf_storage* s = nullptr;
  switch (spec.kind) {
    case StoreSpec::Kind::Memory:
      s = librdf_new_storage(w, "hashes", "policykg", "hash-type='memory',index-predicates='yes'");
      break;
    case StoreSpec::Kind::Sqlite: {
      check_sqlite_file(spec);
      const bool exists = std::filesystem::exists(spec.location);
      std::string options = (exists && !spec.create) ? "new='no'" : "new='yes'";
      s = librdf_new_storage(w, "sqlite", spec.location.c_str(), options.c_str());
      break;
    }
    case StoreSpec::Kind::Postgresql:
    case StoreSpec::Kind::Virtuoso: {
      std::string options = spec.options;
      if (spec.create) options += std::string(options.empty() ? "" : ",") + "new='yes'";
      s = librdf_new_storage(w, spec.kind == StoreSpec::Kind::Postgresql ? "postgresql" : "virtuoso",
                             spec.location.c_str(), options.c_str());
      break;
    }
  }
  if (s == nullptr) {
    std::string log = take_log();
    throw Error(Error::Category::Store, describe_spec(spec),
                "cannot open the store" + (log.empty() ? std::string() : ": " + log));
  }
  return StoragePtr(s);
}

// The predicate node of a (? p ?) pattern, made apart so that tests/lsan.supp can name it.
// librdf's "hashes" store answers (? p ?) from its p2so index, whose iterator,
// librdf_storage_hashes_node_iterator_get_method in src/rdf_storage_hashes.c (librdf 1.0.17, and
// unchanged since), takes a new reference to this node (librdf_new_node_from_node) for each
// statement it returns and overwrites the previous one without freeing it: once two or more
// statements match, the node is never freed. We free the pattern, stream and statements we own.
[[gnu::noinline]] librdf_node* p2so_search_predicate(const Term& p) { return to_node(p).release(); }

librdf_statement* pattern_statement(const Pattern& p) {
  auto node = [](const std::optional<Term>& t) { return t ? to_node(*t).release() : nullptr; };
  librdf_node* predicate = p.p && !p.s && !p.o ? p2so_search_predicate(*p.p) : node(p.p);
  return librdf_new_statement_from_nodes(world_ptr(), node(p.s), predicate, node(p.o));
}

}  // namespace

Model::Model(const StoreSpec& spec) : impl_(std::make_unique<detail::ModelImpl>()) {
  std::lock_guard guard(redland_lock());
  clear_log();
  impl_->where = describe_spec(spec);
  impl_->storage = open_storage(spec);
  impl_->model.reset(librdf_new_model(world_ptr(), impl_->storage.get(), nullptr));
  if (!impl_->model) throw Error(Error::Category::Store, impl_->where, "cannot create a model: " + take_log());
}

Model::~Model() {
  if (impl_) {
    std::lock_guard guard(redland_lock());
    impl_->model.reset();
    impl_->storage.reset();
  }
}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

void Model::add(const Triple& t) {
  std::lock_guard guard(redland_lock());
  auto st = to_statement(t);
  if (librdf_model_add_statement(impl_->model.get(), st.get()) != 0)
    throw Error(Error::Category::Store, impl_->where, "cannot add " + t.s.to_ntriples() + ": " + take_log());
}

void Model::add(const std::vector<Triple>& ts) {
  std::lock_guard guard(redland_lock());
  librdf_model_transaction_start(impl_->model.get());
  for (const auto& t : ts) add(t);
  librdf_model_transaction_commit(impl_->model.get());
  librdf_model_sync(impl_->model.get());
}

bool Model::contains(const Triple& t) const {
  std::lock_guard guard(redland_lock());
  auto st = to_statement(t);
  return librdf_model_contains_statement(impl_->model.get(), st.get()) != 0;
}

std::size_t Model::size() const {
  std::lock_guard guard(redland_lock());
  int n = librdf_model_size(impl_->model.get());
  if (n >= 0) return static_cast<std::size_t>(n);
  std::size_t count = 0;  // some stores cannot count without iterating
  match({}, [&count](const Triple&) { ++count; return true; });
  return count;
}

void Model::match(const Pattern& pattern, const std::function<bool(const Triple&)>& fn) const {
  std::lock_guard guard(redland_lock());
  StatementPtr partial(pattern_statement(pattern));
  StreamPtr stream(librdf_model_find_statements(impl_->model.get(), partial.get()));
  if (!stream) throw Error(Error::Category::Store, impl_->where, "cannot search the store: " + take_log());
  for (; librdf_stream_end(stream.get()) == 0; librdf_stream_next(stream.get())) {
    librdf_statement* st = librdf_stream_get_object(stream.get());
    if (!fn(to_triple(st))) break;
  }
}

std::vector<Triple> Model::find(const Pattern& pattern) const {
  std::vector<Triple> out;
  match(pattern, [&out](const Triple& t) { out.push_back(t); return true; });
  return out;
}

std::vector<Triple> Model::sorted_triples() const {
  auto out = find({});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void Model::load_file(const std::filesystem::path& file, std::optional<Format> format, std::string_view base) {
  RdfFile f = read_rdf_file(file, format, base);
  load_string(f.text, f.format, f.base, file.string());
}

void Model::load_string(std::string_view text, Format format, std::string_view base, std::string_view where) {
  add(parse_string(text, format, base, where));
}

std::string serialize(const Model& model, Format format, std::string_view base, std::string_view graph) {
  return serialize(model.sorted_triples(), format, base, graph);
}

}  // namespace policykg::rdf
