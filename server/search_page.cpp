// /search?q=WORDS[&limit=N][&format=json]: the ranked full-text search of query/traversal/text_search.hpp,
// as a page of results linking to the resources' pages and their neighbourhood in the graph
// page, or as JSON (format=json, or Accept: application/json).
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"
#include "query/traversal/text_search.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

constexpr std::size_t kDefaultLimit = 50;
constexpr std::size_t kMaxLimit = 1000;
constexpr std::size_t kMaxQueryBytes = 1000;

std::string form(const std::string& q) {
  return "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><label for=\"q\">Search the "
         "text and the names</label> <input id=\"q\" name=\"q\" type=\"search\" value=\"" +
         html_escape(q) +
         "\" placeholder=\"human resources service institutions\"> <button type=\"submit\">Search</button></form>\n";
}

}  // namespace

void add_search_page(Router& routes, Context& ctx) {
  routes.get("/search", [&ctx](const Request& req, Response& res) {
    const std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
    if (q.size() > kMaxQueryBytes)
      return send_error(res, 400, "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    std::size_t limit = kDefaultLimit;
    if (req.has_param("limit")) {
      try {
        limit = std::stoul(req.get_param_value("limit"));
      } catch (...) {
        return send_error(res, 400, "limit must be a positive integer");
      }
      if (limit == 0 || limit > kMaxLimit)
        return send_error(res, 400, "limit must be between 1 and " + std::to_string(kMaxLimit));
    }
    const std::string format = req.has_param("format") ? req.get_param_value("format") : std::string();
    const bool json = format == "json" || (format.empty() && req.get_header_value("Accept").find("application/json") !=
                                                                 std::string::npos &&
                                           req.get_header_value("Accept").find("text/html") == std::string::npos);
    if (!format.empty() && format != "json" && format != "html")
      return send_error(res, 400, "format must be json or html");
    const auto& view = ctx.view();
    const auto hits = query::search_words(q).empty() ? std::vector<query::SearchHit>{}
                                                      : ctx.text_index().search(q, limit);
    res.set_header("Vary", "Accept");
    if (json) {
      nlohmann::json j = {{"query", q}, {"results", nlohmann::json::array()}};
      for (const auto& h : hits) {
        const auto& node = view.node(h.vertex);
        j["results"].push_back({{"iri", node.iri},
                                {"key", query::key_of(view, h.vertex)},
                                {"label", node.label},
                                {"class", node.cls},
                                {"page", ctx.linker.href(node.iri)},
                                {"words_matched", h.matched},
                                {"phrase", h.phrase},
                                {"score", h.score},
                                {"snippet", h.snippet}});
      }
      res.set_content(j.dump(2) + "\n", "application/json");
      return;
    }
    std::string body = "<h1>Search</h1>\n" + form(q);
    if (!q.empty()) {
      body += "<p class=\"hint\">" + std::to_string(hits.size()) + (hits.size() == limit ? " best" : "") +
              " answers, best first: those with every word, then those with the words side by side, then by "
              "BM25 over labels and text. <a href=\"/search?q=" +
              html_escape(url_encode(q)) + "&amp;format=json\">As JSON</a>.</p>\n<ol class=\"search-results\">\n";
      for (const auto& h : hits) {
        const auto& node = view.node(h.vertex);
        const std::string key = query::key_of(view, h.vertex);
        body += "<li><a href=\"" + html_escape(ctx.linker.href(node.iri)) + "\">" +
                (key.empty() ? std::string() : "<span class=\"key\">" + html_escape(key) + "</span> ") +
                html_escape(node.label) + "</a> <span class=\"class\">" +
                html_escape(query::compact_iri(node.cls, ctx.iris.base())) + "</span> <a class=\"graph-link\" href=\"/graph?focus=" +
                html_escape(url_encode(node.iri)) + "&amp;hops=1\">graph around it</a>";
        if (!h.snippet.empty() && h.snippet != node.label) body += "<p class=\"snippet\">" + html_escape(h.snippet) + "</p>";
        body += "</li>\n";
      }
      body += "</ol>\n";
      if (hits.empty()) body += "<p class=\"note\">Nothing in the graph has these words.</p>\n";
    }
    res.set_content(html_page(q.empty() ? "Search" : "Search: " + q, body), "text/html; charset=utf-8");
  });
}

}  // namespace policykg::server
