// The interactive page: web/graph/template.html with its stylesheet, script, Cytoscape.js (and
// the fcose layout) and the graph's Cytoscape JSON inlined, so that the file needs nothing at
// view time; and the pictures of the plan (web/pictures/), with ECharts and the map of Beijing's
// districts inlined, as a page of their own or as tabs of the graph page. The libraries come from
// web/node_modules, installed from web/package-lock.json.
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "export/export.hpp"
#include "ontology/paths.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::exports {

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error(Error::Category::Io, file.string(),
                "missing: the html export needs web/graph/ and web/node_modules (run scripts/install-deps)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Makes script text safe inside <script>…</script>: "</script" (in any case) and "<!--" cannot
// appear literally; "<\/script" and "<\!--" mean the same inside JavaScript strings, regular
// expressions and comments. Only those: "</" alone may close a regular expression (ECharts has
// `.replace(/></g, …)`), where "<\/" would change the code.
std::string script_safe(std::string s) {
  auto closes_script = [&s](std::size_t i) {
    if (s.compare(i, 2, "</") != 0 || i + 8 > s.size()) return false;
    static constexpr std::string_view kScript = "script";
    for (std::size_t k = 0; k < kScript.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(s[i + 2 + k])) != kScript[k]) return false;
    return true;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (closes_script(i)) {
      out += "<\\/";
      ++i;
    } else if (s.compare(i, 4, "<!--") == 0) {
      out += "<\\!--";
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

// JSON for a <script type="application/json"> block: every '<' as \u003c (only strings hold it).
std::string json_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

// Replaces each {{name}} of the template once, in one pass, so inserted text is never rescanned.
std::string fill(const std::string& page, const std::vector<std::pair<std::string, std::string>>& values,
                 const fs::path& where) {
  std::string out;
  out.reserve(page.size() + 1024);
  std::size_t at = 0;
  while (true) {
    auto open = page.find("{{", at);
    if (open == std::string::npos) break;
    auto close = page.find("}}", open);
    if (close == std::string::npos) break;
    std::string name = page.substr(open + 2, close - open - 2);
    const std::string* value = nullptr;
    for (const auto& [k, v] : values)
      if (k == name) value = &v;
    if (!value) throw Error(Error::Category::Internal, where.string(), "unknown placeholder {{" + name + "}}");
    out.append(page, at, open - at);
    out += *value;
    at = close + 2;
  }
  out.append(page, at, std::string::npos);
  return out;
}

// The pieces the pictures add to a page: their tabs, their sections, and their scripts (data,
// boundaries, the parts of ECharts they use as web/pictures/build-echarts.mjs bundles them,
// pictures.js).
struct PicturePieces {
  std::string nav, body, scripts;
};

PicturePieces picture_pieces(const nlohmann::ordered_json& pictures, const fs::path& web) {
  const fs::path modules = web / "node_modules";
  PicturePieces out;
  out.nav = read_text(web / "pictures/nav.html");
  out.body = read_text(web / "pictures/body.html");
  const std::string data = pictures.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  out.scripts = "<script type=\"application/json\" id=\"pictures-data\">" + json_safe(data) +
                "</script>\n<script type=\"application/json\" id=\"pictures-map\">" +
                json_safe(read_text(modules / "echarts/map/json/province/beijing.json")) + "</script>\n<script>\n" +
                script_safe(read_text(modules / ".policykg/echarts.min.js")) + "\n;\n</script>\n<script>\n" +
                script_safe(read_text(web / "pictures/pictures.js")) + "</script>\n";
  return out;
}

}  // namespace

std::string pictures_page(const nlohmann::ordered_json& pictures, const Options& options, std::string_view site_links) {
  const fs::path web = options.web_dir.empty() ? paths::web_dir() : options.web_dir;
  const fs::path template_file = web / "pictures/template.html";
  PicturePieces pieces = picture_pieces(pictures, web);
  return fill(read_text(template_file),
              {{"title", rdf::xml_escaped(options.title)},
               {"style", read_text(web / "graph/graph.css") + read_text(web / "pictures/pictures.css")},
               {"pictures_nav", pieces.nav},
               {"site_links", std::string(site_links)},
               {"pictures_body", pieces.body},
               {"pictures_scripts", pieces.scripts}},
              template_file);
}

std::string graph_page(const nlohmann::ordered_json& cytoscape, const Options& options) {
  const fs::path web = options.web_dir.empty() ? paths::web_dir() : options.web_dir;
  const fs::path modules = web / "node_modules";
  std::string libraries;
  for (const fs::path& lib : {modules / "cytoscape/dist/cytoscape.min.js", modules / "layout-base/layout-base.js",
                              modules / "cose-base/cose-base.js", modules / "cytoscape-fcose/cytoscape-fcose.js"}) {
    libraries += script_safe(read_text(lib));
    libraries += "\n;\n";
  }
  const fs::path template_file = web / "graph/template.html";
  std::string json = cytoscape.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string style = read_text(web / "graph/graph.css");
  PicturePieces pieces;
  if (!options.pictures.is_null()) {
    pieces = picture_pieces(options.pictures, web);
    style += read_text(web / "pictures/pictures.css");
  }
  return fill(read_text(template_file),
              {{"title", rdf::xml_escaped(options.title)},
               {"style", style},
               {"libraries", libraries},
               {"script", script_safe(read_text(web / "graph/graph.js"))},
               {"data", json_safe(json)},
               {"pictures_nav", pieces.nav},
               {"pictures_body", pieces.body},
               {"pictures_scripts", pieces.scripts}},
              template_file);
}

std::string to_html(const query::GraphView& view, const Options& options) {
  return graph_page(to_cytoscape_json(view, options), options);
}

}  // namespace policykg::exports
