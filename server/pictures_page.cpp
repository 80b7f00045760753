// /pictures: the pictures of the plan (map, responsibility matrix, plan tree, sectors x instrument
// types; see export/plan_pictures.hpp), one self-contained page built once, whose clicks lead to
// the measures' pages (/page/...).
#include <memory>
#include <mutex>

#include "export/export.hpp"
#include "export/plan_pictures.hpp"
#include "server/pictures_page.hpp"
#include "server/representation.hpp"
#include "server/routes.hpp"

namespace policykg::server {

namespace {

struct PicturesPage {
  std::once_flag once;
  std::shared_ptr<const std::string> page;
};

constexpr const char* kSiteLinks =
    "<nav class=\"site-links\"><a href=\"/\">policykg</a> <a href=\"/query\" data-needs-server>query</a> <a href=\"/graph\">graph</a> "
    "<a href=\"/search\" data-needs-server>search</a> <a href=\"/ontology\">ontology</a></nav>";

// Scripts by their hashes, as the graph page; styles inline without hashes, because ECharts
// writes style attributes into its tooltips (a policy with a hash would refuse them).
// The page (about 1 MB, most of it ECharts) goes uncompressed: compressing it for every request
// would cost more than it saves on the networks it is served over (cpp-httplib once compressed it
// with Brotli at its slowest quality, which took 7 s on a 2-core machine).
void send_pictures_page(Response& res, std::shared_ptr<const std::string> page) {
  res.headers.erase("Content-Security-Policy");
  res.set_header("Content-Security-Policy", "default-src 'none'; script-src" + inline_hashes(*page, "script") +
                                                "; style-src 'unsafe-inline'; img-src 'self' data: blob:; "
                                                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  res.set_content(*page, "text/html; charset=utf-8");
  res.compressible = false;
}

}  // namespace

std::string pictures_page(const Context& ctx, const std::string& page_prefix, const std::string& page_suffix) {
  exports::PlanPicturesOptions picturing;
  picturing.labels = &exports::ontology_labels();
  auto data = exports::plan_pictures(ctx.data.triples(), picturing);
  data["links"] = {{"base", ctx.iris.base()}, {"page", page_prefix}};
  if (!page_suffix.empty()) data["links"]["suffix"] = page_suffix;
  exports::Options options;
  options.base = ctx.iris.base();
  options.title = "policykg pictures of the plan";
  options.web_dir = ctx.options.web_dir;
  return exports::pictures_page(data, options, kSiteLinks);
}

void add_pictures_page(Router& routes, Context& ctx) {
  auto pictures = std::make_shared<PicturesPage>();
  routes.get("/pictures", [&ctx, pictures](const Request&, Response& res) {
    std::call_once(pictures->once,
                   [&] { pictures->page = std::make_shared<const std::string>(pictures_page(ctx, "/page/")); });
    send_pictures_page(res, pictures->page);
  });
}

}  // namespace policykg::server
