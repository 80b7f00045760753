// policykg build on the seed document, through the real binary: structure counts, the districts
// of task 7, the earlier replies, the Zhongguancun aliases, every offset, determinism, atomic
// output and every format.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/utf8.hpp"
#include "tests/e2e/run.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::test::run_policykg;

const std::string kSeed = std::string(POLICYKG_SOURCE_DIR) +
                          "/data/documents/state-council-reply-2019-beijing-service-sector-plan.txt";
const std::string kPol = "https://w3id.org/policykg/ontology#";
const std::string kId = "https://w3id.org/policykg/id/";
const std::string kReply = kId + "doc/state-council-reply-2019-beijing-service-sector-plan";
const std::string kPlan = kReply + "/annex/1";

struct Node {
  std::string value;  // IRI or lexical form
  bool literal = false;
};
struct Triple {
  std::string s, p;
  Node o;
};

// A small N-Triples reader: enough for what `build` writes.
std::vector<Triple> parse_ntriples(const std::string& text) {
  std::vector<Triple> out;
  std::size_t i = 0;
  auto skip = [&] { while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i; };
  auto iri = [&] {
    std::size_t e = text.find('>', i);
    std::string v = text.substr(i + 1, e - i - 1);
    i = e + 1;
    return v;
  };
  while (i < text.size()) {
    skip();
    if (text[i] == '\n') {
      ++i;
      continue;
    }
    Triple t;
    t.s = iri();
    skip();
    t.p = iri();
    skip();
    if (text[i] == '<') {
      t.o.value = iri();
    } else {
      t.o.literal = true;
      ++i;
      std::string v;
      while (text[i] != '"') {
        if (text[i] == '\\') {
          char c = text[++i];
          if (c == 'n') v += '\n';
          else if (c == 'r') v += '\r';
          else if (c == 't') v += '\t';
          else if (c == 'u' || c == 'U') {
            std::size_t n = c == 'u' ? 4 : 8;
            policykg::utf8_append(v, static_cast<char32_t>(std::stoul(text.substr(i + 1, n), nullptr, 16)));
            i += n;
          } else v += c;
          ++i;
        } else {
          v += text[i++];
        }
      }
      ++i;
      t.o.value = v;
      if (text[i] == '^') {
        i += 2;
        iri();
      } else if (text[i] == '@') {
        while (text[i] != ' ') ++i;
      }
    }
    i = text.find('\n', i);
    if (i == std::string::npos) i = text.size();
    out.push_back(std::move(t));
  }
  return out;
}

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

struct Graph {
  std::vector<Triple> triples;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> by_subject;
  explicit Graph(std::vector<Triple> ts) : triples(std::move(ts)) {
    for (const auto& t : triples) by_subject[t.s][t.p].push_back(t.o.value);
  }
  std::vector<std::string> values(const std::string& s, const std::string& p) const {
    auto it = by_subject.find(s);
    if (it == by_subject.end()) return {};
    auto jt = it->second.find(p);
    return jt == it->second.end() ? std::vector<std::string>{} : jt->second;
  }
  bool has(const std::string& s, const std::string& p, const std::string& o) const {
    auto v = values(s, p);
    return std::find(v.begin(), v.end(), o) != v.end();
  }
  std::vector<std::string> of_type(const std::string& cls) const {
    std::vector<std::string> out;
    for (const auto& t : triples)
      if (t.p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && t.o.value == kPol + cls) out.push_back(t.s);
    return out;
  }
};

