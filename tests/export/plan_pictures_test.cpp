// The pictures' data of a small plan: measures in document order, the map's counts per district
// and zone, the matrix by role, the tree with its counts; the same bytes for shuffled triples;
// cycles and missing facts never loop or crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "export/plan_pictures.hpp"
#include "ontology/terms.hpp"

namespace policykg::exports {
namespace {

const std::string kIds = "https://w3id.org/policykg/id/";

rdf::Term id(const std::string& path) { return rdf::Term::iri(kIds + path); }
rdf::Term iri(std::string_view v) { return rdf::Term::iri(std::string(v)); }

std::vector<rdf::Triple> small_plan() {
  std::vector<rdf::Triple> t;
  auto add = [&](rdf::Term s, std::string_view p, rdf::Term o) { t.push_back({std::move(s), iri(p), std::move(o)}); };
  auto type = [&](const std::string& s, std::string_view cls) { add(id(s), std_terms::rdf_type, iri(cls)); };
  auto label = [&](const std::string& s, const std::string& l, const std::string& lang = "en") {
    add(id(s), std_terms::rdfs_label, rdf::Term::lang_literal(l, lang));
  };
  auto unit = [&](const std::string& s, std::string_view cls, const std::string& parent, long long position) {
    type(s, cls);
    add(id(s), std_terms::dcterms_isPartOf, id(parent));
    add(id(s), pol::position, rdf::Term::integer(position));
    label(s, s);
  };
  type("doc/r", pol::OfficialReply);
  label("doc/r", "Reply");
  type("doc/p", pol::Plan);
  label("doc/p", "Plan");
  add(id("doc/r"), pol::hasAnnex, id("doc/p"));
  unit("doc/r/provision/1", pol::Provision, "doc/r", 1);
  unit("doc/r/provision/1/measure/1", pol::Measure, "doc/r/provision/1", 1);
  unit("doc/p/section/2", pol::Section, "doc/p", 2);
  unit("doc/p/section/2/task/1", pol::Task, "doc/p/section/2", 1);
  add(id("doc/p/section/2/task/1"), pol::number, rdf::Term::literal("1"));
  unit("doc/p/task/1/initiative/1", pol::Initiative, "doc/p/section/2/task/1", 1);
  // Listed in reverse, to show that pol:position orders them.
  unit("doc/p/task/1/initiative/1/measure/9", pol::Measure, "doc/p/task/1/initiative/1", 2);
  unit("doc/p/task/1/initiative/1/measure/8", pol::Measure, "doc/p/task/1/initiative/1", 1);
  add(id("doc/p/task/1/initiative/1/measure/9"), pol::text, rdf::Term::literal("The text of the third measure"));

  type("district/xicheng", pol::District);
  label("district/xicheng", "Xicheng District");
  add(id("district/xicheng"), std_terms::skos_prefLabel, rdf::Term::lang_literal("西城区", "zh"));
  type("district/haidian", pol::District);
  label("district/haidian", "Haidian District");
  type("zone/financial-street", pol::Zone);
  label("zone/financial-street", "Financial Street");
  add(id("zone/financial-street"), pol::locatedIn, id("district/xicheng"));
  type("agency/a", pol::Agency);
  label("agency/a", "Agency A");

  // measure 1 (reply): applies to Xicheng, agency A stated responsible without a role
  add(id("doc/r/provision/1/measure/1"), pol::appliesTo, id("district/xicheng"));
  add(id("doc/r/provision/1/measure/1"), pol::responsibleParty, id("agency/a"));
  // measure 8 (task 1): applies to the zone; Xicheng leads, agency A coordinates
  const std::string m8 = "doc/p/task/1/initiative/1/measure/8";
  add(id(m8), pol::appliesTo, id("zone/financial-street"));
  add(id(m8), pol::sector, iri(pol::sector_finance));
  add(id(m8), pol::instrumentType, iri(pol::instrument_supply_side));
  add(id(m8), pol::qualifiedResponsibility, id(m8 + "/responsibility/1"));
  add(id(m8 + "/responsibility/1"), pol::agent, id("district/xicheng"));
  add(id(m8 + "/responsibility/1"), pol::role, iri(pol::role_lead));
  add(id(m8), pol::qualifiedResponsibility, id(m8 + "/responsibility/2"));
  add(id(m8 + "/responsibility/2"), pol::agent, id("agency/a"));
  add(id(m8 + "/responsibility/2"), pol::role, iri(pol::role_coordinate));
  // measure 9 (task 1): applies to Xicheng, agency A stated responsible
  add(id("doc/p/task/1/initiative/1/measure/9"), pol::appliesTo, id("district/xicheng"));
  add(id("doc/p/task/1/initiative/1/measure/9"), pol::responsibleParty, id("agency/a"));
  return t;
}

std::vector<std::string> measure_iris(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& m : j["measures"]) out.push_back(m["iri"]);
  return out;
}

TEST(PlanPictures, MeasuresComeInDocumentOrderWithTheirTaskAndTypology) {
  std::map<std::string, std::string, std::less<>> labels = {{std::string(pol::sector_finance), "finance"}};
  PlanPicturesOptions options;
  options.labels = &labels;
  auto j = plan_pictures(small_plan(), options);
  EXPECT_EQ(measure_iris(j), (std::vector<std::string>{kIds + "doc/r/provision/1/measure/1",
                                                       kIds + "doc/p/task/1/initiative/1/measure/8",
                                                       kIds + "doc/p/task/1/initiative/1/measure/9"}));
  ASSERT_EQ(j["tasks"].size(), 1u);
  EXPECT_EQ(j["tasks"][0]["number"], "1");
  EXPECT_EQ(j["measures"][0]["task"], -1);
  EXPECT_EQ(j["measures"][1]["task"], 0);
  EXPECT_EQ(j["measures"][2]["text"], "The text of the third measure");
  ASSERT_EQ(j["sectors"].size(), 1u);
  EXPECT_EQ(j["sectors"][0]["label"], "finance");                 // from the options' labels
  EXPECT_EQ(j["instruments"][0]["label"], "SupplySide");          // no label: the IRI's last segment
  EXPECT_EQ(j["measures"][1]["sectors"], nlohmann::json::array({0}));
}

TEST(PlanPictures, MapCountsWhatAppliesToAndWhatIsAssignedToEachPlace) {
  auto j = plan_pictures(small_plan());
  // Places: the districts, then the zones, each by IRI.
  std::vector<std::string> places;
  for (const auto& p : j["places"]) places.push_back(p["label"]);
  EXPECT_EQ(places, (std::vector<std::string>{"Haidian District", "Xicheng District", "Financial Street"}));
  const auto& districts = j["map"]["districts"];
  ASSERT_EQ(districts.size(), 2u);
  EXPECT_EQ(districts[0]["name"], "");  // Haidian has no Chinese label here
  EXPECT_EQ(districts[0]["applies"], nlohmann::json::array());
  EXPECT_EQ(districts[1]["name"], "西城区");
  EXPECT_EQ(districts[1]["applies"], nlohmann::json::array({0, 2}));
  EXPECT_EQ(districts[1]["assigned"], nlohmann::json::array({1}));
  const auto& zones = j["map"]["zones"];
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_EQ(zones[0]["district"], 1);
  EXPECT_EQ(zones[0]["applies"], nlohmann::json::array({1}));
  EXPECT_EQ(j["measures"][1]["places"], nlohmann::json::array({2}));
}

TEST(PlanPictures, MatrixCountsEachMeasureOnceByPartyTaskAndRole) {
  auto j = plan_pictures(small_plan());
  EXPECT_EQ(j["matrix"]["columns"], nlohmann::json::array({0, -1}));
  const auto& rows = j["matrix"]["rows"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["label"], "Agency A");
  EXPECT_EQ(rows[0]["kind"], "Agency");
  // Agency A: measure 0 outside the tasks (stated, no role); measures 1 (coordinate) and 2 (stated) in task 0.
  const auto& cells = rows[0]["cells"];
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0]["column"], -1);
  EXPECT_EQ(cells[0]["measures"], nlohmann::json::array({0}));
  EXPECT_EQ(cells[1]["column"], 0);
  EXPECT_EQ(cells[1]["measures"], nlohmann::json::array({1, 2}));
  std::map<std::string, nlohmann::json> roles;
  for (const auto& r : cells[1]["roles"]) {
    const long long index = r[0];
    roles[index < 0 ? "stated" : j["roles"][index]["iri"].get<std::string>()] = r[1];
  }
  EXPECT_EQ(roles["stated"], nlohmann::json::array({2}));
  EXPECT_EQ(roles[std::string(pol::role_coordinate)], nlohmann::json::array({1}));
  EXPECT_EQ(rows[1]["label"], "Xicheng District");
  EXPECT_EQ(rows[1]["kind"], "District");
}

