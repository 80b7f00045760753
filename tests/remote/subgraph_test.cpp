// A traversal on what its reach fetches gives what it gives on the whole graph: each traversal,
// from every resource of the traversal tests' graph (cycles, sub-organisations, approval by a
// reply, overrides), with the queries run by the local engine as an endpoint would run them; the
// entity resolver found remotely as locally; and an endpoint's row limit paged through.
#include "remote/subgraph.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <regex>

#include "core/error.hpp"
#include "query/sparql/dataset.hpp"
#include "query/sparql/sparql.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/traversal.hpp"
#include "rdf/model.hpp"
#include "rdf/parser.hpp"
#include "rdf/serializer.hpp"
#include "tests/remote/test_server.hpp"

namespace policykg::remote {
namespace {

const std::string kBase = "https://w3id.org/policykg/id/";

// Added to the traversal tests' graph: roles stated through qualified responsibilities (on a unit
// and on the reply), units with their text, and a label that is not ASCII.
const char* kMore = R"(
@prefix pol: <https://w3id.org/policykg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<doc/plan/task/2/initiative/1> pol:qualifiedResponsibility <doc/plan/task/2/initiative/1/responsibility/1> .
<doc/plan/task/2/initiative/1/responsibility/1> pol:agent <agency/ministry-of-commerce> ; pol:role pol:LeadRole .
<doc/reply> pol:qualifiedResponsibility <doc/reply/responsibility/1> .
<doc/reply/responsibility/1> pol:agent <agency/beijing> ; pol:role pol:AddresseeRole .
<doc/plan/task/7/initiative/7> pol:text "Creating an open financial environment. Xicheng shall improve financial management." ;
  pol:sourceStart "0"^^xsd:integer ; pol:sourceEnd "84"^^xsd:integer .
<doc/plan/task/7/initiative/7/measure/1> pol:text "Xicheng shall improve financial management." ;
  pol:sourceStart "40"^^xsd:integer ; pol:sourceEnd "84"^^xsd:integer .
<agency/emigre> a pol:Agency ; rdfs:label "Émigré Services Office"@en .
)";

class Subgraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new rdf::Model;
    model_->load_file(std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl");
    model_->add(rdf::parse_string(kMore, rdf::Format::Turtle, kBase));
    whole_ = new query::GraphView(*model_);
    dataset_ = new query::Dataset(*model_);
  }
  static void TearDownTestSuite() {
    delete dataset_;
    delete whole_;
    delete model_;
  }
  // The queries alone, as an endpoint answers them: shortest routes are searched with queries.
  class QueriesOnly : public GraphQueries {
   public:
    explicit QueriesOnly(DatasetQueries& graph) : graph_(&graph) {}
    std::vector<rdf::Triple> construct(const std::string& sparql) override { return graph_->construct(sparql); }
    bool ask(const std::string& sparql) override { return graph_->ask(sparql); }

   private:
    DatasetQueries* graph_;
  };
  // The view of what `reach` fetches from `entities`; with `queries_only`, as from an endpoint
  // (without the dataset's own search of shortest routes).
  query::GraphView fetched(const std::vector<std::string>& entities, const query::Reach& reach, std::size_t batch = 200,
                           bool queries_only = false) {
    DatasetQueries graph(*dataset_);  // the queries an endpoint gets, answered by the local engine
    QueriesOnly queries(graph);
    auto triples = queries_only ? fetch_reach(queries, entities, reach, batch) : fetch_reach(graph, entities, reach, batch);
    last_queries_ = graph.queries();
    last_size_ = triples.size();
    return query::GraphView(triples);
  }
  static std::vector<std::string> resources() {
    std::vector<std::string> out;
    for (query::Vertex v = 0; v < whole_->node_count(); ++v) out.push_back(whole_->node(v).iri);
    return out;
  }
  static query::Vertex at(const query::GraphView& view, const std::string& iri) {
    auto v = view.vertex(iri);
    if (!v) throw std::runtime_error("not fetched: " + iri);
    return *v;
  }
  static rdf::Model* model_;
  static query::GraphView* whole_;
  static query::Dataset* dataset_;
  std::size_t last_queries_ = 0, last_size_ = 0;
};
rdf::Model* Subgraph::model_ = nullptr;
query::GraphView* Subgraph::whole_ = nullptr;
query::Dataset* Subgraph::dataset_ = nullptr;

std::string route(const query::GraphView& view, const query::Route& r) { return query::route_text(view, r, kBase); }

