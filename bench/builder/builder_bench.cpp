// builder_bench [DOCUMENTS]: the seed's build time and the throughput on a generated corpus of
// DOCUMENTS (default 1000) documents of the same shape, on one thread, then the time to write the
// corpus graph as N-Triples and the peak memory. Prints figures; asserts nothing.
// builder_bench --write DIR DOCUMENTS: only writes that corpus into DIR (for `policykg build -j`).
#include <sys/resource.h>

#include <ctime>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/builder/corpus_generator.hpp"
#include "builder/builder.hpp"
#include "rdf/model.hpp"
#include "ontology/paths.hpp"

namespace fs = std::filesystem;

namespace {

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string generated_name(std::size_t i) {
  char name[64];
  std::snprintf(name, sizeof name, "generated-%05zu.txt", i);
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path seed = policykg::paths::documents_dir() / "state-council-reply-2019-beijing-service-sector-plan.txt";
  std::string seed_text = read(seed);
  if (argc == 4 && std::string(argv[1]) == "--write") {
    const fs::path dir = argv[2];
    const std::size_t count = std::stoul(argv[3]);
    fs::create_directories(dir);
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string text = policykg::bench::generate_document(i, seed_text);
      bytes += text.size();
      std::ofstream(dir / generated_name(i), std::ios::binary) << text;
    }
    std::printf("%zu documents, %zu bytes in %s\n", count, bytes, dir.c_str());
    return 0;
  }
  std::size_t documents = argc > 1 ? std::stoul(argv[1]) : 1000;

  // Seed: best of 20 builds (data files loaded each time, as a command would).
  double best = 1e9;
  std::size_t seed_triples = 0;
  for (int i = 0; i < 20; ++i) {
    double c0 = cpu_seconds();
    auto t = policykg::builder::build_graph({seed});
    best = std::min(best, cpu_seconds() - c0);
    seed_triples = t.size();
  }
  std::printf("seed: %zu bytes, %zu triples, %.1f ms CPU (best of 20)\n", seed_text.size(), seed_triples, best * 1000);

  // Corpus.
  fs::path dir = fs::temp_directory_path() / "policykg-bench-corpus";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<fs::path> files;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < documents; ++i) {
    std::string text = policykg::bench::generate_document(i, seed_text);
    bytes += text.size();
    std::ofstream(dir / generated_name(i), std::ios::binary) << text;
    files.push_back(dir / generated_name(i));
  }
  auto w0 = std::chrono::steady_clock::now();
  double c0 = cpu_seconds();
  auto triples = policykg::builder::build_graph(files);
  double cpu = cpu_seconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  double mb = static_cast<double>(bytes) / 1e6;
  double n = static_cast<double>(triples.size());
  std::printf("corpus: %zu documents, %.1f MB, %zu triples, %zu terms, %.2f s CPU (%.2f s wall)\n", documents, mb,
              triples.size(), triples.term_count(), cpu, wall);
  std::printf("throughput: %.1f MB/s, %.0f triples/s (CPU time, one thread)\n", mb / cpu, n / cpu);
  c0 = cpu_seconds();
  fs::path out_file = dir / "corpus.nt";
  {
    std::ofstream out(out_file, std::ios::binary);
    policykg::rdf::serialize(triples, policykg::rdf::Format::NTriples, "", out);
  }
  std::printf("N-Triples: %.1f MB written to a file in %.2f s CPU\n", static_cast<double>(fs::file_size(out_file)) / 1e6,
              cpu_seconds() - c0);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %ld MB\n", usage.ru_maxrss / 1024);
  fs::remove_all(dir);
  return 0;
}
