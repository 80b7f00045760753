#include "rdf/format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace policykg::rdf {

namespace {
struct FormatInfo {
  Format format;
  std::string_view name, media, ext;
};
constexpr std::array<FormatInfo, 5> kFormats{{
    {Format::Turtle, "turtle", "text/turtle", "ttl"},
    {Format::NTriples, "ntriples", "application/n-triples", "nt"},
    {Format::NQuads, "nquads", "application/n-quads", "nq"},
    {Format::RdfXml, "rdfxml", "application/rdf+xml", "rdf"},
    {Format::JsonLd, "jsonld", "application/ld+json", "jsonld"},
}};

const FormatInfo& info(Format f) {
  return *std::find_if(kFormats.begin(), kFormats.end(), [f](const auto& i) { return i.format == f; });
}
}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "ttl") return Format::Turtle;
  if (n == "nt" || n == "n-triples") return Format::NTriples;
  if (n == "nq" || n == "n-quads") return Format::NQuads;
  if (n == "xml" || n == "rdf" || n == "rdf/xml" || n == "owl") return Format::RdfXml;
  if (n == "json-ld" || n == "json") return Format::JsonLd;
  for (const auto& i : kFormats)
    if (i.name == n) return i.format;
  return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return format_from_name(path.substr(dot + 1));
}

std::string_view format_name(Format f) { return info(f).name; }
std::string_view media_type(Format f) { return info(f).media; }
std::string_view file_extension(Format f) { return info(f).ext; }

}  // namespace policykg::rdf
