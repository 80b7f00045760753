// Shared by the export tests: the small fixture graph, a temporary folder and a way to run an
// independent reader (NetworkX, Graphviz, node) and capture what it printed.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "query/traversal/graph_view.hpp"
#include "rdf/model.hpp"
#include "tests/temp_dir.hpp"

namespace policykg::test {

namespace fs = std::filesystem;

inline const fs::path kExportData = fs::path(POLICYKG_SOURCE_DIR) / "tests" / "export" / "data";
inline const fs::path kJsTools = fs::path(POLICYKG_SOURCE_DIR) / "tests" / "js";
inline constexpr const char* kIdBase = "https://w3id.org/policykg/id/";
inline constexpr const char* kPolNs = "https://w3id.org/policykg/ontology#";

/// How many times `what` occurs in `s`, without overlaps.
inline std::ptrdiff_t occurrences(const std::string& s, const std::string& what) {
  std::ptrdiff_t n = 0;
  for (std::size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

inline std::vector<rdf::Triple> fixture_triples(const std::string& name = "small.ttl") {
  rdf::Model model;
  model.load_file(kExportData / name);
  return model.sorted_triples();
}

inline query::GraphView fixture_view(const query::ViewOptions& options = {}) {
  return query::GraphView(fixture_triples(), options);
}

struct Output {
  int status = -1;
  std::string out;
};

/// Runs a shell command; standard error goes to the test log.
inline Output run_command(const std::string& command) {
  Output o;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return o;
  std::array<char, 65536> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
  int status = ::pclose(pipe);
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// Debian's python3 with NetworkX (python3-networkx); "" when none is installed.
inline std::string networkx_python() {
  for (const char* p : {"/usr/bin/python3", "python3"})
    if (run_command(std::string(p) + " -c 'import networkx' 2>/dev/null").status == 0) return p;
  return {};
}

/// The (subject, predicate, object) IRIs of every edge of a view.
inline std::set<std::tuple<std::string, std::string, std::string>> view_edges(const query::GraphView& view) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  const auto& g = view.graph();
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    out.emplace(g[boost::source(*e, g)].iri, g[*e].predicate, g[boost::target(*e, g)].iri);
  return out;
}

/// Reads `content` as a graphml or gexf file with NetworkX (tests/export/read_graph.py).
inline nlohmann::json read_with_networkx(const std::string& kind, const std::string& content) {
  std::string python = networkx_python();
  if (python.empty()) throw std::runtime_error("python3-networkx is missing: run scripts/install-deps");
  TempDir dir;
  auto file = dir.write("g." + kind, content);
  auto script = (fs::path(POLICYKG_SOURCE_DIR) / "tests/export/read_graph.py").string();
  auto r = run_command(python + " " + quote(script) + " " + kind + " " + quote(file.string()));
  if (r.status != 0) throw std::runtime_error("NetworkX could not read the " + kind + " file");
  return nlohmann::json::parse(r.out);
}

/// Runs a node script of tests/js/ on a file and parses the JSON it prints.
inline nlohmann::json run_js_tool(const std::string& script, const std::vector<std::string>& args) {
  if (!fs::exists(kJsTools / "node_modules"))
    throw std::runtime_error("tests/js/node_modules is missing: run scripts/install-deps");
  std::string cmd = "node " + quote((kJsTools / script).string());
  for (const auto& a : args) cmd += " " + quote(a);
  auto r = run_command(cmd);
  if (r.status != 0) throw std::runtime_error(script + " failed (exit " + std::to_string(r.status) + ")");
  return nlohmann::json::parse(r.out);
}

}  // namespace policykg::test
