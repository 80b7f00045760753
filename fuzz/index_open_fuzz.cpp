// Bytes -> an index file -> query::Dataset::open_index and a few queries over it: a Dataset or a
// policykg::Error, never a crash. The header's checksum is set right before opening (when there
// is a header), so that the fuzzer gets past it to the section table and the sections; the
// sections' checksums are not checked (as on every open without --verify), so damaged sections
// reach the dictionary and the triple arrays.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/index_file.hpp"

namespace {

// One file a process, rewritten for each input and removed when the run ends.
std::filesystem::path scratch_file() {
  return std::filesystem::temp_directory_path() / ("policykg-fuzz-index-" + std::to_string(::getpid()) + ".pkgi");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fs = std::filesystem;
  using namespace policykg;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.size() >= rdf::kIndexHeaderBytes) {
    std::uint32_t count;
    std::memcpy(&count, bytes.data() + 16, 4);
    const std::uint64_t table_end = rdf::kIndexHeaderBytes + std::uint64_t{count} * rdf::kIndexSectionEntryBytes;
    if (table_end <= bytes.size()) {
      std::uint32_t crc = rdf::crc32(std::string_view(bytes).substr(0, 24));
      crc = rdf::crc32(std::string_view(bytes).substr(rdf::kIndexHeaderBytes, table_end - rdf::kIndexHeaderBytes), crc);
      std::memcpy(bytes.data() + 24, &crc, 4);
    }
  }
  static const fs::path file = [] {
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove(scratch_file(), ec);
    });
    return scratch_file();
  }();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  try {
    const query::Dataset d = query::Dataset::open_index(file);
    query::QueryOptions options;
    options.timeout = std::chrono::milliseconds(1000);
    options.max_memory = std::size_t{64} << 20;
    options.limit = 100;
    for (const char* q : {"SELECT * WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s a ?c } ORDER BY ?s",
                          "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                          "ASK { <http://ex/m1> ?p \"open banks\" }", "DESCRIBE <http://ex/m1>"}) {
      try {
        (void)query::write_results(query::run(d, q, options), query::ResultFormat::Json);
      } catch (const Error&) {
      }
    }
    (void)d.default_triples();
  } catch (const Error&) {
  }
  return 0;
}
