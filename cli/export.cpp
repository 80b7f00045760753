// policykg export --format graphml|dot|gexf|cytoscape|csv|jsonld|html [--focus ENTITY --hops N]
//   [--class C...] [--predicate P...|--all-predicates] [--drop-isolated] [--gexf-version V]
//   [--title T] [-o OUT] [--data FILE...|--store SPEC|--endpoint URL]
// Pictures (graphml, gexf, dot, cytoscape, html) draw by default the predicates of
// exports::picture_predicates(), with typology and source documents as node attributes and no
// isolated node; csv and jsonld keep every predicate. html adds the pictures of the plan of the
// whole graph (map, responsibility matrix, plan tree, typology) as tabs beside the drawing.
// Without -o the export goes to standard output; csv is two files and needs -o: OUT-nodes.csv and
// OUT-edges.csv (a trailing ".csv" of OUT dropped), or nodes.csv and edges.csv inside OUT when
// OUT is a folder or ends with '/'. Files are written atomically, and checked before any work: a
// regular file or a new name (a symbolic link's target is written), never one of the inputs.
// With --endpoint the whole default graph of the endpoint is fetched first (one CONSTRUCT query).
#include <filesystem>
#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "export/export.hpp"
#include "export/plan_pictures.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/model.hpp"

namespace policykg::cli {

namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  GraphSource source;
  std::string format;
  std::string focus;
  std::size_t hops = 1;
  std::vector<std::string> classes, predicates;
  bool all_predicates = false;
  bool drop_isolated = false;
  std::string gexf_version = "1.2draft";
  std::string title;
  std::string out;
};

// IRIs of --class/--predicate values: IRIs, prefixed names, or bare pol: local names.
std::set<std::string> expand_all(const query::EntityResolver& resolver, const std::vector<std::string>& names,
                                 const std::string& option) {
  std::set<std::string> out;
  for (const auto& name : names) {
    std::string iri = resolver.expand(name);
    if (iri.empty() && !name.empty() && name.find_first_of(" :/#") == std::string::npos) iri = ns::pol(name);
    if (iri.empty()) throw Error(Error::Category::Usage, option + " " + name, "give an IRI or a prefixed name");
    out.insert(iri);
  }
  return out;
}

bool to_stdout(const std::string& out) { return out.empty() || out == "-"; }

// The nodes and edges files of a csv export to `out`.
std::pair<fs::path, fs::path> csv_files(const std::string& out) {
  if (to_stdout(out))
    throw Error(Error::Category::Usage, "--format csv", "csv writes two files (nodes and edges): give -o OUT");
  if (out.back() == '/' || fs::is_directory(out)) return {fs::path(out) / "nodes.csv", fs::path(out) / "edges.csv"};
  std::string stem = out.ends_with(".csv") ? out.substr(0, out.size() - 4) : out;
  return {stem + "-nodes.csv", stem + "-edges.csv"};
}

void write(const std::string& out, const std::string& content, const std::vector<fs::path>& inputs) {
  if (to_stdout(out)) std::cout << content;
  else rdf::write_file_atomically(out, content, inputs);
}

void write_csv(const std::string& out, const exports::CsvFiles& files, const std::vector<fs::path>& inputs) {
  auto [nodes, edges] = csv_files(out);
  if (out.back() == '/' || fs::is_directory(out)) fs::create_directories(out);
  rdf::write_file_atomically(nodes, files.nodes, inputs);
  rdf::write_file_atomically(edges, files.edges, inputs);
}