const Graph& seed_graph() {
  static Graph g = [] {
    auto r = run_policykg({"build", kSeed, "--format", "ntriples"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Graph(parse_ntriples(r.out));
  }();
  return g;
}

}  // namespace

TEST(BuildSeed, StructureCounts) {
  const Graph& g = seed_graph();
  EXPECT_EQ(g.of_type("Provision").size(), 5u);
  EXPECT_EQ(g.of_type("Section").size(), 3u);
  EXPECT_EQ(g.of_type("Task").size(), 9u);
  EXPECT_EQ(g.of_type("Initiative").size(), 33u);
  EXPECT_GT(g.of_type("Measure").size(), 150u);
  EXPECT_TRUE(g.has(kReply, kPol + "approves", kPlan));
  EXPECT_EQ(g.values(kPlan + "/task/7", kPol + "number"), std::vector<std::string>{"7"});
  EXPECT_EQ(g.values(kReply + "/provision/2", kPol + "number"), std::vector<std::string>{"II"});
}

TEST(BuildSeed, TheEightDistrictsOfTaskSeven) {
  const Graph& g = seed_graph();
  std::set<std::string> responsible;
  for (const auto& t : g.triples)
    if (t.s.rfind(kPlan + "/task/7/", 0) == 0 && t.p == kPol + "responsibleParty") responsible.insert(t.o.value);
  for (std::string d : {"xicheng", "haidian", "dongcheng", "chaoyang", "fengtai", "shijingshan", "fangshan", "shunyi"}) {
    EXPECT_TRUE(responsible.count(kId + "district/" + d)) << d;
    EXPECT_TRUE(g.has(kId + "district/" + d, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kPol + "District"));
  }
}

TEST(BuildSeed, EarlierRepliesKeptInForceAndOverridden) {
  const Graph& g = seed_graph();
  for (auto [id, number] : {std::pair<std::string, std::string>{"doc/state-council-2015-81", "No. 81 [2015]"},
                            {"doc/state-council-2017-86", "No. 86 [2017]"}}) {
    EXPECT_TRUE(g.has(kPlan, kPol + "keepsInForce", kId + id)) << id;
    EXPECT_TRUE(g.has(kPlan, kPol + "prevailsOver", kId + id)) << id;
    EXPECT_TRUE(g.has(kId + id, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", kPol + "OfficialReply")) << id;
    EXPECT_TRUE(g.has(kId + id, "http://purl.org/dc/terms/identifier", number)) << id;
  }
}

TEST(BuildSeed, ZhongguancunAliases) {
  const Graph& g = seed_graph();
  const std::string z = kId + "zone/zhongguancun";
  EXPECT_TRUE(g.has(z, "http://www.w3.org/2000/01/rdf-schema#label", "Zhongguancun"));
  EXPECT_TRUE(g.has(z, "http://www.w3.org/2004/02/skos/core#altLabel", "Zhongguanchun"));
  EXPECT_TRUE(g.has(z, "http://www.w3.org/2004/02/skos/core#altLabel", "Zhonggunchun"));
  EXPECT_TRUE(g.has(z, kPol + "locatedIn", kId + "district/haidian"));
}

TEST(BuildSeed, EveryOffsetReproducesItsText) {
  const Graph& g = seed_graph();
  std::u32string text = decode(policykg::test::read_file(kSeed));
  std::size_t checked = 0;
  for (const auto& t : g.triples) {
    if (t.p != kPol + "text") continue;
    auto start = g.values(t.s, kPol + "sourceStart");
    auto end = g.values(t.s, kPol + "sourceEnd");
    ASSERT_EQ(start.size(), 1u) << t.s;
    ASSERT_EQ(end.size(), 1u) << t.s;
    std::size_t b = std::stoul(start[0]), e = std::stoul(end[0]);
    ASSERT_LE(e, text.size()) << t.s;
    EXPECT_EQ(text.substr(b, e - b), decode(t.o.value)) << t.s;
    ++checked;
  }
  EXPECT_GT(checked, 200u);
}

TEST(BuildSeed, ByteIdenticalRunsAndSummary) {
  auto a = run_policykg({"build", kSeed});
  auto b = run_policykg({"build", kSeed});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.err.find("built "), std::string::npos);
  EXPECT_NE(a.err.find(" triples from 1 document in "), std::string::npos);
}

TEST(BuildSeed, EveryFormatAndAtomicOutput) {
  fs::path dir = fs::temp_directory_path() / ("policykg-build-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (std::string f : {"turtle", "ntriples", "nquads", "rdfxml", "jsonld"}) {
    fs::path out = dir / ("seed." + f);
    auto r = run_policykg({"build", kSeed, "--format", f, "-o", out.string()});
    EXPECT_EQ(r.exit_code, 0) << f << ": " << r.err;
    EXPECT_GT(fs::file_size(out), 10000u) << f;
    EXPECT_TRUE(r.out.empty()) << f;
  }
  // Each file reads back as the same graph.
  auto read_back = [&](const std::string& f) {
    return run_policykg({"query", "--data", (dir / ("seed." + f)).string(), "--format", "ntriples", "-e",
                         "CONSTRUCT WHERE { ?s ?p ?o }"});
  };
  const auto ntriples = read_back("ntriples");
  ASSERT_EQ(ntriples.exit_code, 0) << ntriples.err;
  EXPECT_GT(ntriples.out.size(), 100000u);
  for (std::string f : {"turtle", "nquads", "rdfxml", "jsonld"}) {
    auto r = read_back(f);
    EXPECT_EQ(r.exit_code, 0) << f << ": " << r.err;
    EXPECT_TRUE(r.out == ntriples.out) << f << " does not read back as the N-Triples graph";
  }
  // Without --format the output's extension decides; an unknown one means Turtle.
  for (auto [name, first] : {std::pair<std::string, std::string>{"seed.nt", "<"}, {"seed.jsonld", "{"},
                             {"seed.rdf", "<?xml"}, {"seed.out", "@prefix"}}) {
    fs::path out = dir / name;
    auto r = run_policykg({"build", kSeed, "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
    std::ifstream in(out, std::ios::binary);
    std::string head(first.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    EXPECT_EQ(head, first) << name;
  }
  // A failing build leaves no file behind.
  fs::path bad = dir / "bad.txt";
  std::ofstream(bad, std::ios::binary) << "I . Caf\xE9";
  fs::path out = dir / "never.ttl";
  auto r = run_policykg({"build", bad.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt:1:8"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  auto empty = dir / "empty.txt";
  std::ofstream(empty).close();
  EXPECT_EQ(run_policykg({"build", empty.string()}).exit_code, 1);
  EXPECT_EQ(run_policykg({"build", kSeed, "--format", "nope"}).exit_code, 2);
  fs::remove_all(dir);
}

TEST(BuildSeed, SeedGraphPassesValidate) {
  fs::path out = fs::temp_directory_path() / ("policykg-seed-" + std::to_string(::getpid()) + ".ttl");
  auto b = run_policykg({"build", kSeed, "-o", out.string()});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto v = run_policykg({"validate", out.string()});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  fs::remove(out);
}

TEST(BuildSeed, BaseChangesEveryIri) {
  auto r = run_policykg({"build", kSeed, "--format", "ntriples", "--base", "http://example.org/x/"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(kId), std::string::npos);
  EXPECT_NE(r.out.find("<http://example.org/x/doc/state-council-reply-2019-beijing-service-sector-plan>"), std::string::npos);
}
