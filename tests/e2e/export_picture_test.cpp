// policykg export on the seed corpus as a researcher first runs it: the default picture has no
// isolated node and no typology or sourceDocument edge (they are node attributes),
// --all-predicates gives every link back with concepts typed by their scheme, --drop-isolated
// trims a predicate filter, and the GEXF (1.2draft by default, 1.3 when asked) loads in NetworkX.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

namespace fs = std::filesystem;
using test::run_policykg;

const std::string kPol = "https://w3id.org/policykg/ontology#";

class ExportPicture : public test::TempFolderTest {
 protected:
  // The corpus graph, built once per test into the test's folder.
  std::string graph() {
    const std::string file = (dir_ / "graph.ttl").string();
    if (!fs::exists(file)) {
      auto r = run_policykg({"build", "-o", file});
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
    return file;
  }
  // Exports with `args` and reads the file back with NetworkX (tests/export/read_graph.py).
  nlohmann::json export_and_read(const std::string& kind, std::vector<std::string> args) {
    const std::string out = (dir_ / ("out." + kind)).string();
    args.insert(args.begin(), {"export", "--format", kind, "--data", graph(), "-o", out});
    auto r = run_policykg(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string script = std::string(POLICYKG_SOURCE_DIR) + "/tests/export/read_graph.py";
    // Debian's NetworkX (python3-networkx 2.8 on Debian 12), as scripts/install-deps installs it.
    auto read = test::run_binary("/usr/bin/python3", {script, kind, out});
    EXPECT_EQ(read.exit_code, 0) << read.err;
    return read.exit_code == 0 ? nlohmann::json::parse(read.out) : nlohmann::json::object();
  }
};

std::map<std::string, int> degrees(const nlohmann::json& g) {
  std::map<std::string, int> out;
  for (const auto& [id, node] : g["nodes"].items()) out[id] = 0;
  for (const auto& e : g["edges"]) {
    ++out[e[0].get<std::string>()];
    ++out[e[1].get<std::string>()];
  }
  return out;
}

std::set<std::string> predicates(const nlohmann::json& g) {
  std::set<std::string> out;
  for (const auto& e : g["edges"]) out.insert(e[2]["predicate"].get<std::string>());
  return out;
}

TEST_F(ExportPicture, TheDefaultGraphMlHasNoIsolatedNodeAndNoTypologyEdge) {
  auto g = export_and_read("graphml", {});
  ASSERT_FALSE(g["nodes"].empty());
  for (const auto& [id, degree] : degrees(g)) EXPECT_GT(degree, 0) << "isolated: " << g["nodes"][id]["iri"];
  auto drawn = predicates(g);
  for (const char* p : {"sourceDocument", "sector", "instrumentType", "mentions"})
    EXPECT_FALSE(drawn.count(kPol + p)) << p;
  for (const char* p : {"responsibleParty", "appliesTo", "dependsOn", "references"}) EXPECT_TRUE(drawn.count(kPol + p)) << p;
  EXPECT_TRUE(drawn.count("http://purl.org/dc/terms/isPartOf"));
  // Typology and the source document are attributes of the measures, by label.
  std::size_t with_sector = 0, with_source = 0;
  for (const auto& [id, node] : g["nodes"].items()) {
    EXPECT_NE(node["classLabel"], "Resource") << node["iri"];
    if (node["classLabel"] != "Measure") continue;
    with_sector += node.contains("sector");
    with_source += node.contains("sourceDocument");
    if (!node.contains("instrumentType")) continue;
    const std::string first = node["instrumentType"].get<std::string>().substr(0, node["instrumentType"].get<std::string>().find(';'));
    EXPECT_TRUE(std::set<std::string>({"supply-side", "demand-side", "environmental"}).count(first)) << first;
  }
  EXPECT_GT(with_sector, 100u);
  EXPECT_GT(with_source, 100u);
}

TEST_F(ExportPicture, AllPredicatesGivesEveryLinkWithConceptsTypedByScheme) {
  auto g = export_and_read("graphml", {"--all-predicates"});
  auto drawn = predicates(g);
  for (const char* p : {"sourceDocument", "sector", "instrumentType", "mentions"}) EXPECT_TRUE(drawn.count(kPol + p)) << p;
  std::map<std::string, std::string> class_of;
  for (const auto& [id, node] : g["nodes"].items()) class_of[node["iri"]] = node["classLabel"];
  EXPECT_EQ(class_of[kPol + "FinanceSector"], "Sector");
  EXPECT_EQ(class_of[kPol + "SupplySide"], "InstrumentType");
  // Every node of the graph's own is typed; the web pages texts were read from are not.
  for (const auto& [iri, cls] : class_of)
    if (iri.starts_with(kPol) || iri.starts_with("https://w3id.org/policykg/id/")) {
      EXPECT_NE(cls, "Resource") << iri;
    }
  EXPECT_EQ(run_policykg({"export", "--format", "dot", "--data", graph(), "--all-predicates", "--predicate", "pol:dependsOn"})
                .exit_code,
            2);
}

TEST_F(ExportPicture, DropIsolatedTrimsAPredicateFilter) {
  auto kept = export_and_read("graphml", {"--predicate", "pol:dependsOn"});
  std::size_t isolated = 0;
  for (const auto& [id, degree] : degrees(kept)) isolated += degree == 0;
  EXPECT_GT(isolated, 0u) << "a predicate filter keeps every node unless asked";
  auto dropped = export_and_read("graphml", {"--predicate", "pol:dependsOn", "--drop-isolated"});
  ASSERT_FALSE(dropped["nodes"].empty());
  for (const auto& [id, degree] : degrees(dropped)) EXPECT_GT(degree, 0) << id;
  EXPECT_EQ(predicates(dropped), std::set<std::string>{kPol + "dependsOn"});
  EXPECT_EQ(dropped["edges"].size(), kept["edges"].size());
  // JSON-LD too: only the nodes a dependsOn touches.
  auto ld = run_policykg({"export", "--format", "jsonld", "--data", graph(), "--predicate", "pol:dependsOn", "--drop-isolated"});
  ASSERT_EQ(ld.exit_code, 0) << ld.err;
  auto whole = run_policykg({"export", "--format", "jsonld", "--data", graph(), "--drop-isolated"});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  EXPECT_LT(ld.out.size() * 4, whole.out.size());
  EXPECT_EQ(ld.out.find("Xicheng District"), std::string::npos) << "a district no dependency touches";
}

TEST_F(ExportPicture, GexfIs12DraftByDefaultReadByNetworkX) {
  auto g = export_and_read("gexf", {});
  auto graphml = export_and_read("graphml", {});
  EXPECT_EQ(g["nodes"].size(), graphml["nodes"].size());
  EXPECT_EQ(g["edges"].size(), graphml["edges"].size());
  const std::string text = test::read_file(dir_ / "out.gexf");
  EXPECT_NE(text.find("<gexf xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
  auto v13 = export_and_read("gexf", {"--gexf-version", "1.3"});
  EXPECT_NE(test::read_file(dir_ / "out.gexf").find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_EQ(v13["nodes"], g["nodes"]);
  auto bad = run_policykg({"export", "--format", "gexf", "--data", graph(), "--gexf-version", "1.4"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("1.4"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace policykg