void run_export(const ExportOptions& o) {
  auto format = exports::format_from_name(o.format);
  if (!format) throw Error(Error::Category::Usage, "--format " + o.format, "unknown export format");
  // The output is checked before the graph is read: never an input, a folder, a device or a FIFO.
  const std::vector<fs::path> inputs = input_files(o.source);
  if (*format == exports::Format::Csv) {
    auto [nodes, edges] = csv_files(o.out);
    rdf::check_output_path(nodes, inputs);
    rdf::check_output_path(edges, inputs);
  } else if (!to_stdout(o.out)) {
    rdf::check_output_path(o.out, inputs);
  }
  auto gexf_version = exports::gexf_version_from_name(o.gexf_version);
  if (!gexf_version) throw Error(Error::Category::Usage, "--gexf-version " + o.gexf_version, "give 1.2draft or 1.3");
  const std::vector<rdf::Triple> triples = load_triples(o.source);
  const std::string base = instance_base(o.source);
  const bool picture = *format != exports::Format::Csv && *format != exports::Format::JsonLd;
  // The default picture: chosen predicates, links of typology as attributes, no isolated node.
  const bool default_picture = picture && o.predicates.empty() && !o.all_predicates;
  bool filtered = !o.classes.empty() || !o.predicates.empty() || default_picture;
  if (*format == exports::Format::JsonLd && !filtered && o.focus.empty() && !o.drop_isolated) {
    write(o.out, rdf::serialize(triples, rdf::Format::JsonLd, base), inputs);  // the whole graph: no view needed
    return;
  }

  exports::Options options;
  options.base = base;
  options.title = o.title.empty() ? "policykg graph" : o.title;
  options.labels = exports::ontology_labels();
  options.gexf_version = *gexf_version;
  if (*format == exports::Format::Html) {
    // The pictures of the plan, as tabs of the page: always of the whole graph read.
    exports::PlanPicturesOptions picturing;
    picturing.labels = &options.labels;
    options.pictures = exports::plan_pictures(triples, picturing);
  }

  std::vector<rdf::Triple> drawn;
  if (picture) {
    exports::PictureOptions picturing;
    picturing.links_as_attributes = default_picture;
    picturing.labels = &options.labels;
    picturing.schemes = &exports::ontology_concept_schemes();
    drawn = exports::picture_triples(triples, picturing);
  }
  const std::vector<rdf::Triple>& shown = picture ? drawn : triples;

  query::ViewOptions filters;
  std::optional<query::GraphView> all;
  if (filtered || !o.focus.empty()) all.emplace(shown);
  if (filtered) {
    query::EntityResolver resolver(*all, base);
    filters.classes = expand_all(resolver, o.classes, "--class");
    filters.predicates = expand_all(resolver, o.predicates, "--predicate");
    if (default_picture) filters.predicates.insert(exports::picture_predicates().begin(), exports::picture_predicates().end());
  }
  query::GraphView view = filtered ? query::GraphView(shown, filters) : all ? std::move(*all) : query::GraphView(shown);
  if (o.drop_isolated || default_picture) view = exports::without_isolated(view);
  if (!o.focus.empty()) {
    // The focus is resolved on the whole graph, so that its labels are found even when filtered.
    query::GraphView whole = filtered ? query::GraphView(shown) : view;
    query::EntityResolver resolver(whole, base);
    const query::Node& centre = whole.node(resolver.resolve(o.focus));
    auto v = view.vertex(centre.iri);
    if (!v)
      throw Error(Error::Category::Input, "--focus " + o.focus,
                  centre.iri + (default_picture ? " is not drawn by the default predicates: give --all-predicates or --predicate"
                                                : " is outside the --class/--predicate filters"));
    if (o.title.empty())
      options.title = centre.label + " within " + std::to_string(o.hops) + (o.hops == 1 ? " hop" : " hops");
    view = query::neighbourhood(view, *v, o.hops);
  }

  switch (*format) {
    case exports::Format::Csv: write_csv(o.out, exports::to_csv(view, options), inputs); break;
    case exports::Format::JsonLd:
      write(o.out, rdf::serialize(exports::view_triples(triples, view), rdf::Format::JsonLd, base), inputs);
      break;
    default: write(o.out, exports::export_graph(view, *format, options), inputs);
  }
}

}  // namespace

void setup_export(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Export the graph for visualisation tools");
  add_graph_options(*cmd, options->source);
  add_endpoint_options(*cmd, options->source, true);
  cmd->add_option("--format", options->format, "graphml, gexf, dot, cytoscape, csv, jsonld or html")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "dot", "cytoscape", "csv", "jsonld", "html"}));
  auto* focus = cmd->add_option("--focus", options->focus, "export only the neighbourhood of this ENTITY");
  cmd->add_option("--hops", options->hops, "radius of the neighbourhood in edges, either direction (default 1)")
      ->needs(focus)
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--class", options->classes, "keep only nodes of these classes (IRIs or prefixed names)");
  auto* predicate = cmd->add_option("--predicate", options->predicates,
                                    "keep only edges of these predicates (IRIs or prefixed names)");
  cmd->add_flag("--all-predicates", options->all_predicates,
                "draw every predicate as edges (pictures otherwise draw structure, responsibility, place, dependency "
                "and citation, with sector, instrument type and source document as node attributes)")
      ->excludes(predicate);
  cmd->add_flag("--drop-isolated", options->drop_isolated,
                "leave out nodes no drawn edge touches (always so for the default picture)");
  cmd->add_option("--gexf-version", options->gexf_version,
                  "GEXF 1.2draft (default: Gephi and NetworkX from 2.8 read it) or 1.3 (Gephi 0.10, NetworkX from 3.0)")
      ->capture_default_str()
      ->check(CLI::IsMember({"1.2draft", "1.3"}));
  cmd->add_option("--title", options->title, "the graph's name in the file (default: policykg graph)");
  cmd->add_option("-o,--output", options->out,
                  "output file (default: standard output); for csv OUT-nodes.csv and OUT-edges.csv, or a folder; "
                  "a symbolic link's target is replaced; never an input file");
  cmd->callback([options] { run_export(*options); });
}

}  // namespace policykg::cli
