// The index file (rdf/index_file.hpp, query/sparql/dataset_file.cpp): a Dataset written and
// mapped back holds the same terms under the same ids, the same triples and statistics, and
// answers queries the same; the same dataset gives the same bytes; a damaged file is refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/index_builder.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/index_file.hpp"
#include "tests/query/sparql_fixture.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using rdf::Term;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class IndexFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("policykg-index-file-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Terms of every kind, the odd ones included: empty values, NUL bytes, UTF-8, one with both a
// datatype and a tag (which no reader makes).
std::vector<rdf::Triple> odd_triples() {
  const Term s = Term::iri("http://ex/s"), p = Term::iri("http://ex/p");
  std::vector<Term> objects = {Term::iri(""),
                               Term::blank("b0"),
                               Term::literal(""),
                               Term::literal(std::string("nul\0inside", 10)),
                               Term::literal("北京"),
                               Term::lang_literal("Beijing", "en"),
                               Term::lang_literal("", "zh-hans"),
                               Term::typed("42", "http://www.w3.org/2001/XMLSchema#integer"),
                               Term::typed("", "http://ex/dt"),
                               Term{Term::Kind::Literal, "x", "http://ex/dt", "en"}};
  std::vector<rdf::Triple> out;
  for (const auto& o : objects) out.push_back({s, p, o});
  out.push_back({Term::blank("b0"), p, s});
  return out;
}

