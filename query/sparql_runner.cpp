// query::run on Rasqal: refuses what is unsafe (SERVICE, FROM, updates) and what Rasqal 0.9.33
// would answer wrongly or not at all (MINUS, EXISTS, DESCRIBE), then runs the query with a
// timeout and a row limit.
#include <cctype>
#include <future>
#include <memory>
#include <thread>

#include "query/sparql.hpp"
#include "rdf/error.hpp"

namespace policykg::query {

namespace {

struct Keyword {
  std::string word;
  int line;
  int column;
};

// The bare words of a query (no prefixed names, variables, strings, IRIs or comments), upper-cased,
// with their places.
std::vector<Keyword> bare_words(std::string_view q) {
  std::vector<Keyword> out;
  int line = 1, column = 1;
  auto advance = [&](std::size_t& i) {
    if (q[i] == '\n') { ++line; column = 1; } else { ++column; }
    ++i;
  };
  for (std::size_t i = 0; i < q.size();) {
    char c = q[i];
    if (c == '#') {
      while (i < q.size() && q[i] != '\n') advance(i);
    } else if (c == '"' || c == '\'') {
      bool triple = q.substr(i, 3) == std::string(3, c);
      std::size_t quote_len = triple ? 3 : 1;
      for (std::size_t k = 0; k < quote_len; ++k) advance(i);
      while (i < q.size()) {
        if (q[i] == '\\') { advance(i); if (i < q.size()) advance(i); continue; }
        if (q.substr(i, quote_len) == std::string(quote_len, c)) { for (std::size_t k = 0; k < quote_len; ++k) advance(i); break; }
        if (!triple && q[i] == '\n') break;
        advance(i);
      }
    } else if (c == '<') {
      std::size_t end = q.find_first_of(">  \t\n", i + 1);
      if (end != std::string_view::npos && q[end] == '>') { while (i <= end) advance(i); }
      else advance(i);
    } else if (c == '?' || c == '$' || c == '_' || std::isalpha(static_cast<unsigned char>(c)) != 0) {
      int l = line, col = column;
      std::size_t start = i;
      while (i < q.size() && (std::isalnum(static_cast<unsigned char>(q[i])) != 0 || q[i] == '_' || q[i] == '-' ||
                              q[i] == ':' || q[i] == '.' || q[i] == '?' || q[i] == '$' || static_cast<unsigned char>(q[i]) >= 0x80))
        advance(i);
      std::string word(q.substr(start, i - start));
      while (!word.empty() && word.back() == '.') word.pop_back();
      if (word.find_first_of(":?$") == std::string::npos && !word.starts_with("_")) {
        for (auto& ch : word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out.push_back({word, l, col});
      }
    } else {
      advance(i);
    }
  }
  return out;
}

[[noreturn]] void refuse(const Keyword& k, const std::string& why) {
  throw Error(Error::Category::Input, "query:" + std::to_string(k.line) + ":" + std::to_string(k.column), why);
}

void check_supported(std::string_view sparql) {
  for (const auto& k : bare_words(sparql)) {
    if (k.word == "SERVICE") refuse(k, "SERVICE is refused: policykg queries only the loaded data");
    if (k.word == "FROM") refuse(k, "FROM and FROM NAMED are refused: policykg queries only the loaded data");
    for (const char* update : {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
      if (k.word == update) refuse(k, "SPARQL Update (" + k.word + ") is refused: the graph is read-only");
    for (const char* unsupported : {"MINUS", "EXISTS", "DESCRIBE"})
      if (k.word == unsupported) refuse(k, k.word + " is not supported by the Rasqal-backed engine yet");
  }
}

}  // namespace

Results run(const rdf::Model& model, std::string_view sparql, const QueryOptions& options) {
  check_supported(sparql);
  auto task = std::make_shared<std::packaged_task<rdf::QueryResult()>>(
      [&model, text = std::string(sparql), base = options.base] { return rdf::run_rasqal(model, text, base); });
  auto future = task->get_future();
  if (options.timeout.count() > 0) {
    // Rasqal cannot be interrupted: on a timeout the query is abandoned to finish on its own thread.
    std::thread([task] { (*task)(); }).detach();
    if (future.wait_for(options.timeout) != std::future_status::ready)
      throw Error(Error::Category::Query, "query", "timed out after " + std::to_string(options.timeout.count()) + " ms");
  } else {
    (*task)();
  }
  Results results;
  static_cast<rdf::QueryResult&>(results) = future.get();
  if (options.limit > 0 && results.rows.size() > options.limit) {
    results.rows.resize(options.limit);
    results.truncated = true;
  }
  if (options.limit > 0 && results.triples.size() > options.limit) {
    results.triples.resize(options.limit);
    results.truncated = true;
  }
  return results;
}

}  // namespace policykg::query
