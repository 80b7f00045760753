#include "remote/endpoint.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "query/sparql/sparql_parser.hpp"
#include "rdf/parser.hpp"
#include "remote/sparql_results_reader.hpp"

namespace policykg::remote {

namespace {

using Form = query::algebra::Query::Form;

bool is_name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || c == '.' || u >= 0x80;
}

// Whether `text` uses "prefix:" where a prefixed name may start (not inside a longer name). A
// use inside a string or comment only adds a PREFIX line the query does not need.
bool uses_prefix(std::string_view text, std::string_view prefix) {
  const std::string needle = std::string(prefix) + ":";
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    if (at == 0 || (!is_name_char(text[at - 1]) && text[at - 1] != ':' && text[at - 1] != '?' && text[at - 1] != '$'))
      return true;
  return false;
}

std::optional<std::size_t> server_limit(const HttpResponse& res, std::size_t got) {
  const std::string header = res.header("X-SPARQL-MaxRows");
  std::size_t limit = 0;
  auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), limit);
  if (header.empty() || ec != std::errc{} || got < limit) return std::nullopt;
  return limit;
}

// Virtuoso 7 answers ASK in JSON as one row of ?__ASK_RETVAL, 1 or 0: read as the boolean it is.
void virtuoso_boolean(rdf::QueryResult& r) {
  if (r.kind != rdf::QueryResult::Kind::Bindings || r.variables.size() != 1 || ascii_lower(r.variables[0]) != "__ask_retval" ||
      r.rows.size() > 1)
    return;
  const bool yes = !r.rows.empty() && r.rows[0][0] && r.rows[0][0]->value != "0" && r.rows[0][0]->value != "false";
  r = {};
  r.kind = rdf::QueryResult::Kind::Boolean;
  r.boolean = yes;
}

}  // namespace

RemoteQuery prepare_query(std::string_view sparql, const query::QueryOptions& options) {
  query::ParseLimits limits;
  limits.max_depth = options.max_depth;
  const auto parsed = query::parse_sparql(sparql, options.base, limits, options.prefixes);
  RemoteQuery out;
  out.form = parsed.query.form;
  // The query's own declarations, read from its text: a PREFIX line is never written twice.
  static const std::regex declared(R"((?:^|[^A-Za-z0-9_])[Pp][Rr][Ee][Ff][Ii][Xx]\s+([A-Za-z][A-Za-z0-9_.-]*)?\s*:)");
  static const std::regex base_line(R"((?:^|[^A-Za-z0-9_])[Bb][Aa][Ss][Ee]\s*<)");
  std::set<std::string> own;
  const std::string text(sparql);
  for (std::sregex_iterator it(text.begin(), text.end(), declared), end; it != end; ++it) own.insert((*it)[1].str());
  if (!options.base.empty() && !std::regex_search(text, base_line)) out.text += "BASE <" + options.base + ">\n";
  for (const auto& [prefix, iri] : options.prefixes)
    if (!own.count(prefix) && uses_prefix(text, prefix)) out.text += "PREFIX " + prefix + ": <" + iri + ">\n";
  out.text += text;
  return out;
}

Endpoint::Endpoint(EndpointOptions options) : options_(std::move(options)), http_(options_.http) {}

Answer Endpoint::run(const RemoteQuery& query) {
  const bool graph = query.form == Form::Construct || query.form == Form::Describe;
  HttpRequest req;
  req.method = "POST";
  req.url = options_.url;
  req.content_type = "application/x-www-form-urlencoded";
  req.body = "query=" + percent_encode(query.text);
  for (const auto& g : options_.default_graphs) req.body += "&default-graph-uri=" + percent_encode(g);
  req.headers.emplace("Accept", graph ? "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"
                                      : "application/sparql-results+json, application/json;q=0.9");
  HttpResponse res = http_.send(req);
  const std::string where = "POST " + options_.url.to_string();
  Answer answer;
  if (graph) {
    std::optional<rdf::Format> format;
    if (res.content_type == "application/n-triples" || res.content_type == "text/plain") format = rdf::Format::NTriples;
    else if (res.content_type == "text/turtle" || res.content_type == "application/x-turtle") format = rdf::Format::Turtle;
    if (!format)
      throw Error(Error::Category::Input, where,
                  "the answer is " + (res.content_type.empty() ? std::string("untyped") : res.content_type) +
                      ", not N-Triples or Turtle: is this a SPARQL endpoint?");
    answer.result.kind = rdf::QueryResult::Kind::Graph;
    answer.result.triples = rdf::parse_string(res.body, *format, options_.url.to_string(), where);
    std::sort(answer.result.triples.begin(), answer.result.triples.end());
    answer.result.triples.erase(std::unique(answer.result.triples.begin(), answer.result.triples.end()),
                                answer.result.triples.end());
    answer.server_limit = server_limit(res, answer.result.triples.size());
    return answer;
  }
  if (res.content_type != "application/sparql-results+json" && res.content_type != "application/json")
    throw Error(Error::Category::Input, where,
                "the answer is " + (res.content_type.empty() ? std::string("untyped") : res.content_type) +
                    ", not SPARQL JSON results: is this a SPARQL endpoint?");
  answer.result = read_sparql_json(res.body, where);
  if (query.form == Form::Ask) virtuoso_boolean(answer.result);
  const bool boolean = answer.result.kind == rdf::QueryResult::Kind::Boolean;
  if (boolean != (query.form == Form::Ask))
    throw Error(Error::Category::Input, where,
                boolean ? "the endpoint answered a SELECT query with a boolean" : "the endpoint answered an ASK query with rows");
  answer.server_limit = server_limit(res, answer.result.rows.size());
  return answer;
}

namespace {

Error cut_error(const Url& url, std::size_t limit) {
  return Error(Error::Category::Query, url.to_string(),
               "the endpoint cut its answer at " + std::to_string(limit) +
                   " rows (its own limit; on Virtuoso, ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)");
}

}  // namespace

rdf::QueryResult Endpoint::select(std::string_view sparql) {
  RemoteQuery q;
  q.text = std::string(sparql);
  q.form = ascii_lower(sparql.substr(0, sparql.find_first_of(" \n{"))) == "ask" ? Form::Ask : Form::Select;
  Answer a = run(q);
  if (a.server_limit) throw cut_error(options_.url, *a.server_limit);
  return std::move(a.result);
}

std::vector<rdf::Triple> Endpoint::all_triples() {
  Answer a = run({Form::Construct, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"});
  if (a.server_limit) throw cut_error(options_.url, *a.server_limit);
  return std::move(a.result.triples);
}

}  // namespace policykg::remote
