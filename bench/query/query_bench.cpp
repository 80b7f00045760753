// Times policykg's SPARQL engine on one N-Triples file: the load (rdf::parse_file), the indexes
// (query::Dataset), then each .rq of a folder (best of 3, after one run).
// Prints tab-separated lines: what, milliseconds, result size. Never asserts times.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/parser.hpp"

namespace fs = std::filesystem;
using namespace policykg;

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: query_bench DATA.nt QUERY_DIR\n";
    return 2;
  }
  try {
    auto start = std::chrono::steady_clock::now();
    auto triples = rdf::parse_file(argv[1]);
    std::cout << "load\t" << ms_since(start) << "\t" << triples.size() << "\n";
    start = std::chrono::steady_clock::now();
    query::Dataset dataset;
    dataset.set_default(triples);
    std::cout << "index\t" << ms_since(start) << "\t" << dataset.default_graph().size() << "\n";
    std::vector<fs::path> queries;
    for (const auto& e : fs::directory_iterator(argv[2]))
      if (e.path().extension() == ".rq") queries.push_back(e.path());
    std::sort(queries.begin(), queries.end());
    for (const auto& q : queries) {
      std::ifstream in(q);
      std::stringstream ss;
      ss << in.rdbuf();
      double best = 1e18;
      std::size_t size = 0;
      for (int i = 0; i < 4; ++i) {
        start = std::chrono::steady_clock::now();
        auto r = query::run(dataset, ss.str());
        double t = ms_since(start);
        size = r.kind == rdf::QueryResult::Kind::Graph ? r.triples.size() : r.rows.size();
        if (i > 0) best = std::min(best, t);
      }
      std::cout << q.stem().string() << "\t" << best << "\t" << size << "\n";
    }
  } catch (const Error& e) {
    std::cerr << "query_bench: " << e.describe() << "\n";
    return 1;
  }
  return 0;
}
