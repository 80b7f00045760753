// One function per subcommand: each adds its CLI11 subcommand to the app and sets the callback
// that runs it. Callbacks report failure by throwing policykg::Error; run_app() turns that into
// one stderr line and exit code 1 (usage errors exit 2).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace policykg::rdf {
class Graph;
}

namespace policykg::cli {

/// Loads a built graph into the store a spec names (Redland's work).
using StoreLoader = void (*)(const rdf::Graph& graph, const std::string& spec);
/// Writes a built graph as an index file (docs/index-format.md), atomically (the query engine's work).
using IndexWriter = void (*)(const rdf::Graph& graph, const std::filesystem::path& path,
                             const std::vector<std::filesystem::path>& inputs);
/// Thrown, before any work, by a command that needs Redland where it is not loaded: policykg then
/// runs the command line again through the commands module.
struct RedlandNeeded {};

/// `load_store` does `build --store` and `write_index` `build -o FILE.pkgi`; without them those
/// throw RedlandNeeded.
void setup_build(CLI::App& app, StoreLoader load_store, IndexWriter write_index = nullptr);
void setup_query(CLI::App& app);
void setup_responsible(CLI::App& app);
void setup_duties(CLI::App& app);
void setup_deps(CLI::App& app);
void setup_path(CLI::App& app);
void setup_impact(CLI::App& app);
void setup_export(CLI::App& app);
void setup_serve(CLI::App& app);
void setup_validate(CLI::App& app);
void setup_stats(CLI::App& app);
void setup_explain(CLI::App& app);
void setup_search(CLI::App& app);
void setup_diff(CLI::App& app);
void setup_index(CLI::App& app);
void setup_publish(CLI::App& app);

/// The texts a command builds: each file given, each folder's .txt documents (a folder without
/// one is an error), and data/documents/ when none is given. `build` and `publish` share it.
std::vector<std::filesystem::path> document_files(const std::vector<std::string>& given);

}  // namespace policykg::cli