TEST(PlanPictures, TreeRunsFromTheReplyThroughItsAnnexToTheMeasuresWithCounts) {
  auto j = plan_pictures(small_plan());
  ASSERT_EQ(j["tree"].size(), 1u);
  const auto& reply = j["tree"][0];
  EXPECT_EQ(reply["kind"], "OfficialReply");
  EXPECT_EQ(reply["measures"], 3);
  ASSERT_EQ(reply["children"].size(), 2u);
  EXPECT_EQ(reply["children"][0]["kind"], "Provision");  // a positioned unit before the annex
  EXPECT_EQ(reply["children"][0]["children"][0]["measure"], 0);
  const auto& plan = reply["children"][1];
  EXPECT_EQ(plan["kind"], "Plan");
  EXPECT_EQ(plan["measures"], 2);
  const auto& initiative = plan["children"][0]["children"][0]["children"][0];
  EXPECT_EQ(initiative["kind"], "Initiative");
  EXPECT_EQ(initiative["children"], nlohmann::json::parse(R"([{"measure": 1}, {"measure": 2}])"));
}

TEST(PlanPictures, TimelineDatesEachDocumentAndJoinsItsLinks) {
  auto t = small_plan();
  auto add = [&](const std::string& s, std::string_view p, rdf::Term o) { t.push_back({id(s), iri(p), std::move(o)}); };
  add("doc/r", std_terms::dcterms_issued, rdf::Term::typed("2019-01-31", std::string(rdf::kXsd) + "date"));
  add("doc/old", std_terms::rdf_type, iri(pol::OfficialReply));
  add("doc/old", std_terms::dcterms_date, rdf::Term::typed("2015", std::string(rdf::kXsd) + "gYear"));
  add("doc/old", std_terms::dcterms_identifier, rdf::Term::literal("No. 81 [2015]"));
  add("doc/old", pol::references, id("doc/cited"));
  add("doc/cited", std_terms::rdf_type, iri(pol::Plan));
  add("doc/p", pol::keepsInForce, id("doc/old"));
  add("doc/p", pol::prevailsOver, id("doc/old"));
  add("doc/p", pol::references, id("district/xicheng"));  // not a document: no link
  const auto j = plan_pictures(t)["timeline"];
  std::map<std::string, nlohmann::ordered_json> by_iri;
  std::vector<std::string> order;
  for (const auto& d : j["documents"]) {
    by_iri[d["iri"]] = d;
    order.push_back(d["iri"]);
  }
  EXPECT_EQ(order, (std::vector<std::string>{kIds + "doc/cited", kIds + "doc/old", kIds + "doc/p", kIds + "doc/r"}));
  EXPECT_EQ(by_iri[kIds + "doc/r"]["date"], "2019-01-31");
  EXPECT_EQ(by_iri[kIds + "doc/r"]["datedBy"], "issued");
  EXPECT_EQ(by_iri[kIds + "doc/r"]["measures"], 0) << "the reply holds the measures of its annex";
  EXPECT_EQ(by_iri[kIds + "doc/p"]["date"], "2019-01-31");
  EXPECT_EQ(by_iri[kIds + "doc/p"]["datedBy"], "approval");
  EXPECT_EQ(by_iri[kIds + "doc/old"]["date"], "2015");
  EXPECT_EQ(by_iri[kIds + "doc/old"]["datedBy"], "number");
  EXPECT_EQ(by_iri[kIds + "doc/old"]["identifier"], "No. 81 [2015]");
  EXPECT_EQ(by_iri[kIds + "doc/old"]["measures"], -1);
  EXPECT_EQ(by_iri[kIds + "doc/cited"]["date"], "");
  EXPECT_EQ(by_iri[kIds + "doc/cited"]["datedBy"], "");
  // cited 0, old 1, p 2, r 3
  EXPECT_EQ(j["links"], nlohmann::ordered_json::parse(R"([
    {"from": 1, "to": 0, "relations": ["references"]},
    {"from": 2, "to": 1, "relations": ["keepsInForce", "prevailsOver"]},
    {"from": 3, "to": 2, "relations": ["hasAnnex"]}])"));
}

