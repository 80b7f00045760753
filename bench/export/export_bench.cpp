// Times every export format on a generated policy graph (bench/export/graph_generator.cpp):
// building the GraphView once, then each writer (best of 3 runs, wall clock), with output sizes.
// Usage: export_bench [TRIPLES [FILE.nt]]   (default 100000; FILE.nt receives the graph, for
// timing `policykg export --data FILE.nt` end to end)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "bench/export/graph_generator.hpp"
#include "export/export.hpp"
#include "rdf/model.hpp"

using namespace policykg;

namespace {

double best_ms(const std::function<std::size_t()>& run, std::size_t& bytes, int repeat = 3) {
  double best = 1e18;
  for (int i = 0; i < repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    bytes = run();
    auto end = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(end - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t target = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  auto triples = bench::generate_policy_graph(target);
  std::size_t bytes = 0;
  double view_ms = best_ms([&] { return query::GraphView(triples).node_count(); }, bytes);
  query::GraphView view(triples);
  std::printf("%zu triples, %zu nodes, %zu edges; GraphView built in %.0f ms\n", triples.size(),
              view.node_count(), view.edge_count(), view_ms);
  std::printf("%-10s %10s %12s %14s\n", "format", "export ms", "+ view ms", "bytes");
  exports::Options options;
  auto line = [&](const char* name, const std::function<std::size_t()>& run) {
    double ms = best_ms(run, bytes);
    std::printf("%-10s %10.0f %12.0f %14zu\n", name, ms, ms + view_ms, bytes);
  };
  for (auto f : {exports::Format::GraphMl, exports::Format::Gexf, exports::Format::Dot,
                 exports::Format::Cytoscape, exports::Format::Html})
    line(std::string(exports::format_name(f)).c_str(), [&] { return exports::export_graph(view, f, options).size(); });
  line("csv", [&] {
    auto csv = exports::to_csv(view, options);
    return csv.nodes.size() + csv.edges.size();
  });
  line("jsonld", [&] { return rdf::serialize(triples, rdf::Format::JsonLd, options.base).size(); });
  if (argc > 2) rdf::write_file_atomically(argv[2], rdf::serialize(triples, rdf::Format::NTriples, options.base));
  return 0;
}
