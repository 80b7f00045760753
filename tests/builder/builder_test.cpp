// build_files and build_text end to end in the library: counts, offsets, determinism, base.
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "graph.hpp"

using namespace policykg::test;

TEST(Builder, SeedCountsAndOffsets) {
  Graph g = build({seed_file()});
  EXPECT_EQ(g.of_type("pol:Provision").size(), 5u);
  EXPECT_EQ(g.of_type("pol:Section").size(), 3u);
  EXPECT_EQ(g.of_type("pol:Task").size(), 9u);
  EXPECT_EQ(g.of_type("pol:Initiative").size(), 33u);
  EXPECT_GT(g.of_type("pol:Measure").size(), 150u);
  EXPECT_GT(check_offsets(g, read_all(seed_file())), 200);
  EXPECT_TRUE(std::is_sorted(g.triples.begin(), g.triples.end()));
  EXPECT_EQ(std::adjacent_find(g.triples.begin(), g.triples.end()), g.triples.end());
}

TEST(Builder, DeterministicAndBaseEverywhere) {
  auto a = policykg::builder::build_files({seed_file()});
  auto b = policykg::builder::build_files({seed_file()});
  EXPECT_EQ(a, b);
  policykg::builder::Options o;
  o.base = "http://example.org/kg/";
  auto c = policykg::builder::build_files({seed_file()}, o);
  for (const auto& t : c) {
    if (t.s.is_iri()) {
      EXPECT_EQ(t.s.value.rfind("http://example.org/kg/", 0), 0u) << t.s.value;
    }
  }
}

TEST(Builder, CorpusSharesEntitiesAndProgressIsReported) {
  std::size_t calls = 0;
  auto t = policykg::builder::build_files(
      {seed_file(), test_data("municipal-plan-cjk-numbering.txt"), test_data("state-council-reply-2021-shanghai-pudong-plan.txt")},
      {}, [&](std::size_t done, std::size_t total, std::size_t) {
        ++calls;
        EXPECT_EQ(total, 3u);
        EXPECT_EQ(done, calls);
      });
  EXPECT_EQ(calls, 3u);
  Graph g{t};
  EXPECT_EQ(g.object_values("id:agency/state-council", "http://www.w3.org/2000/01/rdf-schema#label").size(), 1u);
}

TEST(Builder, MixedChineseOffsetsAndTruncatedText) {
  for (std::string name : {"municipal-plan-cjk-numbering.txt", "plan-paren-numbering-truncated.txt"}) {
    Graph g = build({test_data(name)});
    EXPECT_GT(check_offsets(g, read_all(test_data(name))), 5) << name;
  }
  Graph g = build({test_data("plan-paren-numbering-truncated.txt")});
  bool cut = false;
  for (const auto& t : g.triples)
    if (t.p.value == policykg::ns::pol("text") && t.o.value.size() > 3 && t.o.value.substr(t.o.value.size() - 3) == "cen")
      cut = true;
  EXPECT_TRUE(cut) << "the cut clause is kept as it stands";
}

TEST(Builder, ListDocuments) {
  auto files = policykg::builder::list_documents(source_dir() / "tests/builder/data");
  ASSERT_GE(files.size(), 4u);
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  EXPECT_THROW(policykg::builder::list_documents("/nonexistent/folder"), policykg::Error);
}
