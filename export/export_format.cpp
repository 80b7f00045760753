// Format names on the command line and the dispatch from a format to its writer.
#include "core/error.hpp"
#include "export/export.hpp"

namespace policykg::exports {

namespace {

struct Named {
  Format format;
  std::string_view name;
  std::string_view extension;
};

constexpr Named kFormats[] = {
    {Format::GraphMl, "graphml", "graphml"}, {Format::Gexf, "gexf", "gexf"},
    {Format::Dot, "dot", "dot"},             {Format::Cytoscape, "cytoscape", "json"},
    {Format::Csv, "csv", "csv"},             {Format::JsonLd, "jsonld", "jsonld"},
    {Format::Html, "html", "html"},
};

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return {};
}

std::string_view file_extension(Format format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.extension;
  return {};
}

std::string export_graph(const query::GraphView& view, Format format, const Options& options) {
  switch (format) {
    case Format::GraphMl: return to_graphml(view, options);
    case Format::Gexf: return to_gexf(view, options);
    case Format::Dot: return to_dot(view, options);
    case Format::Cytoscape: return to_cytoscape(view, options);
    case Format::Html: return to_html(view, options);
    case Format::Csv:
      throw Error(Error::Category::Usage, "--format csv", "csv is two files (nodes and edges): use to_csv");
    case Format::JsonLd:
      throw Error(Error::Category::Usage, "--format jsonld", "jsonld is RDF: serialise view_triples");
  }
  return {};
}

}  // namespace policykg::exports
