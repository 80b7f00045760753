// policykg validate [FILE] [--data FILE...|--store SPEC] [--shapes FILE] [--format text|json|turtle]
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "core/error.hpp"
#include "ontology/files.hpp"
#include "validate/report_writer.hpp"
#include "validate/validate.hpp"

namespace policykg::cli {

namespace {

struct ValidateOptions {
  GraphSource source;
  std::string file;
  std::string shapes;
  std::string format = "text";
};

void run_validate(ValidateOptions& o) {
  if (!o.file.empty()) o.source.data.insert(o.source.data.begin(), o.file);
  rdf::Model data = load_graph(o.source);

  // The ontology rides along with the shapes: its rdfs:subClassOf axioms let sh:targetClass and
  // sh:class see a pol:Zone as a pol:Place.
  rdf::Model shapes;
  shapes.load_file(o.shapes.empty() ? ontology::shapes_file() : std::filesystem::path(o.shapes));
  shapes.load_file(ontology::ontology_file());

  validate::Report report = validate::validate(data, shapes);
  std::string base = instance_base(o.source);
  if (o.format == "json") std::cout << validate::to_json(report).dump(2) << "\n";
  else if (o.format == "turtle") std::cout << rdf::serialize(validate::to_triples(report), rdf::Format::Turtle, base);
  else std::cout << validate::to_text(report, base);
  std::cout.flush();

  if (!report.conforms) {
    std::string where = o.source.store.empty() ? (o.source.data.empty() ? std::string("data/documents/")
                                                                        : o.source.data.front())
                                               : o.source.store;
    throw Error(Error::Category::Input, where,
                "does not conform to the shapes: " + std::to_string(report.violations.size()) + " results");
  }
}

}  // namespace

void setup_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand("validate", "Check a graph against the ontology's shapes (SHACL)");
  cmd->add_option("FILE", options->file, "RDF file to check (same as --data FILE)")->check(CLI::ExistingFile);
  add_graph_options(*cmd, options->source);
  cmd->add_option("--shapes", options->shapes, "SHACL shapes (default: ontology/shapes.ttl)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", options->format, "text (default), json or turtle (an sh:ValidationReport)")
      ->check(CLI::IsMember({"text", "json", "turtle"}));
  cmd->footer("Exit status: 0 when the graph conforms, 1 when it does not (or cannot be read), 2 on a usage error.");
  cmd->callback([options] { run_validate(*options); });
}

}  // namespace policykg::cli
