// policykg build [FILE|DIR...] [-o OUT] [--format F] [--store SPEC] [--base IRI]
// Builds the graph from plain-text documents (default: every .txt in data/documents/; a folder
// means every .txt in it, its catalog.json read for provenance), writes it
// to OUT (atomically) or standard output, and/or loads it into a store. OUT is checked before the
// build: a regular file or a new name (a symbolic link's target is written), never one of the
// documents read nor the sqlite store filled.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "builder/builder.hpp"
#include "cli/commands.hpp"
#include "ontology/paths.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/error.hpp"
#include "rdf/format.hpp"
#include "rdf/serializer.hpp"
#include "rdf/store_spec.hpp"

namespace policykg::cli {

namespace {

struct BuildOptions {
  std::vector<std::string> files;
  std::string output;
  std::string format;  ///< empty: the output's extension, else Turtle
  std::string store;
  std::string base;
  bool evidence = false;
};

using Clock = std::chrono::steady_clock;

// A progress bar on stderr, shown only on a terminal and once the build has run a second.
class ProgressBar {
 public:
  ProgressBar() : start_(Clock::now()), tty_(::isatty(STDERR_FILENO) == 1) {}
  void update(std::size_t done, std::size_t total, std::size_t triples) {
    if (!tty_) return;
    double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (seconds < 1.0 && !shown_) return;
    shown_ = true;
    constexpr std::size_t kWidth = 30;
    std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu documents, %zu triples, %.0f documents/s", bar.c_str(), done, total, triples,
                 seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
    std::fflush(stderr);
  }
  void finish() {
    if (shown_) std::fputs("\n", stderr);
  }
  double milliseconds() const { return std::chrono::duration<double, std::milli>(Clock::now() - start_).count(); }

 private:
  Clock::time_point start_;
  bool tty_;
  bool shown_ = false;
};

void run_build(const BuildOptions& o, StoreLoader load_store) {
  if (!o.store.empty() && load_store == nullptr) throw RedlandNeeded{};
  // Without --format, "-o graph.nt" means N-Triples; anything else, Turtle.
  // N-Quads and TriG are datasets: one named graph per document.
  const bool trig = o.format == "trig" || (o.format.empty() && o.output.ends_with(".trig"));
  std::optional<rdf::Format> format = rdf::Format::Turtle;
  if (trig) format = rdf::Format::Turtle;
  else if (!o.format.empty()) format = rdf::format_from_name(o.format);
  else if (auto guessed = rdf::format_from_path(o.output)) format = guessed;
  if (!format) throw Error(Error::Category::Usage, "--format", "unknown format '" + o.format + "'");
  const bool dataset = trig || *format == rdf::Format::NQuads;
  builder::Options options;
  if (!o.base.empty()) options.base = o.base;
  options.evidence = o.evidence;
  std::vector<std::filesystem::path> files;
  for (const auto& f : o.files) {
    std::error_code ec;
    if (std::filesystem::is_directory(f, ec)) {
      auto listed = builder::list_documents(f);
      if (listed.empty()) throw Error(Error::Category::Input, f, "no .txt documents in the folder");
      files.insert(files.end(), listed.begin(), listed.end());
    } else {
      files.emplace_back(f);
    }
  }
  if (files.empty()) files = builder::list_documents(paths::documents_dir());
  std::vector<std::filesystem::path> inputs = files;
  if (!o.store.empty()) {
    rdf::StoreSpec spec = rdf::parse_store_spec(o.store);
    if (spec.kind == rdf::StoreSpec::Kind::Sqlite) inputs.emplace_back(spec.location);
  }
  if (!o.output.empty()) rdf::check_output_path(o.output, inputs);

  ProgressBar progress;
  builder::Corpus corpus = builder::build_corpus(files, options, [&](std::size_t done, std::size_t total, std::size_t n) {
    progress.update(done, total, n);
  });
  progress.finish();
  const rdf::Graph& graph = corpus.graph;
  auto write = [&](std::ostream& out) {
    if (!dataset) return rdf::serialize(graph, *format, options.base, out);
    rdf::serialize_dataset(builder::named_graphs(corpus, options.base),
                           trig ? rdf::DatasetSyntax::TriG : rdf::DatasetSyntax::NQuads, options.base, out);
  };

  if (!o.store.empty()) load_store(graph, o.store);
  if (!o.output.empty() || o.store.empty()) {
    // Written as it is made: a corpus's text need not fit in memory beside its graph.
    if (!o.output.empty()) {
      rdf::write_file_atomically(o.output, write, inputs);
    } else {
      write(std::cout);
      std::cout.flush();
      if (!std::cout) throw Error(Error::Category::Io, "<stdout>", "cannot write the graph");
    }
  }
  std::fprintf(stderr, "built %zu triples from %zu document%s in %.0f ms\n", graph.size(), files.size(),
               files.size() == 1 ? "" : "s", progress.milliseconds());
}

}  // namespace

void setup_build(CLI::App& app, StoreLoader load_store) {
  auto options = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand("build", "Build the graph from plain-text documents");
  cmd->add_option("FILE", options->files,
                  "plain-text documents, or folders of them (default: every .txt in data/documents/)")
      ->check(CLI::ExistingPath);
  cmd->add_option("-o,--output", options->output,
                  "write the graph here, atomically (default: standard output); a symbolic link's target is "
                  "replaced; never a document read, a folder, a device or a FIFO");
  cmd->add_option("--format", options->format,
                  "turtle, ntriples, nquads, trig, rdfxml or jsonld (default: what the -o file's extension names "
                  "(.ttl, .nt, .nq, .trig, .rdf, .jsonld), else turtle); nquads and trig write one named graph "
                  "per document")
      ->check(CLI::IsMember({"turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld", "ttl", "nt", "nq", "xml",
                             "rdf", "json-ld"}));
  cmd->add_option("--store", options->store,
                  "also load the graph into this store (memory, sqlite:PATH, postgresql:..., virtuoso:...); "
                  "with --store and no -o nothing is written to standard output");
  cmd->add_option("--base", options->base, "instance base IRI (default https://w3id.org/policykg/id/)");
  cmd->add_flag("--evidence", options->evidence,
                "add one evidence node per derived fact (an rdf:Statement with the words' offsets, the words and "
                "the rule that read them; about doubles the graph), which `explain` and the resource pages show");
  cmd->footer("Prints one summary line on stderr; a progress bar too when stderr is a terminal and the build "
              "takes over a second. Exit status: 0 on success, 1 on bad input (one line naming file and place), "
              "2 on a usage error.");
  cmd->callback([options, load_store] { run_build(*options, load_store); });
}

}  // namespace policykg::cli
