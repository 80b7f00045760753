// DOT read back by Graphviz (dot -Tsvg): it accepts the file without a warning, draws every node
// and edge, and shows labels exactly, whatever quotes, backslashes or escape sequences they hold.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "export/export.hpp"
#include "tests/export/export_fixture.hpp"

namespace policykg::exports {
namespace {

using test::occurrences;

// SVG from Graphviz; warnings (stderr) fail the test.
std::string svg_of(const std::string& dot) {
  test::TempDir dir;
  auto file = dir.write("g.dot", dot);
  auto err = dir.path() / "err";
  auto r = test::run_command("dot -Tsvg " + test::quote(file.string()) + " 2>" + test::quote(err.string()));
  EXPECT_EQ(r.status, 0) << "dot failed";
  std::ifstream in(err);
  std::string warnings((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(warnings, "");
  return r.out;
}

TEST(Dot, GraphvizDrawsEveryNodeAndEdge) {
  auto view = test::fixture_view();
  std::string svg = svg_of(to_dot(view));
  EXPECT_EQ(occurrences(svg, "class=\"node"), static_cast<std::ptrdiff_t>(view.node_count()));
  EXPECT_EQ(occurrences(svg, "class=\"edge"), static_cast<std::ptrdiff_t>(view.edge_count()));
  EXPECT_NE(svg.find("<title>https://w3id.org/policykg/id/zone/zhongguancun</title>"), std::string::npos);
  EXPECT_NE(svg.find("class=\"node Measure\""), std::string::npos) << "the class is the SVG class";
  EXPECT_NE(svg.find("fill=\"#e15759\""), std::string::npos) << "measures filled in their colour";
  EXPECT_NE(svg.find(">Zhongguancun</text>"), std::string::npos);
  EXPECT_NE(svg.find("北京市"), std::string::npos);
}

TEST(Dot, EveryIdAndLabelIsQuotedAndEscaped) {
  std::vector<rdf::Triple> ts = {
      {rdf::Term::iri("http://x/a\"b"), rdf::Term::iri("http://www.w3.org/2000/01/rdf-schema#label"),
       rdf::Term::literal("say \"hi\" \\N and \\n")},
      {rdf::Term::iri("http://x/a\"b"), rdf::Term::iri("http://x/p"), rdf::Term::iri("http://x/node")},
      {rdf::Term::iri("http://x/node"), rdf::Term::iri("http://x/p2"), rdf::Term::iri("http://x/a\"b")},
  };
  query::GraphView view(ts);
  std::string dot = to_dot(view);
  EXPECT_NE(dot.find(R"("http://x/a\"b" ["label"="say \"hi\" \\N and \\n")"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"("http://x/node" -> "http://x/a\"b")"), std::string::npos) << dot;
  // "node" is a DOT keyword: unquoted it would break the file; every id here is quoted.
  std::regex unquoted_statement(R"(^  [^"\s])");
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);)
    if (!line.starts_with("  graph [") && !line.starts_with("  node [") && !line.starts_with("  edge [")) {
      EXPECT_FALSE(std::regex_search(line, unquoted_statement)) << line;
    }
  std::string svg = svg_of(dot);
  EXPECT_NE(svg.find("say &quot;hi&quot; \\N and \\n"), std::string::npos) << "the label shows as written";
}

}  // namespace
}  // namespace policykg::exports
