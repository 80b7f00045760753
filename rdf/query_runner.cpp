#include "rdf/query_runner.hpp"

#include "rdf/redland.hpp"

namespace policykg::rdf {

namespace {
// Rasqal speaks of "line N, column M"-less messages for some errors; keep whatever it said.
std::string or_default(std::string log, const char* fallback) { return log.empty() ? fallback : log; }
}  // namespace

QueryResult run_rasqal(const Model& model, std::string_view sparql, std::string_view base) {
  std::lock_guard guard(redland_lock());
  clear_log();
  std::string text(sparql);
  UriPtr base_uri;
  if (!base.empty()) {
    std::string b(base);
    base_uri.reset(librdf_new_uri(world_ptr(), reinterpret_cast<const unsigned char*>(b.c_str())));
  }
  QueryPtr query(librdf_new_query(world_ptr(), "sparql", nullptr,
                                  reinterpret_cast<const unsigned char*>(text.c_str()), base_uri.get()));
  if (!query) throw Error(Error::Category::Syntax, "query", or_default(take_log(), "the query cannot be parsed"));
  std::string parse_log = take_log();
  if (!parse_log.empty()) throw Error(Error::Category::Syntax, "query", parse_log);

  ResultsPtr results(librdf_model_query_execute(model.impl().model.get(), query.get()));
  if (!results) {
    // Rasqal parses when the query is first executed: errors with a line are syntax errors.
    auto errors = take_errors();
    if (!errors.empty() && errors.front().line > 0) {
      const auto& e = errors.front();
      std::string place = "query:" + std::to_string(e.line) + (e.column > 0 ? ":" + std::to_string(e.column) : "");
      throw Error(Error::Category::Syntax, place, e.message);
    }
    throw Error(Error::Category::Query, "query", errors.empty() ? "the query failed" : errors.front().message);
  }

  QueryResult out;
  if (librdf_query_results_is_boolean(results.get()) != 0) {
    out.kind = QueryResult::Kind::Boolean;
    int b = librdf_query_results_get_boolean(results.get());
    if (b < 0) throw Error(Error::Category::Query, "query", or_default(take_log(), "the query failed"));
    out.boolean = b > 0;
  } else if (librdf_query_results_is_graph(results.get()) != 0) {
    out.kind = QueryResult::Kind::Graph;
    StreamPtr stream(librdf_query_results_as_stream(results.get()));
    if (stream) {
      for (; librdf_stream_end(stream.get()) == 0; librdf_stream_next(stream.get()))
        out.triples.push_back(to_triple(librdf_stream_get_object(stream.get())));
    }
  } else {
    out.kind = QueryResult::Kind::Bindings;
    int count = librdf_query_results_get_bindings_count(results.get());
    for (int i = 0; i < count; ++i) {
      const char* name = librdf_query_results_get_binding_name(results.get(), i);
      out.variables.emplace_back(name != nullptr ? name : "");
    }
    while (librdf_query_results_finished(results.get()) == 0) {
      std::vector<std::optional<Term>> row(static_cast<std::size_t>(count));
      for (int i = 0; i < count; ++i) {
        NodePtr node(librdf_query_results_get_binding_value(results.get(), i));
        if (node) row[static_cast<std::size_t>(i)] = to_term(node.get());
      }
      out.rows.push_back(std::move(row));
      if (librdf_query_results_next(results.get()) != 0) break;
    }
  }
  std::string log = take_log();
  if (!log.empty()) throw Error(Error::Category::Query, "query", log);
  return out;
}

}  // namespace policykg::rdf