TEST(Crc32, IsZlibsCrc) {
  EXPECT_EQ(rdf::crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(rdf::crc32(""), 0u);
  EXPECT_EQ(rdf::crc32("56789", rdf::crc32("1234")), 0xCBF43926u);
}

TEST_F(IndexFile, EveryTermComesBackUnderItsIdAndIsFoundByIt) {
  query::Dataset memory;
  memory.set_default(odd_triples());
  memory.write_index(dir_ / "g.pkgi");
  EXPECT_TRUE(rdf::is_index_file(dir_ / "g.pkgi"));
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi", query::IndexCheck::Verify);
  ASSERT_EQ(mapped.dictionary().size(), memory.dictionary().size());
  for (query::TermId id = 1; id < memory.dictionary().size(); ++id) {
    EXPECT_EQ(mapped.dictionary().term(id), memory.dictionary().term(id)) << id;
    EXPECT_EQ(mapped.dictionary().find(memory.dictionary().term(id)), id) << id;
  }
  EXPECT_EQ(mapped.dictionary().find(Term::iri("http://ex/absent")), 0u);
  EXPECT_EQ(mapped.dictionary().find(Term::literal("Beijing")), 0u);  // only "Beijing"@en is there
  EXPECT_EQ(mapped.default_triples(), memory.default_triples());
}

TEST_F(IndexFile, TriplesAndStatisticsAreTheSame) {
  query::Dataset memory(test::sparql_fixture());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  const auto& a = memory.default_graph();
  const auto& b = mapped.default_graph();
  ASSERT_GT(a.size(), 20u);
  EXPECT_EQ(a.triples(), b.triples());
  EXPECT_EQ(a.spo().bytes(), b.spo().bytes());
  EXPECT_EQ(a.pos().bytes(), b.pos().bytes());
  EXPECT_EQ(a.osp().bytes(), b.osp().bytes());
  EXPECT_EQ(b.pos().rows().size(), a.size());
  EXPECT_EQ(a.distinct_subjects(), b.distinct_subjects());
  EXPECT_EQ(a.distinct_objects(), b.distinct_objects());
  for (query::TermId p = 0; p < memory.dictionary().size() + 1; ++p) {
    EXPECT_EQ(a.stats(p).triples, b.stats(p).triples) << p;
    EXPECT_EQ(a.stats(p).subjects, b.stats(p).subjects) << p;
    EXPECT_EQ(a.stats(p).objects, b.stats(p).objects) << p;
    for (query::TermId s = 0; s < memory.dictionary().size(); s += 3) EXPECT_EQ(a.count(s, p, 0), b.count(s, p, 0));
  }
}

TEST_F(IndexFile, QueriesAnswerTheSameInTheSameOrder) {
  query::Dataset memory(test::sparql_fixture());
  memory.add_named("http://ex/g", odd_triples());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  ASSERT_EQ(mapped.named().size(), 1u);
  for (const char* q : {"SELECT * WHERE { ?s ?p ?o }",
                        "SELECT ?m ?l WHERE { ?m a <http://ex/Measure> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                        "SELECT ?a (COUNT(?x) AS ?n) WHERE { ?x <http://www.w3.org/ns/org#subOrganizationOf>+ ?a } GROUP BY ?a",
                        "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                        "SELECT ?g ?s WHERE { GRAPH ?g { ?s ?p \"北京\" } }",
                        "DESCRIBE <http://ex/m3>",
                        "ASK { <http://ex/m1> <http://ex/dependsOn>/<http://ex/dependsOn> <http://ex/m3> }"}) {
    auto a = query::run(memory, q), b = query::run(mapped, q);
    const auto format = a.kind == rdf::QueryResult::Kind::Graph ? query::ResultFormat::NTriples : query::ResultFormat::Json;
    EXPECT_EQ(query::write_results(a, format), query::write_results(b, format)) << q;
    if (a.kind == rdf::QueryResult::Kind::Bindings) {
      EXPECT_FALSE(a.rows.empty()) << q;
    }
  }
}

TEST_F(IndexFile, AMappedDatasetTakesMoreNamedGraphs) {
  query::Dataset memory(test::sparql_fixture());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  const std::size_t mapped_terms = mapped.dictionary().size();
  mapped.add_named("http://ex/extra", odd_triples());
  EXPECT_GT(mapped.dictionary().size(), mapped_terms);  // the new terms come after the mapped ones
  auto r = query::run(mapped, "SELECT ?o WHERE { GRAPH <http://ex/extra> { <http://ex/s> ?p ?o } FILTER(STR(?o) = 'Beijing') }");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][0], Term::lang_literal("Beijing", "en"));
  // a term of both: the mapped id
  EXPECT_EQ(mapped.dictionary().find(Term::iri("http://ex/m1")), memory.dictionary().find(Term::iri("http://ex/m1")));
}

TEST_F(IndexFile, TheSameDatasetGivesTheSameBytes) {
  const auto triples = test::sparql_fixture().sorted_triples();  // parsed once: blank node labels differ per parse
  query::Dataset a, b;
  a.set_default(triples);
  b.set_default(triples);
  a.add_named("http://ex/g", odd_triples());
  b.add_named("http://ex/g", odd_triples());
  a.write_index(dir_ / "a.pkgi");
  b.write_index(dir_ / "b.pkgi");
  const std::string bytes = slurp(dir_ / "a.pkgi");
  EXPECT_EQ(bytes, slurp(dir_ / "b.pkgi"));
  // and writing the mapped copy again gives them too
  query::Dataset::open_index(dir_ / "a.pkgi").write_index(dir_ / "c.pkgi");
  EXPECT_EQ(bytes, slurp(dir_ / "c.pkgi"));
  EXPECT_EQ(bytes.compare(0, 8, std::string(reinterpret_cast<const char*>(rdf::kIndexMagic.data()), 8)), 0);
}

TEST_F(IndexFile, AnEmptyGraphIsAnIndexToo) {
  query::Dataset empty;
  empty.write_index(dir_ / "e.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "e.pkgi", query::IndexCheck::Verify);
  EXPECT_EQ(mapped.default_graph().size(), 0u);
  EXPECT_EQ(mapped.dictionary().size(), 1u);
  EXPECT_EQ(query::run(mapped, "SELECT * WHERE { ?s ?p ?o }").rows.size(), 0u);
}

// A term whose bytes were damaged into invalid UTF-8 (unverified, so the open succeeds) is one
// Error(Input) when the term is first read, not an exception from whatever writes it out.
TEST_F(IndexFile, ATermDamagedIntoInvalidUtf8IsAnError) {
  query::Dataset memory;
  memory.set_default({{Term::iri("http://ex/s"), Term::iri("http://ex/p"), Term::literal("quokka")}});
  memory.write_index(dir_ / "t.pkgi");
  std::string bytes = slurp(dir_ / "t.pkgi");
  const std::size_t at = bytes.find("quokka");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 2] = static_cast<char>(0xFF);
  std::ofstream(dir_ / "t.pkgi", std::ios::binary | std::ios::trunc) << bytes;
  auto mapped = query::Dataset::open_index(dir_ / "t.pkgi");
  try {
    (void)query::write_results(query::run(mapped, "SELECT ?o WHERE { ?s ?p ?o }"), query::ResultFormat::Json);
    FAIL() << "a damaged term was written out";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Input);
    EXPECT_NE(std::string(e.what()).find("not valid UTF-8"), std::string::npos) << e.what();
  }
  // Undamaged, the same query writes the term.
  auto good = query::Dataset::open_index([&] {
    memory.write_index(dir_ / "u.pkgi");
    return dir_ / "u.pkgi";
  }());
  EXPECT_NE(query::write_results(query::run(good, "SELECT ?o WHERE { ?s ?p ?o }"), query::ResultFormat::Json).find("quokka"),
            std::string::npos);
}

// Each damage gives one Error(Input) at the file's name, saying what; none crashes.
TEST_F(IndexFile, DamageIsFoundAndNamed) {
  query::Dataset memory(test::sparql_fixture());
  memory.write_index(dir_ / "g.pkgi");
  const std::string good = slurp(dir_ / "g.pkgi");
  auto error_of = [&](const std::string& bytes, query::IndexCheck check) -> std::string {
    const fs::path p = dir_ / "bad.pkgi";
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
    try {
      auto d = query::Dataset::open_index(p, check);
      return "";
    } catch (const Error& e) {
      EXPECT_EQ(e.where(), p.string());
      EXPECT_EQ(e.category(), Error::Category::Input);
      return e.what();
    }
  };
  EXPECT_NE(error_of("", query::IndexCheck::Structure).find("empty"), std::string::npos);
  EXPECT_NE(error_of("@prefix : <http://ex/> .\n", query::IndexCheck::Structure).find("not a policykg index"), std::string::npos);
  for (std::size_t cut : {std::size_t{9}, std::size_t{31}, std::size_t{40}, good.size() / 2, good.size() - 1})
    EXPECT_NE(error_of(good.substr(0, cut), query::IndexCheck::Structure).find("truncated"), std::string::npos) << cut;
  std::string v1 = good;  // the first version held each order as whole rows
  v1[8] = 1;
  EXPECT_NE(error_of(v1, query::IndexCheck::Structure).find("version 1; this policykg reads version 2"), std::string::npos);
  std::string table = good;
  table[rdf::kIndexHeaderBytes + 3] ^= 0x10;  // a section's kind
  EXPECT_NE(error_of(table, query::IndexCheck::Structure).find("checksum"), std::string::npos);
  // a flipped byte in the last section: structure is fine, the checksum is not
  std::string flipped = good;
  flipped[good.size() - 9] ^= 0x01;
  EXPECT_EQ(error_of(flipped, query::IndexCheck::Structure), "");
  EXPECT_NE(error_of(flipped, query::IndexCheck::Verify).find("statistics of the default graph"), std::string::npos);
  EXPECT_EQ(error_of(good, query::IndexCheck::Verify), "");
}

// ---- IndexBuilder: the same file from triples given one at a time ------------------------------

// The file a Dataset writes from the default graph's sorted, distinct triples and named graphs
// added in order: what `policykg index` wrote before it streamed.
std::string dataset_bytes(const fs::path& file, std::vector<rdf::Triple> default_triples,
                          const std::vector<std::pair<std::string, std::vector<rdf::Triple>>>& named) {
  std::sort(default_triples.begin(), default_triples.end());
  default_triples.erase(std::unique(default_triples.begin(), default_triples.end()), default_triples.end());
  query::Dataset d;
  d.set_default(default_triples);
  for (const auto& [iri, triples] : named) d.add_named(iri, triples);
  d.write_index(file);
  return slurp(file);
}

std::string builder_bytes(const fs::path& file, const std::vector<rdf::Triple>& default_triples,
                          const std::vector<std::pair<std::string, std::vector<rdf::Triple>>>& named,
                          query::IndexBuilder::Written* written = nullptr) {
  query::IndexBuilder b;
  for (const auto& t : default_triples) b.add(t);
  for (const auto& [iri, triples] : named) {
    b.start_named(iri);
    for (const auto& t : triples) b.add(t);
  }
  const auto w = b.write(file);
  if (written) *written = w;
  return slurp(file);
}

TEST_F(IndexFile, TheBuilderWritesTheDatasetsBytes) {
  // the default graph in reverse, each triple twice: ids follow the sorted triples, not their order
  auto triples = test::sparql_fixture().sorted_triples();
  const auto odd = odd_triples();
  triples.insert(triples.end(), odd.begin(), odd.end());
  std::vector<rdf::Triple> given(triples.rbegin(), triples.rend());
  given.insert(given.end(), triples.begin(), triples.end());
  // named graphs: one with terms of the default graph and its own, in their order; one replaced
  const std::vector<std::pair<std::string, std::vector<rdf::Triple>>> named = {
      {"http://ex/g1", {odd.rbegin(), odd.rend()}},
      {"http://ex/g2", {triples[3], triples[1]}},
      {"http://ex/g2", {{Term::iri("http://ex/only-here"), Term::iri("http://ex/p"), Term::literal("new")}, triples[1]}}};
  query::IndexBuilder::Written w;
  const std::string built = builder_bytes(dir_ / "b.pkgi", given, named, &w);
  EXPECT_EQ(built, dataset_bytes(dir_ / "d.pkgi", given, named));
  auto mapped = query::Dataset::open_index(dir_ / "b.pkgi", query::IndexCheck::Verify);
  EXPECT_EQ(w.default_triples, mapped.default_graph().size());
  EXPECT_EQ(w.default_triples, triples.size());
  EXPECT_EQ(w.named_graphs, 2u);
  EXPECT_EQ(w.terms + 1, mapped.dictionary().size());
  EXPECT_EQ(mapped.named_graph(mapped.dictionary().find(Term::iri("http://ex/g2")))->size(), 2u);
  // no named graph; an empty graph
  EXPECT_EQ(builder_bytes(dir_ / "b.pkgi", given, {}), dataset_bytes(dir_ / "d.pkgi", given, {}));
  EXPECT_EQ(builder_bytes(dir_ / "b.pkgi", {}, {}), dataset_bytes(dir_ / "d.pkgi", {}, {}));
  EXPECT_EQ(builder_bytes(dir_ / "b.pkgi", {}, named), dataset_bytes(dir_ / "d.pkgi", {}, named));
}

TEST_F(IndexFile, TheBuildersDatasetIsItsFileOpened) {
  auto triples = test::sparql_fixture().sorted_triples();
  const auto odd = odd_triples();
  triples.insert(triples.end(), odd.begin(), odd.end());
  std::reverse(triples.begin(), triples.end());
  const std::vector<std::pair<std::string, std::vector<rdf::Triple>>> named = {{"http://ex/g", odd}};
  builder_bytes(dir_ / "b.pkgi", triples, named);
  query::IndexBuilder b;
  for (const auto& t : triples) b.add(t);
  b.start_named("http://ex/g");
  for (const auto& t : odd) b.add(t);
  query::Dataset memory = b.dataset();
  auto mapped = query::Dataset::open_index(dir_ / "b.pkgi");
  ASSERT_EQ(memory.dictionary().size(), mapped.dictionary().size());
  for (query::TermId id = 1; id < memory.dictionary().size(); ++id) {
    EXPECT_EQ(memory.dictionary().term(id), mapped.dictionary().term(id)) << id;
    EXPECT_EQ(memory.dictionary().find(mapped.dictionary().term(id)), id) << id;
  }
  EXPECT_EQ(memory.default_graph().spo().bytes(), mapped.default_graph().spo().bytes());
  for (const char* q : {"SELECT * WHERE { ?s ?p ?o }", "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                        "SELECT ?a (COUNT(?x) AS ?n) WHERE { ?x <http://www.w3.org/ns/org#subOrganizationOf>+ ?a } GROUP BY ?a"})
    EXPECT_EQ(query::write_results(query::run(memory, q), query::ResultFormat::Json),
              query::write_results(query::run(mapped, q), query::ResultFormat::Json))
        << q;
  // more named graphs after, as `query --named` adds them
  memory.add_named("http://ex/extra", {{Term::iri("http://ex/new"), Term::iri("http://ex/p"), Term::literal("x")}});
  EXPECT_EQ(query::run(memory, "SELECT ?s WHERE { GRAPH <http://ex/extra> { ?s ?p 'x' } }").rows.size(), 1u);
}

TEST_F(IndexFile, TheBuilderWritesTheDatasetsBytesForManyTerms) {
  // Enough terms to grow the builder's table many times, of every kind, in a shuffled order with
  // repeats; terms that differ only in kind, datatype or tag.
  std::mt19937 rng(7);
  std::vector<Term> terms;
  for (int i = 0; i < 3000; ++i) {
    const std::string v = "v" + std::to_string(i % 1000);
    switch (i % 6) {
      case 0: terms.push_back(Term::iri("http://ex/" + v)); break;
      case 1: terms.push_back(Term::blank(v)); break;
      case 2: terms.push_back(Term::literal(v)); break;
      case 3: terms.push_back(Term::lang_literal(v, i % 12 == 3 ? "en" : "zh")); break;
      case 4: terms.push_back(Term::typed(v, "http://ex/dt" + std::to_string(i % 3))); break;
      default: terms.push_back(Term{Term::Kind::Literal, v, "http://ex/dt", "en"});
    }
  }
  std::vector<rdf::Triple> given;
  for (int i = 0; i < 20000; ++i) {
    const Term& s = terms[rng() % 1000 * 6 % terms.size()];  // IRIs
    given.push_back({s, Term::iri("http://ex/p" + std::to_string(rng() % 7)), terms[rng() % terms.size()]});
  }
  given.insert(given.end(), given.begin(), given.begin() + 500);
  std::shuffle(given.begin(), given.end(), rng);
  const std::vector<std::pair<std::string, std::vector<rdf::Triple>>> named = {
      {"http://ex/g", {given.begin() + 100, given.begin() + 900}}};
  EXPECT_EQ(builder_bytes(dir_ / "b.pkgi", given, named), dataset_bytes(dir_ / "d.pkgi", given, named));
}

// Order keys: IRIs and blank nodes by their place in the term order, as views order them;
// literals and the terms of an in-memory dictionary get none.
TEST_F(IndexFile, OrderKeysOrderIrisAndBlankNodesAsTheirViewsDo) {
  query::Dataset memory(test::sparql_fixture());
  std::vector<rdf::Triple> more = odd_triples();
  more.push_back({Term::blank("a1"), Term::iri("http://ex/p"), Term::iri("http://ex/\u00e9")});
  more.push_back({Term::blank("b1"), Term::iri("http://ex/p"), Term::iri("http://ex/Z")});
  memory.set_default(more);
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  const query::TermDictionary& terms = mapped.dictionary();
  std::vector<query::TermId> all(terms.size());
  std::iota(all.begin(), all.end(), query::TermId{0});
  const std::vector<std::uint32_t> keys = terms.order_keys(all);
  ASSERT_EQ(keys.size(), terms.size());
  std::size_t keyed = 0;
  for (query::TermId x = 1; x < terms.size(); ++x) {
    EXPECT_EQ(keys[x] == 0, terms.kind(x) == Term::Kind::Literal) << terms.term(x).value;
    if (keys[x] == 0) continue;
    ++keyed;
    for (query::TermId y = 1; y < terms.size(); ++y) {
      if (keys[y] == 0 || x == y) continue;
      EXPECT_EQ(keys[x] < keys[y], terms.view(x) < terms.view(y)) << terms.term(x).value << " " << terms.term(y).value;
    }
  }
  EXPECT_GE(keyed, 7u) << "IRIs and blank nodes";
  // A few of them keyed alone: the same keys as among all.
  const std::vector<query::TermId> some = {1, 3, 4, static_cast<query::TermId>(terms.size() - 1)};
  const std::vector<std::uint32_t> some_keys = terms.order_keys(some);
  for (std::size_t i = 0; i < some.size(); ++i) EXPECT_EQ(some_keys[i], keys[some[i]]) << some[i];
  for (const std::uint32_t k : memory.dictionary().order_keys(all)) EXPECT_EQ(k, 0u);
}

// Pins: past the cache limit, a pin starts a fresh cache; the full one lives while a pin that
// began before it was dropped lives, and is freed after.
TEST_F(IndexFile, APinKeepsItsTermsAndLetsAFullCacheGoWhenNoPinCanReadIt) {
  query::Dataset memory;
  memory.set_default(odd_triples());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  const query::TermDictionary& terms = mapped.dictionary();
  const query::TermId id = terms.find(Term::literal("北京"));
  ASSERT_NE(id, 0u);
  mapped.set_term_cache_limit(1);  // any decoded term fills it

  auto first = terms.pin();
  const Term& held = terms.term(id);
  EXPECT_GT(terms.cache_stats().bytes, sizeof(Term));
  auto second = terms.pin();  // the cache is full: a fresh one
  EXPECT_EQ(terms.cache_stats().dropped, 1u);
  EXPECT_EQ(terms.cache_stats().waiting, 1u) << "the first pin may still read it";
  EXPECT_EQ(terms.cache_stats().bytes, 0u);
  const Term& again = terms.term(id);
  EXPECT_NE(&again, &held) << "decoded again, into the fresh cache";
  EXPECT_EQ(held, again);
  EXPECT_EQ(held, Term::literal("北京"));  // still there: the first pin lives
  first = {};
  EXPECT_EQ(terms.cache_stats().waiting, 0u) << "no living pin began before it was dropped";
  EXPECT_EQ(terms.term(id), Term::literal("北京"));
  // A pin that began after a drop does not hold the caches dropped before it.
  auto third = terms.pin();  // drops the second cache, which `second` may read
  EXPECT_EQ(terms.cache_stats().dropped, 2u);
  EXPECT_EQ(terms.cache_stats().waiting, 1u);
  second = {};
  EXPECT_EQ(terms.cache_stats().waiting, 0u) << "`third` began after it was dropped";
}

TEST_F(IndexFile, WithoutPinsOrWithoutALimitEveryDecodedTermIsKept) {
  query::Dataset memory(test::sparql_fixture());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  const query::TermDictionary& terms = mapped.dictionary();
  mapped.set_term_cache_limit(1);
  const Term& kept = terms.term(1);
  for (query::TermId id = 1; id < terms.size(); ++id) EXPECT_EQ(terms.term(id), memory.dictionary().term(id));
  EXPECT_EQ(&terms.term(1), &kept);
  EXPECT_EQ(terms.cache_stats().dropped, 0u) << "only pins let terms go";
  mapped.set_term_cache_limit(0);
  for (int i = 0; i < 3; ++i) {
    auto pin = terms.pin();
    EXPECT_EQ(&terms.term(1), &kept);
  }
  EXPECT_EQ(terms.cache_stats().dropped, 0u) << "no limit";
  // An in-memory dictionary has no cache to pin.
  auto pin = memory.dictionary().pin();
  EXPECT_EQ(memory.dictionary().cache_stats().bytes, 0u);
}

// Threads pinning, decoding and dropping at once read every term right (ASan: none freed early).
TEST_F(IndexFile, ThreadsPinningAndDecodingAtOnceReadEveryTermRight) {
  query::Dataset memory(test::sparql_fixture());
  memory.write_index(dir_ / "g.pkgi");
  auto mapped = query::Dataset::open_index(dir_ / "g.pkgi");
  mapped.set_term_cache_limit(64);
  const query::TermDictionary& terms = mapped.dictionary();
  const std::size_t n = terms.size();
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      std::mt19937 random(static_cast<unsigned>(t));
      for (int round = 0; round < 200; ++round) {
        auto pin = terms.pin();
        std::vector<std::pair<query::TermId, const Term*>> held;
        for (int k = 0; k < 8; ++k) {
          const auto id = static_cast<query::TermId>(1 + random() % (n - 1));
          held.emplace_back(id, &terms.term(id));
        }
        for (const auto& [id, term] : held)
          if (!(*term == memory.dictionary().term(id))) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_GT(terms.cache_stats().dropped, 0u);
  EXPECT_EQ(terms.cache_stats().waiting, 0u);
}

}  // namespace
}  // namespace policykg
