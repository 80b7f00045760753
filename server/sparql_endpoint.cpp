// The SPARQL 1.1 Protocol at /sparql: queries by GET ?query=, POST form and POST
// application/sparql-query; updates refused with 403; without a query, the service description.
// Queries may use the predefined prefixes (query/prefixes.hpp) undeclared; the result format is
// chosen by format= or output= when given (as Fuseki does), else by Accept.
#include <cctype>
#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "query/prefixes.hpp"
#include "query/sparql/sparql.hpp"
#include "server/content_negotiation.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"
#include "server/service_description.hpp"

namespace policykg::server {

namespace {

// Result formats by media type, in the server's order of preference.
struct ResultOffer {
  std::string_view media;
  query::ResultFormat format;
};
constexpr ResultOffer kBindingOffers[] = {
    {"application/sparql-results+json", query::ResultFormat::Json},
    {"application/json", query::ResultFormat::Json},
    {"application/sparql-results+xml", query::ResultFormat::Xml},
    {"application/xml", query::ResultFormat::Xml},
    {"text/xml", query::ResultFormat::Xml},
    {"text/csv", query::ResultFormat::Csv},
    {"text/tab-separated-values", query::ResultFormat::Tsv},
};
struct GraphOffer {
  std::string_view media;
  rdf::Format format;
};
constexpr GraphOffer kGraphOffers[] = {
    {"text/turtle", rdf::Format::Turtle},          {"application/x-turtle", rdf::Format::Turtle},
    {"application/n-triples", rdf::Format::NTriples}, {"text/plain", rdf::Format::NTriples},
    {"application/ld+json", rdf::Format::JsonLd},  {"application/rdf+xml", rdf::Format::RdfXml},
    {"application/xml", rdf::Format::RdfXml},
};

// A query that ran this long or answered this much has likely left freed memory in the heap.
constexpr std::chrono::milliseconds kLargeQueryTime{1000};
constexpr std::size_t kLargeResultBytes = 8 << 20;

const char* kBindingTypes = "application/sparql-results+json, application/sparql-results+xml, text/csv, "
                            "text/tab-separated-values";
const char* kGraphTypes = "text/turtle, application/n-triples, application/ld+json, application/rdf+xml";

// The media type a format= or output= parameter names (as Fuseki reads them): a short name, whose
// meaning depends on the result kind for json and xml, or a media type itself; "" when unknown.
std::string format_parameter_type(std::string_view value, bool graph) {
  std::string v(value);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.find('/') != std::string::npos) return v;
  if (v == "json") return graph ? "application/ld+json" : "application/sparql-results+json";
  if (v == "xml") return graph ? "application/rdf+xml" : "application/sparql-results+xml";
  if (v == "csv") return "text/csv";
  if (v == "tsv") return "text/tab-separated-values";
  if (v == "turtle" || v == "ttl") return "text/turtle";
  if (v == "ntriples" || v == "n-triples" || v == "nt") return "application/n-triples";
  if (v == "jsonld" || v == "json-ld") return "application/ld+json";
  if (v == "rdfxml" || v == "rdf") return "application/rdf+xml";
  return {};
}

// The format= (else output=) parameter of the request, if any.
std::optional<std::string> format_parameter(const Request& req) {
  for (const char* name : {"format", "output"})
    if (req.has_param(name)) return req.get_param_value(name);
  return std::nullopt;
}

// The offer (a result or graph format by media type) that Accept prefers, or null for none.
template <class Offer, std::size_t N>
const Offer* negotiate_offer(const Offer (&offers)[N], std::string_view accept) {
  std::vector<std::string_view> media;
  for (const auto& o : offers) media.push_back(o.media);
  auto chosen = negotiate(accept, media);
  return chosen ? &offers[*chosen] : nullptr;
}

bool accepts_any_result(std::string_view accept) {
  return negotiate_offer(kBindingOffers, accept) || negotiate_offer(kGraphOffers, accept);
}

std::string strip_parameters(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

void mark_truncated(Response& res, std::size_t limit) {
  res.set_header("X-PolicyKG-Truncated", "true");
  res.set_header("X-PolicyKG-Row-Limit", std::to_string(limit));
}

void write_bindings(Response& res, const query::Results& results, std::string_view accept,
                    const Context& ctx) {
  const ResultOffer* chosen = negotiate_offer(kBindingOffers, accept);
  if (!chosen) return send_not_acceptable(res, kBindingTypes);
  const auto& offer = *chosen;
  std::string body;
  try {
    body = query::write_results(results, offer.format, ctx.iris.base());
  } catch (const Error& e) {
    // e.g. CSV for an ASK result: the format cannot carry it.
    if (e.category() == Error::Category::Usage) return send_not_acceptable(res, kBindingTypes);
    throw;
  }
  if (results.truncated && offer.format == query::ResultFormat::Json) {
    auto doc = nlohmann::ordered_json::parse(body);
    doc["truncated"] = true;
    doc["limit"] = ctx.options.max_rows;
    body = doc.dump(2) + "\n";
  }
  std::string type(offer.media);
  if (offer.format == query::ResultFormat::Csv || offer.format == query::ResultFormat::Tsv) type += "; charset=utf-8";
  res.set_content(body, type);
}

void write_graph(Response& res, const query::Results& results, std::string_view accept,
                 const Context& ctx) {
  const GraphOffer* chosen = negotiate_offer(kGraphOffers, accept);
  if (!chosen) return send_not_acceptable(res, kGraphTypes);
  const auto& offer = *chosen;
  std::string body = rdf::serialize(results.triples, offer.format, ctx.iris.base());
  if (results.truncated && offer.format == rdf::Format::Turtle)
    body = "# truncated: the first " + std::to_string(ctx.options.max_rows) + " triples\n" + body;
  std::string type(offer.media);
  if (offer.format == rdf::Format::Turtle || offer.format == rdf::Format::NTriples) type += "; charset=utf-8";
  res.set_content(body, type);
}

void run_query(const Request& req, Response& res, Context& ctx, const std::string& sparql) {
  // format= or output= wins over Accept, so that a plain URL can ask for CSV.
  const std::optional<std::string> format = format_parameter(req);
  if (format && format_parameter_type(*format, false).empty())
    return send_error(res, 400, "unknown format '" + *format +
                                    "': json, xml, csv, tsv (SELECT, ASK); turtle, ntriples, jsonld, rdfxml "
                                    "(CONSTRUCT, DESCRIBE); or a media type");
  const std::string accept = format ? format_parameter_type(*format, false) : req.get_header_value("Accept");
  if (!format && !accepts_any_result(accept))
    return send_not_acceptable(res, std::string(kBindingTypes) + ", " + kGraphTypes);
  if (req.has_param("default-graph-uri") || req.has_param("named-graph-uri"))
    return send_error(res, 400, "default-graph-uri and named-graph-uri are not supported: the endpoint serves one graph");

  // A query waits for its turn at most as long as it may run.
  auto wait = ctx.options.timeout.count() > 0 ? ctx.options.timeout : std::chrono::milliseconds(30000);
  switch (ctx.queries.enter(req.remote_addr, std::chrono::steady_clock::now() + wait)) {
    case QueryQueue::Admission::Run: break;
    case QueryQueue::Admission::Full:
      res.set_header("Retry-After", "5");
      return send_error(res, 503, "Service Unavailable: too many queries running and waiting; retry later");
    case QueryQueue::Admission::TimedOut:
      res.set_header("Retry-After", "5");
      return send_error(res, 503, "Service Unavailable: the query waited too long for its turn; retry later");
  }
  struct Leave {
    QueryQueue& queue;
    const std::string& client;
    ~Leave() { queue.leave(client); }
  } leave{ctx.queries, req.remote_addr};

  query::QueryOptions options;
  options.timeout = ctx.options.timeout;
  options.limit = ctx.options.max_rows;
  options.max_memory = ctx.options.max_memory;
  options.prefixes = query::predefined_prefix_map(ctx.iris.base());
  query::Results results;
  const auto started = std::chrono::steady_clock::now();
  try {
    results = query::run(ctx.dataset, sparql, options);
  } catch (const Error& e) {
    // A failed evaluation may have grown the heap a lot before it stopped: give it back.
    res.release_memory = true;
    switch (e.category()) {
      case Error::Category::Syntax:
      case Error::Category::Usage:
      case Error::Category::Input: return send_error(res, 400, e.describe());
      case Error::Category::Query:
        // a query past its timeout or its memory budget: the server is fine, the query too big
        if (std::string_view(e.what()).find("timed out") != std::string_view::npos ||
            std::string_view(e.what()).find("of memory (--max-memory)") != std::string_view::npos)
          return send_error(res, 503, e.describe());
        return send_error(res, 500, e.describe());
      default: return send_error(res, 500, e.describe());
    }
  }
  if (std::chrono::steady_clock::now() - started >= kLargeQueryTime) res.release_memory = true;
  if (results.truncated) mark_truncated(res, ctx.options.max_rows);
  res.set_header("Vary", "Accept");
  if (results.kind == rdf::QueryResult::Kind::Graph)
    write_graph(res, results, format ? format_parameter_type(*format, true) : accept, ctx);
  else
    write_bindings(res, results, accept, ctx);
  if (res.body.size() >= kLargeResultBytes) res.release_memory = true;
}

void refuse_update(Response& res) {
  send_error(res, 403, "Forbidden: this endpoint is read-only; SPARQL Update is not accepted");
}

void describe_service(const Request& req, Response& res, Context& ctx) {
  auto rep = choose_representation(req, /*with_html=*/true);
  res.set_header("Vary", "Accept");
  if (!rep) return send_not_acceptable(res, kGraphTypes);
  if (rep->html) {
    // Browsers asking for the endpoint itself get the query page.
    res.set_redirect("/query", 303);
    return;
  }
  send_triples(res, service_description(ctx, origin(req)), rep->format, ctx.iris.base());
}

}  // namespace

void add_sparql_endpoint(Router& routes, Context& ctx) {
  routes.get("/sparql", [&ctx](const Request& req, Response& res) {
    if (req.has_param("update")) return refuse_update(res);
    if (req.has_param("query")) return run_query(req, res, ctx, req.get_param_value("query"));
    describe_service(req, res, ctx);
  });
  routes.post("/sparql", [&ctx](const Request& req, Response& res) {
    const std::string type = strip_parameters(req.get_header_value("Content-Type"));
    if (type == "application/sparql-update") return refuse_update(res);
    if (type == "application/sparql-query") return run_query(req, res, ctx, req.body);
    if (type == "application/x-www-form-urlencoded") {
      if (req.has_param("update")) return refuse_update(res);
      if (req.has_param("query")) return run_query(req, res, ctx, req.get_param_value("query"));
      return send_error(res, 400, "the form has neither a query nor an update field");
    }
    send_error(res, 415,
               "Unsupported Media Type: POST application/sparql-query or application/x-www-form-urlencoded");
  });
}

}  // namespace policykg::server
