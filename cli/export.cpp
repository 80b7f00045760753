// policykg export --format graphml|dot|gexf|cytoscape|csv|jsonld|html [--focus ENTITY --hops N]
//   [--class C...] [--predicate P...] [--title T] [-o OUT] [--data FILE...|--store SPEC]
// Without -o the export goes to standard output; csv is two files and needs -o: OUT-nodes.csv and
// OUT-edges.csv (a trailing ".csv" of OUT dropped), or nodes.csv and edges.csv inside OUT when
// OUT is a folder or ends with '/'. Files are written atomically, and checked before any work: a
// regular file or a new name (a symbolic link's target is written), never one of the inputs.
#include <filesystem>
#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "export/export.hpp"
#include "ontology/terms.hpp"
#include "query/entity_resolver.hpp"
#include "query/graph_view.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/error.hpp"
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
  const std::vector<rdf::Triple> triples = load_triples(o.source);
  const std::string base = instance_base(o.source);
  bool filtered = !o.classes.empty() || !o.predicates.empty();
  if (*format == exports::Format::JsonLd && !filtered && o.focus.empty()) {
    write(o.out, rdf::serialize(triples, rdf::Format::JsonLd, base), inputs);  // the whole graph: no view needed
    return;
  }

  exports::Options options;
  options.base = base;
  options.title = o.title.empty() ? "policykg graph" : o.title;
  options.labels = exports::ontology_labels();

  query::ViewOptions filters;
  std::optional<query::GraphView> all;
  if (filtered || !o.focus.empty()) all.emplace(triples);
  if (filtered) {
    query::EntityResolver resolver(*all, base);
    filters.classes = expand_all(resolver, o.classes, "--class");
    filters.predicates = expand_all(resolver, o.predicates, "--predicate");
  }
  query::GraphView view = filtered ? query::GraphView(triples, filters) : all ? std::move(*all) : query::GraphView(triples);
  if (!o.focus.empty()) {
    // The focus is resolved on the whole graph, so that its labels are found even when filtered.
    query::GraphView whole = filtered ? query::GraphView(triples) : view;
    query::EntityResolver resolver(whole, base);
    const query::Node& centre = whole.node(resolver.resolve(o.focus));
    auto v = view.vertex(centre.iri);
    if (!v) throw Error(Error::Category::Input, "--focus " + o.focus, centre.iri + " is outside the --class/--predicate filters");
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
  cmd->add_option("--format", options->format, "graphml, gexf, dot, cytoscape, csv, jsonld or html")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "dot", "cytoscape", "csv", "jsonld", "html"}));
  auto* focus = cmd->add_option("--focus", options->focus, "export only the neighbourhood of this ENTITY");
  cmd->add_option("--hops", options->hops, "radius of the neighbourhood in edges, either direction (default 1)")
      ->needs(focus)
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--class", options->classes, "keep only nodes of these classes (IRIs or prefixed names)");
  cmd->add_option("--predicate", options->predicates, "keep only edges of these predicates (IRIs or prefixed names)");
  cmd->add_option("--title", options->title, "the graph's name in the file (default: policykg graph)");
  cmd->add_option("-o,--output", options->out,
                  "output file (default: standard output); for csv OUT-nodes.csv and OUT-edges.csv, or a folder; "
                  "a symbolic link's target is replaced; never an input file");
  cmd->callback([options] { run_export(*options); });
}

}  // namespace policykg::cli