std::string show(const query::GraphView& view, const std::vector<query::Responsibility>& answers) {
  std::string s;
  for (const auto& a : answers) {
    const query::Vertex on = query::stated_on(a.route, a.route.empty() ? a.party : a.route.hops.front().from);
    s += view.node(a.party).iri + " " + view.node(a.party).label + " " + a.how + " " + route(view, a.route);
    for (const auto& r : query::roles(view, on, a.party)) s += " " + r;
    s += "\n";
  }
  return s;
}

TEST_F(Subgraph, ResponsibleAnswersAsOnTheWholeGraph) {
  std::size_t answered = 0;
  for (const auto& iri : resources()) {
    for (bool all : {false, true}) {
      const auto part = fetched({iri}, query::responsible_reach());
      const auto expected = show(*whole_, query::responsible(*whole_, at(*whole_, iri), all));
      EXPECT_EQ(show(part, query::responsible(part, at(part, iri), all)), expected) << iri << (all ? " --all" : "");
      answered += expected.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(answered, 10u);  // the graph gives most units a party
  const auto roles = show(*whole_, query::responsible(*whole_, at(*whole_, kBase + "doc/plan/task/2/initiative/1/measure/1")));
  EXPECT_NE(roles.find(" lead"), std::string::npos) << roles;
}

TEST_F(Subgraph, EveryUnitsResponsibilityAsOnTheWholeGraph) {
  const auto part = fetched({}, query::responsible_reach(true));
  auto table = [](const query::GraphView& view) {
    std::string s;
    for (const auto& [unit, answers] : query::responsible_all(view)) s += view.node(unit).iri + ":\n" + show(view, answers);
    return s;
  };
  const auto expected = table(*whole_);
  EXPECT_NE(expected.find("inherited"), std::string::npos);
  EXPECT_EQ(table(part), expected);
}

TEST_F(Subgraph, DutiesAnswerAsOnTheWholeGraph) {
  auto show_duties = [](const query::GraphView& view, const std::vector<query::Duty>& duties) {
    std::string s;
    for (const auto& d : duties) {
      s += view.node(d.unit).iri + " " + view.node(d.party).iri + " " + d.how + " " + view.node(d.stated_on).iri + " " +
           route(view, d.route);
      for (const auto& r : query::roles(view, d.stated_on, d.party)) s += " " + r;
      s += "\n";
    }
    return s;
  };
  std::size_t answered = 0;
  for (const auto& iri : resources()) {
    for (bool sub : {false, true}) {
      for (bool inherited : {false, true}) {
        const auto part = fetched({iri}, query::duties_reach(sub, inherited));
        const auto expected = show_duties(*whole_, query::duties(*whole_, at(*whole_, iri), sub, inherited));
        EXPECT_EQ(show_duties(part, query::duties(part, at(part, iri), sub, inherited)), expected)
            << iri << (sub ? " --include-sub" : "") << (inherited ? " --inherited" : "");
        answered += expected.empty() ? 0 : 1;
      }
    }
  }
  EXPECT_GT(answered, 10u);
}

TEST_F(Subgraph, DepsAndImpactAnswerAsOnTheWholeGraph) {
  auto show_deps = [](const query::GraphView& view, const query::DependencyReport& r) {
    std::string s;
    for (const auto& d : r.dependencies) s += view.node(d.unit).iri + " " + std::to_string(d.depth) + " " + route(view, d.route) + "\n";
    for (const auto& c : r.cycles) s += "cycle " + route(view, c) + "\n";
    return s;
  };
  auto show_impact = [](const query::GraphView& view, const std::vector<query::Impact>& impact) {
    std::string s;
    for (const auto& i : impact) s += view.node(i.unit).iri + " " + i.how + " " + route(view, i.route) + "\n";
    return s;
  };
  bool cycle = false, transitive = false;
  for (const auto& iri : resources()) {
    for (bool reverse : {false, true}) {
      const auto part = fetched({iri}, query::deps_reach(reverse));
      query::DepsOptions o;
      o.reverse = reverse;
      const auto expected = show_deps(*whole_, query::deps(*whole_, at(*whole_, iri), o));
      EXPECT_EQ(show_deps(part, query::deps(part, at(part, iri), o)), expected) << iri << (reverse ? " --reverse" : "");
      cycle = cycle || expected.find("cycle") != std::string::npos;
    }
    const auto part = fetched({iri}, query::impact_reach());
    const auto expected = show_impact(*whole_, query::impact(*whole_, at(*whole_, iri)));
    EXPECT_EQ(show_impact(part, query::impact(part, at(part, iri))), expected) << "impact " << iri;
    transitive = transitive || expected.find("depends on an affected unit") != std::string::npos;
  }
  EXPECT_TRUE(cycle);
  EXPECT_TRUE(transitive);
}

TEST_F(Subgraph, PathsAnswerAsOnTheWholeGraph) {
  const auto all = resources();
  const std::set<std::string> part_of{"http://purl.org/dc/terms/isPartOf"};
  std::size_t connected = 0;
  // Searched by the dataset's breadth-first search over its permutations, and with queries alone.
  for (bool queries_only : {false, true}) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (std::size_t j = i % 3; j < all.size(); j += 3) {
        for (const auto* predicates : {&part_of, static_cast<const std::set<std::string>*>(nullptr)}) {
          const std::set<std::string> via = predicates ? *predicates : std::set<std::string>{};
          const auto part = fetched({all[i], all[j]}, query::path_reach(via), 200, queries_only);
          const auto expected = query::shortest_path(*whole_, at(*whole_, all[i]), at(*whole_, all[j]), via);
          const auto got = query::shortest_path(part, at(part, all[i]), at(part, all[j]), via);
          ASSERT_EQ(got.has_value(), expected.has_value()) << all[i] << " -> " << all[j] << (queries_only ? " (queries)" : "");
          if (!expected) continue;
          ++connected;
          EXPECT_EQ(route(part, *got), route(*whole_, *expected))
              << all[i] << " -> " << all[j] << (queries_only ? " (queries)" : "");
        }
      }
    }
  }
  EXPECT_GT(connected, 200u);
}

