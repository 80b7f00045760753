#include "rdf/world.hpp"

#include <string>
#include <utility>

#include "rdf/redland.hpp"

namespace policykg::rdf {

namespace {

int on_log(void* user_data, librdf_log_message* message) {
  auto* capture = static_cast<detail::LogCapture*>(user_data);
  if (librdf_log_message_level(message) < LIBRDF_LOG_ERROR) return 1;  // warnings are not failures
  detail::LogEntry entry;
  if (raptor_locator* loc = librdf_log_message_locator(message); loc != nullptr) {
    entry.line = loc->line;
    entry.column = loc->column;
  }
  const char* msg = librdf_log_message_message(message);
  entry.message = msg != nullptr ? msg : "unknown error";
  std::lock_guard guard(capture->mutex);
  if (capture->errors.size() < 20) capture->errors.push_back(std::move(entry));
  return 1;  // handled: librdf prints nothing
}

}  // namespace

World::World() : impl_(std::make_unique<detail::WorldImpl>()) {
  impl_->world = librdf_new_world();
  if (impl_->world == nullptr) throw Error(Error::Category::Internal, "librdf", "cannot create the librdf world");
  librdf_world_set_logger(impl_->world, &impl_->log, on_log);
  librdf_world_open(impl_->world);
}

World::~World() {
  if (impl_ && impl_->world != nullptr) librdf_free_world(impl_->world);
}

World& World::instance() {
  // Never destroyed: a query abandoned after a timeout may still be running inside librdf at exit.
  static World* world = new World;
  return *world;
}

std::vector<detail::LogEntry> take_errors() {
  auto& log = World::instance().impl().log;
  std::lock_guard guard(log.mutex);
  return std::exchange(log.errors, {});
}

std::string take_log() {
  std::string out;
  for (const auto& e : take_errors()) {
    if (!out.empty()) out += "; ";
    if (e.line > 0) out += "line " + std::to_string(e.line) + (e.column > 0 ? ", column " + std::to_string(e.column) : "") + ": ";
    out += e.message;
  }
  return out;
}

void clear_log() { take_errors(); }

NodePtr to_node(const Term& t) {
  // Raptor keeps a language tag's length in a byte: a longer tag would corrupt its heap.
  if (!t.lang.empty() && !is_language_tag(t.lang))
    throw Error(Error::Category::Input, "language tag '" + t.lang.substr(0, 60) + (t.lang.size() > 60 ? "...'" : "'"),
                "not a BCP 47 tag of at most " + std::to_string(kMaxLanguageTag) + " characters");
  auto* w = world_ptr();
  const auto* v = reinterpret_cast<const unsigned char*>(t.value.c_str());
  librdf_node* n = nullptr;
  switch (t.kind) {
    case Term::Kind::Iri: n = librdf_new_node_from_uri_string(w, v); break;
    case Term::Kind::Blank: n = librdf_new_node_from_blank_identifier(w, v); break;
    case Term::Kind::Literal: {
      UriPtr dt;
      if (!t.datatype.empty() && t.lang.empty())
        dt.reset(librdf_new_uri(w, reinterpret_cast<const unsigned char*>(t.datatype.c_str())));
      n = librdf_new_node_from_typed_counted_literal(w, v, t.value.size(),
                                                      t.lang.empty() ? nullptr : t.lang.c_str(),
                                                      t.lang.size(), dt.get());
      break;
    }
  }
  if (n == nullptr) throw Error(Error::Category::Internal, t.to_ntriples(), "librdf cannot make a node of this term");
  return NodePtr(n);
}

Term to_term(librdf_node* node) {
  auto str = [](const unsigned char* s) { return s == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(s)); };
  if (librdf_node_is_resource(node) != 0) return Term::iri(str(librdf_uri_as_string(librdf_node_get_uri(node))));
  if (librdf_node_is_blank(node) != 0) return Term::blank(str(librdf_node_get_blank_identifier(node)));
  size_t len = 0;
  const unsigned char* value = librdf_node_get_literal_value_as_counted_string(node, &len);
  Term t = Term::literal(value == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(value), len));
  if (const char* lang = librdf_node_get_literal_value_language(node); lang != nullptr) t.lang = lang;
  if (librdf_uri* dt = librdf_node_get_literal_value_datatype_uri(node); dt != nullptr) {
    t.datatype = str(librdf_uri_as_string(dt));
    if (t.datatype == std::string(kXsd) + "string") t.datatype.clear();
  }
  return t;
}

StatementPtr to_statement(const Triple& t) {
  auto s = to_node(t.s), p = to_node(t.p), o = to_node(t.o);
  librdf_statement* st = librdf_new_statement_from_nodes(world_ptr(), s.release(), p.release(), o.release());
  if (st == nullptr) throw Error(Error::Category::Internal, "librdf", "cannot make a statement");
  return StatementPtr(st);
}

Triple to_triple(librdf_statement* st) {
  return Triple{to_term(librdf_statement_get_subject(st)), to_term(librdf_statement_get_predicate(st)),
                to_term(librdf_statement_get_object(st))};
}

}  // namespace policykg::rdf
