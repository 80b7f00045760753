// Empty, binary, non-UTF-8, unstructured and very large input.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>

#include "graph.hpp"
#include "rdf/error.hpp"

using namespace policykg::test;

TEST(BadInput, EmptyBinaryAndNonUtf8AreErrorsWithAPlace) {
  try {
    policykg::builder::build_text("", "empty.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.category(), policykg::Error::Category::Input);
    EXPECT_EQ(e.where(), "empty.txt");
  }
  try {
    policykg::builder::build_text(std::string("I . Text\0\1\2", 11), "bin.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "bin.txt:byte 8");
  }
  try {
    policykg::builder::build_text("I . Caf\xE9 au lait", "latin1.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "latin1.txt:byte 7");
  }
}

TEST(BadInput, UnstructuredTextIsADocumentWithoutUnits) {
  Graph g = build({test_data("unstructured.txt")});
  EXPECT_EQ(g.of_type("pol:Document").size(), 1u);
  EXPECT_TRUE(g.of_type("pol:Measure").empty());
  EXPECT_EQ(g.one("id:doc/unstructured", "http://www.w3.org/2000/01/rdf-schema#label"), "unstructured");
}

TEST(BadInput, HundredMegabyteFile) {
  // A plan of 100 MB: the seed plan's nine tasks repeated, numbered on (10., 11., ...).
  std::string seed = read_all(seed_file());
  std::size_t from = seed.find("1. Maintaining");
  std::size_t to = seed.rfind('\n', seed.find("Organization and Implementation"));
  std::string tasks = seed.substr(from, to - from) + "\n\n";
  std::string text = "Plan for a Very Long Test\n\nI . Main Tasks\n\n";
  int number = 0;
  while (text.size() < 100u * 1000 * 1000) {
    std::size_t i = 0;
    while (i < tasks.size()) {
      std::size_t nl = tasks.find('\n', i);
      std::size_t end = nl == std::string::npos ? tasks.size() : nl + 1;
      std::size_t d = i;
      while (d < end && tasks[d] >= '0' && tasks[d] <= '9') ++d;
      if (d > i && tasks[d] == '.') text += std::to_string(++number) + tasks.substr(d, end - d);
      else text.append(tasks, i, end - i);
      i = end;
    }
  }
  auto start = std::chrono::steady_clock::now();
  policykg::rdf::Graph graph = policykg::builder::build_text_graph(text, "huge.txt");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("100 MB: %zu triples in %.1f s, max RSS %ld MB\n", graph.size(), seconds, usage.ru_maxrss / 1024);
  const auto type = graph.iri(std::string(policykg::ns::kRdf) + "type");
  const auto task = graph.iri(policykg::pol::Task);
  EXPECT_EQ(std::count_if(graph.triples().begin(), graph.triples().end(),
                          [&](const auto& t) { return t[1] == type && t[2] == task; }),
            number);
  // Time and memory are reported above and measured in bench/builder, never asserted here.
}