// Many shortest routes of one length, parallel edges both ways, blank nodes (whose keys sort
// before IRIs, though their terms sort after): the dataset's own search takes the route the whole
// graph's view takes, tie for tie.
TEST(SubgraphTies, PathsTakeTheWholeGraphsRouteAmongTies) {
  std::string ttl = "@prefix : <http://ex/> .\n";
  const std::vector<std::string> nodes = {":a", ":b", ":c", ":d", ":e", ":f", "_:z", "_:y", ":A", ":Z"};
  const std::vector<std::string> predicates = {":p", ":q", ":r"};
  std::uint32_t x = 12345;
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) % 1000; };
  for (int i = 0; i < 40; ++i) {
    const auto& s = nodes[next() % nodes.size()];
    const auto& o = nodes[next() % nodes.size()];
    ttl += s + " " + predicates[next() % predicates.size()] + " " + o + " .\n";
  }
  for (const auto& n : nodes)  // a blank node, which no query can name, is not described
    if (!n.starts_with("_:")) ttl += n + " <http://www.w3.org/2000/01/rdf-schema#label> \"" + n + "\" .\n";
  rdf::Model model;
  model.add(rdf::parse_string(ttl, rdf::Format::Turtle));
  const query::GraphView whole(model);
  const query::Dataset dataset(model);
  std::size_t routes = 0;
  for (query::Vertex i = 0; i < whole.node_count(); ++i)
    for (query::Vertex j = 0; j < whole.node_count(); ++j)
      for (const std::set<std::string>& via : {std::set<std::string>{}, std::set<std::string>{"http://ex/p", "http://ex/q"}}) {
        const std::string from = whole.node(i).iri, to = whole.node(j).iri;
        DatasetQueries graph(dataset);
        const query::GraphView part(fetch_reach(graph, {from, to}, query::path_reach(via)));
        const auto expected = query::shortest_path(whole, i, j, via);
        if (!part.vertex(from) || !part.vertex(to)) {  // a blank node alone: nothing fetched names it
          EXPECT_FALSE(expected && !expected->empty()) << from << " -> " << to;
          continue;
        }
        const auto got = query::shortest_path(part, *part.vertex(from), *part.vertex(to), via);
        ASSERT_EQ(got.has_value(), expected.has_value()) << from << " -> " << to;
        if (!expected) continue;
        routes += expected->size() > 1;
        EXPECT_EQ(query::route_text(part, *got, ""), query::route_text(whole, *expected, "")) << from << " -> " << to;
      }
  EXPECT_GT(routes, 50u);
}

TEST_F(Subgraph, FetchesWhatTheTraversalReadsNotTheWholeGraph) {
  const std::size_t whole = model_->sorted_triples().size();
  fetched({kBase + "doc/plan/task/7/initiative/7/measure/11"}, query::deps_reach(false));
  EXPECT_LT(last_size_, whole / 2) << last_size_ << " of " << whole;
  EXPECT_GT(last_size_, 10u);
  // The same answers asked two resources at a time: more queries, the same triples.
  const std::size_t size = last_size_, queries = last_queries_;
  fetched({kBase + "doc/plan/task/7/initiative/7/measure/11"}, query::deps_reach(false), 2);
  EXPECT_EQ(last_size_, size);
  EXPECT_GT(last_queries_, queries);
}

