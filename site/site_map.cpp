#include "site/site_map.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace policykg::site {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";
// Longest name a file system takes (ext4, XFS, APFS, NTFS: 255 bytes).
constexpr std::size_t kMaxName = 255;

bool kept(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         std::string_view("-._~!()+,;=@").find(static_cast<char>(c)) != std::string_view::npos;
}

void percent(std::string& out, unsigned char c) { out += {'%', kHex[c >> 4], kHex[c & 15]}; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (true) {
    auto slash = path.find('/', at);
    out.push_back(path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at));
    if (slash == std::string_view::npos) return out;
    at = slash + 1;
  }
}

bool is_document_extension(std::string_view ext) {
  return std::find(std::begin(kResourceExtensions), std::end(kResourceExtensions), ext) != std::end(kResourceExtensions);
}

}  // namespace

std::string encode_segment(std::string_view segment, bool folder) {
  // A folder named like a page ("a.html") would stand where the page of "a" is: its last dot is
  // encoded, so that the two never meet.
  std::size_t dot_to_encode = std::string_view::npos;
  if (folder)
    if (auto dot = segment.rfind('.'); dot != std::string_view::npos && is_document_extension(segment.substr(dot + 1)))
      dot_to_encode = dot;
  std::string out;
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const auto c = static_cast<unsigned char>(segment[i]);
    if (!kept(c) || (i == 0 && c == '.') || i == dot_to_encode) percent(out, c);
    else out += static_cast<char>(c);
  }
  return out;
}

std::string decode_segment(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && hex_value(name[i + 1]) >= 0 && hex_value(name[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(name[i + 1]) * 16 + hex_value(name[i + 2]));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

std::string resource_file(std::string_view local_name, std::string_view ext, std::string_view iri) {
  auto parts = segments(local_name);
  std::string out = "id";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parts[i];
    if (part.empty() || part == "." || part == "..")
      throw Error(Error::Category::Input, std::string(iri),
                  "cannot be published as a file: its path has an empty, \".\" or \"..\" segment (a client resolves "
                  "those before asking, so it could never be looked up as written)");
    const bool last = i + 1 == parts.size();
    std::string name = encode_segment(part, !last);
    if (name.size() + (last ? 1 + ext.size() : 0) > kMaxName)
      throw Error(Error::Category::Input, std::string(iri),
                  "cannot be published as a file: a segment of its path is longer than a file name may be (" +
                      std::to_string(kMaxName) + " bytes with its extension)");
    out += "/" + name;
  }
  return out + "." + std::string(ext);
}

std::optional<std::pair<std::string, std::string>> resource_of_file(std::string_view file) {
  if (!file.starts_with("id/")) return std::nullopt;
  auto dot = file.rfind('.');
  auto slash = file.rfind('/');
  if (dot == std::string_view::npos || dot < slash) return std::nullopt;
  std::string ext(file.substr(dot + 1));
  if (!is_document_extension(ext)) return std::nullopt;
  std::string local;
  for (auto part : segments(file.substr(3, dot - 3))) {
    if (part.empty()) return std::nullopt;
    local += (local.empty() ? "" : "/") + decode_segment(part);
  }
  return std::make_pair(local, ext);
}

std::string relative_href(std::string_view from, std::string_view to) {
  std::string out;
  for (char c : from)
    if (c == '/') out += "../";
  for (unsigned char c : to) {
    if (c == '%' || c >= 0x80) percent(out, c);
    else out += static_cast<char>(c);
  }
  return out;
}

std::optional<std::string> SiteMap::file_of(std::string_view path, std::string_view query) const {
  auto format = [query]() -> std::string {  // ?format=EXT of the descriptions
    std::size_t at = 0;
    while (at <= query.size()) {
      auto amp = query.find('&', at);
      auto pair = query.substr(at, amp == std::string_view::npos ? std::string_view::npos : amp - at);
      if (pair.starts_with("format=")) {
        auto ext = pair.substr(7);
        if (ext == "ttl" || ext == "nt" || ext == "jsonld" || ext == "rdf") return std::string(ext);
      }
      if (amp == std::string_view::npos) break;
      at = amp + 1;
    }
    return "html";
  };
  auto resource = [this](std::string_view name, std::string_view ext) -> std::optional<std::string> {
    if (!resources_.contains(std::string(name))) return std::nullopt;
    return resource_file(name, ext, base_ + std::string(name));
  };
  if (path == "/") return "index.html";
  if (path == "/site.css") return "site.css";
  if (path == "/pictures") return "pictures.html";
  if (path == "/graph" && query.empty()) return "graph.html";
  if (path == "/ontology") return "ontology.html";
  for (auto ext : kResourceExtensions)
    if (path == "/ontology." + std::string(ext)) return "ontology." + std::string(ext);
  for (auto ext : {"ttl", "nt", "nq", "rdf", "jsonld"})
    if (path == std::string("/dump.") + ext) return std::string("dump.") + ext;
  if (path == "/.well-known/void" || path == "/id/dataset") return ".well-known/void." + format();
  if (path == "/dcat") return "dcat." + format();
  if (path.starts_with("/id/")) return resource(path.substr(4), "html");
  if (path.starts_with("/page/")) return resource(path.substr(6), "html");
  if (path.starts_with("/data/")) {
    std::string_view name = path.substr(6);
    // as the server reads /data/X.ext: a known extension after the last slash is the format
    if (auto dot = name.rfind('.'); dot != std::string_view::npos && dot > name.rfind('/') + 1) {
      auto ext = name.substr(dot + 1);
      if (ext != "html" && is_document_extension(ext)) return resource(name.substr(0, dot), ext);
    }
    return resource(name, "ttl");
  }
  return std::nullopt;
}

}  // namespace policykg::site
