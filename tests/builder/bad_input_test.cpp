// Empty, whitespace-only, binary, non-UTF-8, unstructured and very large input; CR and CRLF line ends.
#include <gtest/gtest.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

#include "core/error.hpp"
#include "graph.hpp"

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
    EXPECT_EQ(e.where(), "bin.txt:1:9");
  }
  try {
    policykg::builder::build_text("I . Caf\xE9 au lait", "latin1.txt");
    FAIL();
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "latin1.txt:1:8");
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

TEST(BadInput, WhitespaceOnlyTextIsNoText) {
  // Spaces, tabs, every line end, an ideographic space, a no-break space and a BOM: no text.
  for (const std::string& text : {std::string(" "), std::string("\n\n\n"), std::string("\r\r"),
                                 std::string(" \t\r\n\v\f\xE3\x80\x80\xC2\xA0\xEF\xBB\xBF\n")}) {
    try {
      policykg::builder::build_text(text, "blank.txt");
      ADD_FAILURE() << "built " << text.size() << " bytes of whitespace";
    } catch (const policykg::Error& e) {
      EXPECT_EQ(e.category(), policykg::Error::Category::Input);
      EXPECT_EQ(e.describe(), "blank.txt: no text: the document holds only whitespace");
    }
  }
  EXPECT_EQ(build_string(" \n x \n", "x.txt").of_type("pol:Document").size(), 1u);
}

namespace {

std::string with_line_ends(const std::string& text, const std::string& end) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += end;
    else out += c;
  }
  return out;
}

// A graph's triples as text, offsets left out when asked, CRLF and CR in literals read as LF.
std::multiset<std::string> as_lf(const Graph& g, bool offsets) {
  std::multiset<std::string> out;
  for (const auto& t : g.triples) {
    if (!offsets && (t.p.value == policykg::ns::pol("sourceStart") || t.p.value == policykg::ns::pol("sourceEnd")))
      continue;
    // The digest is of the bytes read, which differ.
    if (t.p.value == policykg::pol::sha256) continue;
    std::string o = t.o.value;
    std::string lf;
    for (std::size_t i = 0; i < o.size(); ++i) {
      if (o[i] == '\r' && i + 1 < o.size() && o[i + 1] == '\n') continue;
      lf += o[i] == '\r' ? '\n' : o[i];
    }
    out.insert(t.s.value + " " + t.p.value + " " + lf);
  }
  return out;
}

}  // namespace

TEST(BadInput, CrAndCrlfLineEndsGiveTheStructureOfLf) {
  const std::string lf = read_all(seed_file());
  ASSERT_EQ(lf.find('\r'), std::string::npos);
  const Graph a = build_string(lf, "seed.txt");
  const std::string cr = with_line_ends(lf, "\r"), crlf = with_line_ends(lf, "\r\n");
  const Graph b = build_string(cr, "seed.txt"), c = build_string(crlf, "seed.txt");
  EXPECT_GT(a.of_type("pol:Measure").size(), 150u);
  for (const Graph* g : {&b, &c}) {
    for (const char* cls : {"pol:Provision", "pol:Section", "pol:Task", "pol:Initiative", "pol:Measure"})
      EXPECT_EQ(g->of_type(cls).size(), a.of_type(cls).size()) << (g == &b ? "CR " : "CRLF ") << cls;
  }
  // A CR for an LF keeps every offset; CRLF moves them, and they count the file's characters.
  EXPECT_TRUE(as_lf(b, true) == as_lf(a, true));
  EXPECT_TRUE(as_lf(c, false) == as_lf(a, false));
  EXPECT_EQ(check_offsets(b, cr), check_offsets(a, lf));
  EXPECT_EQ(check_offsets(c, crlf), check_offsets(a, lf));
  EXPECT_GT(check_offsets(c, crlf), 200);
}
