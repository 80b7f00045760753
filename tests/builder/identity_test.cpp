// Cross-document identity: a document parsed from one text and cited in another is one node; two
// texts of one document are two expressions of it; the catalogue gives provenance and is checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "builder/catalog.hpp"
#include "core/error.hpp"
#include "graph.hpp"

using namespace policykg::test;
namespace fs = std::filesystem;

namespace {

const std::string kEli = "http://data.europa.eu/eli/ontology#";
const std::string kDct = "http://purl.org/dc/terms/";
const std::string kProv = "http://www.w3.org/ns/prov#";

fs::path translations(const std::string& name) { return test_data("translations/" + name); }

// The triples whose subject's IRI starts with `prefix` (an "id:" path).
Graph under(const Graph& g, const std::string& prefix) {
  Graph out;
  for (const auto& t : g.triples)
    if (t.s.value.rfind(expand(prefix), 0) == 0) out.triples.push_back(t);
  return out;
}

bool typed(const Graph& g, const std::string& s, const std::string& cls) {
  auto all = g.of_type(cls);
  return std::count(all.begin(), all.end(), expand(s)) == 1;
}

fs::path family(const std::string& stem) {
  return fs::path(POLICYKG_SOURCE_DIR) / "data/documents" / (stem + ".txt");
}

}  // namespace

TEST(Identity, ParsedAndCitedDocumentIsOneNode) {
  // The 2015 text prints no number; its catalogue title does. The seed cites it as "No. 81 [2015]".
  Graph g = build({family("state-council-reply-2015-81-beijing-service-sector-framework-plan"), seed_file()});
  const std::string doc = "id:doc/state-council-2015-81";
  EXPECT_TRUE(g.has(doc, "a", "pol:OfficialReply"));
  EXPECT_EQ(g.one(doc, kDct + "identifier"), "No. 81 [2015]");
  EXPECT_TRUE(g.has(doc + "/provision/1", kDct + "isPartOf", doc));
  EXPECT_TRUE(g.has("id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1", "pol:keepsInForce", doc));
  // No node named after the file, and the document does not cite itself through its plan's title.
  EXPECT_TRUE(under(g, "id:doc/state-council-reply-2015-81").triples.empty());
  EXPECT_FALSE(g.has(doc, "pol:references", doc));
  EXPECT_EQ(g.object_values(doc, "pol:issuedBy"), std::set<std::string>{expand("id:agency/state-council")});
}

TEST(Identity, NumberInTheTextHeadNamesTheDocumentWhateverItsSpelling) {
  // "Guo Han (2020) No.123" on the text's first line; a citation "Guo Han [2020] No. 123" elsewhere.
  Graph g = build({family("state-council-reply-2020-123-beijing-service-sector-demonstration-zone")});
  EXPECT_TRUE(g.has("id:doc/state-council-2020-123", "a", "pol:OfficialReply"));
  EXPECT_FALSE(g.of_type("pol:Provision").empty());
  auto text = policykg::builder::build_text("Notice\n\nThe Ministry of Commerce:\n\nI. Guo Han [2020] No. 123 shall apply.\n",
                                            "notice.txt");
  bool cited = false;
  for (const auto& t : text)
    cited |= t.o.value == expand("id:doc/state-council-2020-123") && t.p.value == expand("pol:references");
  EXPECT_TRUE(cited);
}

