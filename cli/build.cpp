// policykg build [FILE|DIR...] [-o OUT] [--format F] [--store SPEC] [--base IRI]
// Builds the graph from plain-text documents (default: every .txt in data/documents/; a folder
// means every .txt in it, its catalog.json read for provenance), writes it
// to OUT (atomically) or standard output, and/or loads it into a store. OUT is checked before the
// build: a regular file or a new name (a symbolic link's target is written), never one of the
// documents read nor the sqlite store filled.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "builder/builder.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "ontology/paths.hpp"
#include "rdf/atomic_file.hpp"
#include "rdf/format.hpp"
#include "rdf/index_file.hpp"
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
  std::size_t jobs = 0;  ///< 0: one per core
  bool keep_going = false;
  bool progress = false;
  bool quiet = false;
};

using Clock = std::chrono::steady_clock;

// A progress line on stderr: shown on a terminal once the build has run a second, always with
// --progress, never with --quiet. Files done, MB/s and the time left, from the bytes read.
class ProgressBar {
 public:
  ProgressBar(bool on, std::vector<std::uintmax_t> bytes)
      : start_(Clock::now()), on_(on), force_(on), bytes_(std::move(bytes)) {
    for (auto b : bytes_) total_bytes_ += b;
  }
  void update(std::size_t done, std::size_t total, std::size_t triples) {
    if (!on_) return;
    double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (seconds < 1.0 && !shown_ && !force_) return;
    shown_ = true;
    std::uintmax_t read = 0;
    for (std::size_t i = 0; i < done && i < bytes_.size(); ++i) read += bytes_[i];
    const double mb_s = seconds > 0 ? static_cast<double>(read) / 1e6 / seconds : 0.0;
    const double left = read > 0 ? seconds * static_cast<double>(total_bytes_ - read) / static_cast<double>(read) : 0.0;
    constexpr std::size_t kWidth = 30;
    std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::string bar(filled, '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu files, %zu triples, %.1f MB/s, %.0f s left ", bar.c_str(), done, total,
                 triples, mb_s, left);
    std::fflush(stderr);
  }
  void finish() {
    if (shown_) std::fputs("\n", stderr);
  }
  double milliseconds() const { return std::chrono::duration<double, std::milli>(Clock::now() - start_).count(); }

 private:
  Clock::time_point start_;
  bool on_;
  bool force_;
  std::vector<std::uintmax_t> bytes_;
  std::uintmax_t total_bytes_ = 0;
  bool shown_ = false;
};

