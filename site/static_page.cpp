#include "site/static_page.hpp"

#include <cctype>

#include "core/error.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::site {

namespace {

constexpr std::string_view kNeedsServer = " data-needs-server";

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    auto entity = s.substr(i + 1, semi - i - 1);
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else if (entity.size() > 1 && entity[0] == '#' && std::isdigit(static_cast<unsigned char>(entity[1])))
      out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
    else {
      out += s[i];
      continue;
    }
    i = semi;
  }
  return out;
}

bool starts_tag(std::string_view html, std::size_t at, std::string_view name) {
  if (html.substr(at + 1, name.size()) != name) return false;
  const std::size_t after = at + 1 + name.size();
  return after < html.size() && (html[after] == '>' || std::isspace(static_cast<unsigned char>(html[after])));
}

// The new value of an href or src attribute (unescaped), or nullopt to keep it.
std::optional<std::string> relink(const std::string& value, std::string_view file, const SiteMap& map) {
  std::string link;
  const bool root_relative = value.starts_with("/") && !value.starts_with("//");
  if (root_relative) link = value;
  else if (value == map.site_url()) link = "/";
  else if (value.starts_with(map.site_url() + "/")) link = value.substr(map.site_url().size());
  else return std::nullopt;
  std::string fragment;
  if (auto hash = link.find('#'); hash != std::string::npos) {
    fragment = link.substr(hash);
    link.resize(hash);
  }
  std::string query;
  if (auto mark = link.find('?'); mark != std::string::npos) {
    query = link.substr(mark + 1);
    link.resize(mark);
  }
  if (auto target = map.file_of(link, query)) return relative_href(file, *target) + fragment;
  // An instance the graph only names (a predicate, say): the server answers 404, the site links
  // the IRI itself.
  for (std::string_view prefix : {"/id/", "/page/"})
    if (link.starts_with(prefix) && query.empty()) return map.base() + link.substr(prefix.size()) + fragment;
  // An IRI under the site's URL that names what the site has no file for (the ontology's version
  // IRI, say) stays the IRI the page wrote; a root-relative link is the server's own page.
  if (!root_relative) return std::nullopt;
  throw Error(Error::Category::Internal, std::string(file),
              "links to " + value + ", which the static site has no file for");
}

// The tag's text with its href and src values relinked.
std::string relink_attributes(std::string_view tag, std::string_view file, const SiteMap& map) {
  std::string out;
  std::size_t at = 0;
  while (at < tag.size()) {
    std::size_t next = std::string_view::npos, name_size = 0;
    for (std::string_view name : {" href=\"", " src=\""}) {
      auto found = tag.find(name, at);
      if (found < next) {
        next = found;
        name_size = name.size();
      }
    }
    if (next == std::string_view::npos) break;
    const std::size_t start = next + name_size;
    const std::size_t end = tag.find('"', start);
    if (end == std::string_view::npos) break;
    out += tag.substr(at, start - at);
    const std::string value = unescape(tag.substr(start, end - start));
    if (auto changed = relink(value, file, map)) out += rdf::xml_escaped(*changed, rdf::XmlPlace::Content);
    else out += tag.substr(start, end - start);
    at = end;
  }
  out += tag.substr(at);
  return out;
}

}  // namespace

std::string static_page(std::string_view html, std::string_view file, const SiteMap& map) {
  std::string out;
  out.reserve(html.size());
  std::size_t at = 0;
  while (at < html.size()) {
    const std::size_t open = html.find('<', at);
    if (open == std::string_view::npos) break;
    out += html.substr(at, open - at);
    if (open + 1 >= html.size() || !std::isalpha(static_cast<unsigned char>(html[open + 1]))) {
      out += '<';
      at = open + 1;
      continue;
    }
    const std::size_t close = html.find('>', open);
    if (close == std::string_view::npos) break;
    const std::string_view tag = html.substr(open, close + 1 - open);
    std::size_t name_end = 1;
    while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) ++name_end;
    const std::string name(tag.substr(1, name_end - 1));
    if (tag.find(kNeedsServer) != std::string_view::npos) {
      const std::string end_tag = "</" + name + ">";
      const std::size_t end = html.find(end_tag, close);
      if (end == std::string_view::npos)
        throw Error(Error::Category::Internal, std::string(file), "a <" + name + " data-needs-server> is not closed");
      at = end + end_tag.size();
      if (at < html.size() && html[at] == ' ') ++at;  // the space that separated it from the next link
      continue;
    }
    out += relink_attributes(tag, file, map);
    at = close + 1;
    if (starts_tag(html, open, "script") || starts_tag(html, open, "style")) {
      const std::string end_tag = "</" + name + ">";
      const std::size_t end = html.find(end_tag, at);
      const std::size_t stop = end == std::string_view::npos ? html.size() : end;
      out += html.substr(at, stop - at);
      at = stop;
    }
  }
  out += html.substr(at);
  return out;
}

}  // namespace policykg::site