TEST(Identity, ADocumentsNumberGivesItsYear) {
  // In the text's head, in its catalogue title, and in a citation of a document not built.
  Graph g = build({family("state-council-reply-2015-81-beijing-service-sector-framework-plan"),
                   family("state-council-reply-2020-123-beijing-service-sector-demonstration-zone")});
  const std::string gyear = "http://www.w3.org/2001/XMLSchema#gYear";
  for (const auto& [doc, year] :
       {std::pair{"id:doc/state-council-2015-81", "2015"}, {"id:doc/state-council-2020-123", "2020"}}) {
    auto dates = g.objects(doc, kDct + "date");
    ASSERT_EQ(dates.size(), 1u) << doc;
    EXPECT_EQ(dates[0].value, year);
    EXPECT_EQ(dates[0].datatype, gyear);
  }
  Graph cited{policykg::builder::build_text(
      "Notice\n\nThe Ministry of Commerce:\n\nI. Guo Han [2007] No. 76 and the Plan for Tianjin Port Logistics "
      "shall apply.\n",
      "notice.txt")};
  EXPECT_EQ(cited.one("id:doc/state-council-2007-76", kDct + "date"), "2007");
  // A document named by its title alone, or a text without a number, has no year.
  std::vector<std::string> dated;
  for (const auto& t : cited.triples)
    if (t.p.value == kDct + "date") dated.push_back(t.s.value);
  EXPECT_EQ(dated, std::vector<std::string>{expand("id:doc/state-council-2007-76")});
}

TEST(Identity, SeedKeepsItsIri) {
  Graph g = build({seed_file()});
  EXPECT_TRUE(g.has("id:doc/state-council-reply-2019-beijing-service-sector-plan", "a", "pol:OfficialReply"));
  EXPECT_TRUE(g.has("id:doc/state-council-reply-2019-beijing-service-sector-plan/en", kEli + "realizes",
                    "id:doc/state-council-reply-2019-beijing-service-sector-plan"));
}

TEST(Identity, EntitiesAreOneNodeAcrossDocuments) {
  Graph g = build({family("state-council-reply-2015-81-beijing-service-sector-framework-plan"),
                   family("state-council-reply-2017-86-beijing-service-sector-deepening-plan"),
                   translations("reply-b.txt")});
  const std::string beijing = "id:agency/peoples-government-of-beijing-municipality";
  EXPECT_TRUE(g.has("id:doc/state-council-2015-81", "pol:addressedTo", beijing));
  EXPECT_TRUE(g.has("id:doc/state-council-2017-86", "pol:addressedTo", beijing));
  // "Beijing Municipal People's Government" is the same agency.
  EXPECT_TRUE(g.has("id:doc/state-council-2018-7/provision/2", "pol:responsibleParty", beijing));
  EXPECT_TRUE(typed(g, beijing, "pol:Agency"));
}

TEST(Identity, TwoTranslationsAreTwoExpressionsOfOneDocument) {
  Graph g = build({translations("cites.txt"), translations("reply-a.txt"), translations("reply-b.txt")});
  const std::string doc = "id:doc/state-council-2018-7";
  // One document, cited by the notice, realised by two English texts.
  EXPECT_TRUE(g.has(doc, "a", "pol:OfficialReply"));
  EXPECT_EQ(g.object_values(doc, kEli + "is_realized_by"),
            (std::set<std::string>{expand(doc + "/en"), expand(doc + "/en/2")}));
  EXPECT_TRUE(g.has("id:doc/cites/provision/1/measure/1", "pol:references", doc));
  for (const std::string& e : {doc + "/en", doc + "/en/2"}) {
    EXPECT_TRUE(g.has(e, "a", kEli + "LegalExpression")) << e;
    EXPECT_TRUE(g.has(e, kEli + "realizes", doc)) << e;
    EXPECT_EQ(g.one(e, kDct + "language"), "en");
    EXPECT_EQ(g.one(e, "pol:sha256").size(), 64u);
  }
  EXPECT_EQ(g.objects(doc + "/en", kDct + "title").front().lang, "en");
  // The first text's units are the document's; the second's are its expression's, each with its own offsets.
  EXPECT_TRUE(g.has(doc + "/provision/1", kDct + "isPartOf", doc));
  EXPECT_TRUE(g.has(doc + "/en/2/provision/1", kDct + "isPartOf", doc + "/en/2"));
  EXPECT_TRUE(g.has(doc + "/en/2/provision/1", "pol:sourceDocument", doc + "/en/2"));
  EXPECT_FALSE(g.has(doc + "/en/2", "a", "pol:Document"));
  EXPECT_FALSE(typed(g, "id:doc/reply-b", "pol:Document"));
  EXPECT_GT(check_offsets(under(g, doc + "/en/2/"), read_all(translations("reply-b.txt"))), 0);
  EXPECT_GT(check_offsets(under(g, doc + "/provision/"), read_all(translations("reply-a.txt"))), 0);
}