void run_build(const BuildOptions& o, StoreLoader load_store, IndexWriter write_index) {
  if (!o.store.empty() && load_store == nullptr) throw RedlandNeeded{};
  // "-o graph.pkgi" writes the index file --data memory-maps
  const bool index = o.format.empty() && o.output.ends_with(rdf::kIndexExtension);
  if (index && write_index == nullptr) throw RedlandNeeded{};
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
  options.jobs = o.jobs;
  options.keep_going = o.keep_going;
  const std::vector<std::filesystem::path> files = document_files(o.files);
  std::vector<std::filesystem::path> inputs = files;
  if (!o.store.empty()) {
    rdf::StoreSpec spec = rdf::parse_store_spec(o.store);
    if (spec.kind == rdf::StoreSpec::Kind::Sqlite) inputs.emplace_back(spec.location);
  }
  if (!o.output.empty()) rdf::check_output_path(o.output, inputs);

  std::vector<std::uintmax_t> bytes;
  for (const auto& f : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(f, ec);
    bytes.push_back(ec ? 0 : size);
  }
  ProgressBar progress(!o.quiet && (o.progress || ::isatty(STDERR_FILENO) == 1), std::move(bytes));
  builder::Corpus corpus = builder::build_corpus(files, options, [&](std::size_t done, std::size_t total, std::size_t n) {
    progress.update(done, total, n);
  });
  progress.finish();
  const rdf::Graph& graph = corpus.graph;
  // The text is made on as many threads as the graph was.
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(builder::thread_count(o.jobs), 256));
  auto write = [&](std::ostream& out) {
    if (!dataset) return rdf::serialize(graph, *format, options.base, out, {}, threads);
    rdf::serialize_dataset(builder::named_graphs(corpus, options.base),
                           trig ? rdf::DatasetSyntax::TriG : rdf::DatasetSyntax::NQuads, options.base, out, threads);
  };

  if (!o.store.empty()) load_store(graph, o.store);
  if (!o.output.empty() || o.store.empty()) {
    // Written as it is made: a corpus's text need not fit in memory beside its graph.
    if (index) {
      write_index(graph, o.output, inputs);
    } else if (!o.output.empty()) {
      rdf::write_file_atomically(o.output, write, inputs);
    } else {
      write(std::cout);
      std::cout.flush();
      if (!std::cout) throw Error(Error::Category::Io, "<stdout>", "cannot write the graph");
    }
  }
  const std::size_t built = files.size() - corpus.skipped.size();
  if (!o.quiet)
    std::fprintf(stderr, "built %zu triples from %zu document%s in %.0f ms\n", graph.size(), built,
                 built == 1 ? "" : "s", progress.milliseconds());
  if (!corpus.skipped.empty()) {
    std::string names;
    for (const auto& s : corpus.skipped) {
      std::fprintf(stderr, "policykg: skipped %s\n", s.error.c_str());
      names += (names.empty() ? "" : ", ") + s.file.string();
    }
    throw Error(Error::Category::Input, "build --keep-going",
                std::to_string(corpus.skipped.size()) + " document" + (corpus.skipped.size() == 1 ? "" : "s") +
                    " skipped (the graph holds the others): " + names);
  }
}

}  // namespace

std::vector<std::filesystem::path> document_files(const std::vector<std::string>& given) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : given) {
    std::error_code ec;
    if (std::filesystem::is_directory(f, ec)) {
      auto listed = builder::list_documents(f);
      if (listed.empty()) throw Error(Error::Category::Input, f, "no .txt documents in the folder");
      files.insert(files.end(), listed.begin(), listed.end());
    } else {
      files.emplace_back(f);
    }
  }
  return files.empty() ? builder::list_documents(paths::documents_dir()) : files;
}

void setup_build(CLI::App& app, StoreLoader load_store, IndexWriter write_index) {
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
                  "per document; without --format, -o FILE.pkgi writes an index file (policykg index)")
      ->check(CLI::IsMember({"turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld", "ttl", "nt", "nq", "xml",
                             "rdf", "json-ld"}));
  cmd->add_option("--store", options->store,
                  "also load the graph into this store (memory, sqlite:PATH, postgresql:..., virtuoso:...); "
                  "with --store and no -o nothing is written to standard output");
  cmd->add_option("--base", options->base, "instance base IRI (default https://w3id.org/policykg/id/)");
  cmd->add_flag("--evidence", options->evidence,
                "add one evidence node per derived fact (an rdf:Statement with the words' offsets, the words and "
                "the rule that read them; about doubles the graph), which `explain` and the resource pages show");
  cmd->add_option("-j,--jobs", options->jobs,
                  "threads reading, parsing and relating the documents and writing the output (default 0: one per "
                  "core); the output is the same whatever the number");
  cmd->add_flag("--keep-going", options->keep_going,
                "skip a document that cannot be read or parsed (named on stderr), build the others, and exit 1 at "
                "the end naming what was skipped");
  auto* progress = cmd->add_flag("--progress", options->progress, "show the progress line even when stderr is not a terminal");
  cmd->add_flag("--quiet", options->quiet, "no progress line and no summary line")->excludes(progress);
  cmd->footer("Prints one summary line on stderr; a progress line too (files, MB/s, time left) when stderr is a "
              "terminal and the build takes over a second. Exit status: 0 on success, 1 on bad input (one line "
              "naming file and place; with --keep-going, after writing the others), 2 on a usage error.");
  cmd->callback([options, load_store, write_index] { run_build(*options, load_store, write_index); });
}

}  // namespace policykg::cli