TEST(PlanPictures, ATimelineOfDocumentsApprovingEachOtherEnds) {
  std::vector<rdf::Triple> t;
  for (const auto& [a, b] : {std::pair{"doc/a", "doc/b"}, {"doc/b", "doc/a"}}) {
    t.push_back({id(a), iri(std_terms::rdf_type), iri(pol::Plan)});
    t.push_back({id(a), iri(pol::approves), id(b)});
  }
  const auto j = plan_pictures(t)["timeline"];
  ASSERT_EQ(j["documents"].size(), 2u);
  for (const auto& d : j["documents"]) EXPECT_EQ(d["date"], "") << d.dump();
  EXPECT_EQ(j["links"].size(), 2u);
}

TEST(PlanPictures, ShuffledTriplesGiveTheSameBytes) {
  auto triples = small_plan();
  auto shuffled = triples;
  std::mt19937 rng(15);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  EXPECT_EQ(plan_pictures(triples).dump(), plan_pictures(shuffled).dump());
}

TEST(PlanPictures, CyclesAndBareMeasuresNeitherLoopNorCrash) {
  std::vector<rdf::Triple> t;
  const auto part_of = iri(std_terms::dcterms_isPartOf);
  t.push_back({id("a"), part_of, id("b")});
  t.push_back({id("b"), part_of, id("a")});
  t.push_back({id("a"), iri(std_terms::rdf_type), iri(pol::Measure)});
  t.push_back({id("m"), iri(std_terms::rdf_type), iri(pol::Measure)});
  t.push_back({id("m"), iri(pol::position), rdf::Term::literal("not a number")});
  t.push_back({id("m"), iri(pol::qualifiedResponsibility), id("q")});  // q has no agent
  t.push_back({rdf::Term::blank("x"), part_of, id("m")});
  auto j = plan_pictures(t);
  EXPECT_EQ(measure_iris(j), (std::vector<std::string>{kIds + "a", kIds + "m"}));
  EXPECT_EQ(j["tree"], nlohmann::json::array());
  EXPECT_EQ(j["matrix"]["rows"], nlohmann::json::array());
  EXPECT_EQ(plan_pictures({})["measures"], nlohmann::json::array());
}

}  // namespace
}  // namespace policykg::exports
