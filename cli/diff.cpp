// policykg diff OLD NEW [--data FILE...|--store SPEC] [--format text|json|html] [-o OUT] [--record FILE]
// Compares two documents of one graph (by IRI, identifier or title), or two versions of one text
// file (each built in memory): which units are unchanged, revised, moved, added or removed, the
// words that changed and the facts that changed (diff/README.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/graph_source.hpp"
#include "cli/traversal_input.hpp"
#include "core/error.hpp"
#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/format.hpp"
#include "rdf/serializer.hpp"

namespace policykg::cli {

namespace {

namespace fs = std::filesystem;

struct DiffOptions {
  GraphSource source;
  std::string old_version, new_version;
  std::string format = "text";
  std::string output;
  std::string record;
  double threshold = diff::Options{}.threshold;
};

bool is_file(const std::string& arg) {
  std::error_code ec;
  return fs::is_regular_file(arg, ec);
}

// A text file named on the command line that is not there: said as such rather than as an
// unknown entity.
void check_text_argument(const std::string& arg) {
  std::error_code ec;
  if (arg.ends_with(".txt") && !fs::exists(arg, ec)) throw Error(Error::Category::Input, arg, "no such file");
}

void write_output(const std::string& path, const std::string& content, const std::vector<fs::path>& inputs) {
  if (path.empty()) {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) throw Error(Error::Category::Io, "<stdout>", "cannot write the comparison");
    return;
  }
  rdf::write_file_atomically(path, content, inputs);
}

void run_diff(const DiffOptions& o) {
  check_text_argument(o.old_version);
  check_text_argument(o.new_version);
  const bool files = is_file(o.old_version) && is_file(o.new_version);
  if (!files && (is_file(o.old_version) || is_file(o.new_version)))
    throw Error(Error::Category::Usage, is_file(o.old_version) ? o.old_version : o.new_version,
                std::string(is_file(o.old_version) ? "OLD" : "NEW") +
                    " is a file and the other is not: give two text files, or two documents of the graph");
  if (files && (!o.source.data.empty() || !o.source.store.empty()))
    throw Error(Error::Category::Usage, "--data/--store",
                "OLD and NEW are text files, built on their own: --data and --store name a graph whose documents "
                "OLD and NEW would name");
  std::optional<rdf::Format> record_format;
  if (!o.record.empty()) record_format = rdf::format_from_path(o.record).value_or(rdf::Format::Turtle);
  // Output files are checked before any work: never one of the files read.
  std::vector<fs::path> inputs;
  if (files) inputs = {o.old_version, o.new_version};
  else inputs = input_files(o.source);
  if (!o.output.empty()) rdf::check_output_path(o.output, inputs);
  if (!o.record.empty()) rdf::check_output_path(o.record, inputs);
  if (!o.output.empty() && !o.record.empty() && fs::absolute(o.output).lexically_normal() == fs::absolute(o.record).lexically_normal())
    throw Error(Error::Category::Usage, "-o/--record", "the comparison and the record must go to two files");

  const std::string base = instance_base(o.source);
  diff::Options options;
  options.threshold = o.threshold;
  diff::Diff result;
  if (files) {
    // One after the other: an error names OLD before NEW.
    diff::Version old_version = diff::read_file_version(o.old_version, base);
    diff::Version new_version = diff::read_file_version(o.new_version, base);
    result = diff::compare(std::move(old_version), std::move(new_version), options);
  } else {
    TraversalInput in(o.source);
    diff::Version old_version = diff::read_entity_version(in.view, in.resolver, o.old_version);
    diff::Version new_version = diff::read_entity_version(in.view, in.resolver, o.new_version);
    result = diff::compare(std::move(old_version), std::move(new_version), options);
  }
  std::string triples;
  if (record_format) triples = rdf::serialize(diff::record(result, base), *record_format, base);

  if (o.format == "json") write_output(o.output, diff::to_json(result).dump(2) + "\n", inputs);
  else if (o.format == "html") write_output(o.output, diff::to_html(result), inputs);
  else write_output(o.output, diff::to_text(result, base), inputs);
  if (record_format) rdf::write_file_atomically(o.record, triples, inputs);
}

}  // namespace

void setup_diff(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  auto* cmd = app.add_subcommand(
      "diff",
      "What changed between two documents or two versions of a text: each unit unchanged, revised (with the "
      "words that changed), moved, added or removed, and the facts of matched units that changed");
  cmd->add_option("OLD", options->old_version, "the earlier document (IRI, identifier or title) or text file")
      ->required();
  cmd->add_option("NEW", options->new_version, "the later document or text file")->required();
  add_graph_options(*cmd, options->source);
  cmd->add_option("--format", options->format,
                  "text (default: a table, then the words changed), json, or html (one self-contained page, "
                  "old and new side by side)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("-o,--output", options->output, "write the comparison here, atomically (default: standard output)");
  cmd->add_option("--record", options->record,
                  "also write the alignment as RDF here, atomically (pol:continues, pol:revises, pol:unchangedFrom, "
                  "with the similarity on a pol:Continuation; Turtle, or what the extension names)");
  cmd->add_option("--threshold", options->threshold, "least similarity of content words for two units to match")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->footer(
      "OLD and NEW: two documents of the graph (--data/--store, else data/documents/ built in memory), each an "
      "IRI, a prefixed name (id:...), an identifier (\"No. 81 [2015]\") or a title; or two text files, each "
      "built on its own, their main documents and annexes compared.\n"
      "Exit status: 0 on success, 1 on bad input (one line naming the problem and the place), 2 on a usage "
      "error.");
  cmd->callback([options] { run_diff(*options); });
}

}  // namespace policykg::cli