TEST_F(Subgraph, ResolvesEntitiesAsTheLocalResolver) {
  const query::EntityResolver local(*whole_, kBase);
  std::vector<std::string> names = {"plan", "task/1", "doc/plan", "Ministry of Commerce", "ministry  of commerce.",
                                    "nothing of the kind", "id:agency/mofcom", "pol:nothing", "<https://w3id.org/x>",
                                    "measure", "   ", "Plan!", "Émigré Services Office", "émigré services",
                                    "open financial environment", "improve financial management", "Xicheng shall",
                                    "shall improve financial", "_:b0", "<a b>"};
  for (query::Vertex v = 0; v < whole_->node_count(); ++v) {
    names.push_back(whole_->node(v).iri);
    names.push_back(whole_->node(v).label);
    for (const auto& key : whole_->attribute(v, "http://purl.org/dc/terms/identifier")) names.push_back(key.value);
    const auto& iri = whole_->node(v).iri;
    if (iri.starts_with(kBase)) names.push_back("id:" + iri.substr(kBase.size()));
  }
  std::size_t resolved = 0, refused = 0;
  for (const auto& name : names) {
    DatasetQueries graph(*dataset_);
    std::string expected, got, expected_error, got_error;
    try {
      expected = whole_->node(local.resolve(name)).iri;
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Input) << name;
      expected_error = e.where();
    }
    try {
      got = resolve_entity(graph, name, kBase);
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Input) << name;
      got_error = e.where();
    }
    EXPECT_EQ(got, expected) << name;
    EXPECT_EQ(got_error, expected_error) << name;
    EXPECT_LE(graph.queries(), 6u) << name;
    (expected.empty() ? refused : resolved) += 1;
  }
  EXPECT_GT(resolved, 20u);
  EXPECT_GT(refused, 2u);
}

TEST_F(Subgraph, AMappedIndexFileGivesTheSamePart) {
  const auto file = std::filesystem::temp_directory_path() / ("policykg-subgraph-" + std::to_string(::getpid()) + ".pkgi");
  dataset_->write_index(file);
  const auto mapped = query::Dataset::open_index(file);
  std::filesystem::remove(file);
  for (const auto& iri : resources()) {
    DatasetQueries from_memory(*dataset_), from_file(mapped);
    EXPECT_EQ(fetch_reach(from_file, {iri}, query::responsible_reach()),
              fetch_reach(from_memory, {iri}, query::responsible_reach()))
        << iri;
  }
}

// An endpoint that cuts each answer at two triples and says so, as Virtuoso does.
TEST(EndpointQueries, PagesThroughAnAnswerTheServerCuts) {
  std::vector<rdf::Triple> all;
  for (int i = 0; i < 5; ++i)
    all.push_back({rdf::Term::iri("http://ex/s" + std::to_string(i)), rdf::Term::iri("http://ex/p"), rdf::Term::literal("o")});
  test::TestServer server;
  std::vector<std::string> asked;
  server.server().Post("/sparql", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string q = req.get_param_value("query");
    asked.push_back(q);
    std::smatch m;
    std::size_t offset = 0;
    if (std::regex_search(q, m, std::regex("ORDER BY \\?s \\?p \\?o LIMIT 2 OFFSET (\\d+)$"))) offset = std::stoul(m[1]);
    std::vector<rdf::Triple> page(all.begin() + std::min<std::size_t>(offset, all.size()),
                                  all.begin() + std::min<std::size_t>(offset + 2, all.size()));
    res.set_content(rdf::serialize(page, rdf::Format::NTriples, ""), "application/n-triples");
    res.set_header("X-SPARQL-MaxRows", "2");
  });
  server.start();
  EndpointOptions o;
  o.url = parse_url(server.url("/sparql"));
  o.http.retry.attempts = 1;
  Endpoint endpoint(o);
  EndpointQueries graph(endpoint);
  EXPECT_EQ(graph.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), all);
  ASSERT_EQ(asked.size(), 4u);  // cut, then pages at 0, 2 and 4
  EXPECT_TRUE(asked[3].ends_with("LIMIT 2 OFFSET 4")) << asked[3];
  EXPECT_EQ(graph.queries(), 4u);
}

}  // namespace
}  // namespace policykg::remote