TEST(Identity, NamedGraphsOnePerText) {
  auto corpus = policykg::builder::build_corpus({translations("reply-a.txt"), translations("reply-b.txt"), seed_file()});
  auto graphs = policykg::builder::named_graphs(corpus, policykg::ns::kDefaultBase);
  std::vector<std::string> names;
  std::size_t total = 0;
  for (const auto& n : graphs) {
    names.push_back(n.name);
    total += n.graph.size();
  }
  EXPECT_EQ(total, corpus.graph.size());
  EXPECT_EQ(names, (std::vector<std::string>{"", expand("id:doc/state-council-2018-7/en"),
                                             expand("id:doc/state-council-2018-7/en/2"),
                                             expand("id:doc/state-council-reply-2019-beijing-service-sector-plan/en")}));
}

TEST(Catalog, ProvenanceFromTheCatalogue) {
  Graph g = build({family("state-council-reply-2017-86-beijing-service-sector-deepening-plan")});
  const std::string page = "http://english.beijing.gov.cn/investinginbeijing/WhyBeijing/lawpolicy/policies/202006/t20200603_1915784.html";
  for (std::string_view s : {"id:doc/state-council-2017-86", "id:doc/state-council-2017-86/en"}) {
    EXPECT_TRUE(g.has(std::string(s), kProv + "wasDerivedFrom", page)) << s;
    EXPECT_TRUE(g.has(std::string(s), kDct + "source", page)) << s;
  }
  const std::string e = "id:doc/state-council-2017-86/en";
  EXPECT_EQ(g.one(e, "pol:sha256"), "a2ca7b88b5a6de9807f4c3716a0a8b15b69bf9fd61047c6e63ca79c369b67d82");
  EXPECT_EQ(g.one(e, "pol:builderVersion").rfind("policykg ", 0), 0u);
  // The catalogue's title, without the number after it, where the text has none.
  Graph f = build({family("state-council-reply-2015-81-beijing-service-sector-framework-plan")});
  EXPECT_EQ(f.one("id:doc/state-council-2015-81", kDct + "title"),
            "Official Reply of the State Council on the Framework Plan for the Comprehensive Pilot Project of "
            "Opening-up of the Service Sector in Beijing");
}

TEST(Catalog, WrongDigestNamesTheFile) {
  fs::path dir = fs::temp_directory_path() / "policykg-catalog-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "Notice\n\nI. The Ministry of Commerce shall act.\n";
  std::ofstream(dir / "catalog.json") << R"({"documents": [{"file": "a.txt", "sha256": ")" << std::string(64, '0')
                                      << R"("}]})";
  try {
    policykg::builder::build_files({dir / "a.txt"});
    ADD_FAILURE() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), (dir / "a.txt").string());
    EXPECT_NE(std::string(e.what()).find("catalog.json"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "catalog.json") << R"({"documents": [{"file": "a.txt", "sha256": 5}]})";
  EXPECT_THROW(policykg::builder::build_files({dir / "a.txt"}), policykg::Error);
  std::ofstream(dir / "catalog.json") << R"({"documents": [)";
  try {
    policykg::builder::build_files({dir / "a.txt"});
    ADD_FAILURE() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), (dir / "catalog.json").string() + ":1:16") << "at the end of its 15 characters";
  }
  // Not listed: it builds, with its digest and no source.
  std::ofstream(dir / "catalog.json") << R"({"documents": []})";
  Graph g = build({dir / "a.txt"});
  EXPECT_EQ(g.one("id:doc/a/en", "pol:sha256"), policykg::builder::sha256_hex(read_all(dir / "a.txt")));
  EXPECT_TRUE(g.objects("id:doc/a/en", kProv + "wasDerivedFrom").empty());
  fs::remove_all(dir);
}
