// query::DatasetGraph: the Boost.Graph concepts over a dataset's permutations. BGL's own
// breadth-first search runs on it, from a dataset in memory and from a mapped index file, and
// finds the distances a search over the GraphView of the same triples finds; the shortest routes'
// vertices are those whose distances from both ends add up to the distance between them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "query/sparql/dataset_graph.hpp"
#include "query/traversal/graph_view.hpp"
#include "rdf/model.hpp"

namespace policykg::query {
namespace {

constexpr std::uint32_t kFar = std::numeric_limits<std::uint32_t>::max();

// Distances from `from` by boost::breadth_first_visit over the adaptor, by term id.
std::vector<std::uint32_t> bgl_distances(const DatasetGraph& g, TermId from) {
  std::vector<std::uint32_t> distance(num_vertices(g), kFar);
  distance[from] = 0;
  struct Recorder : boost::default_bfs_visitor {
    std::vector<std::uint32_t>* d;
    void tree_edge(const DatasetEdge& e, const DatasetGraph&) const { (*d)[e.target] = (*d)[e.source] + 1; }
  } recorder;
  recorder.d = &distance;
  boost::two_bit_color_map<boost::identity_property_map> color(num_vertices(g));
  boost::queue<TermId> queue;
  boost::breadth_first_visit(g, from, queue, recorder, color);
  return distance;
}

// Distances from `from` over a GraphView's edges taken either way, by IRI.
std::map<std::string, std::uint32_t> view_distances(const GraphView& view, Vertex from) {
  std::map<std::string, std::uint32_t> out{{view.node(from).iri, 0}};
  std::vector<Vertex> frontier{from};
  for (std::uint32_t d = 1; !frontier.empty(); ++d) {
    std::vector<Vertex> next;
    for (Vertex v : frontier) {
      std::vector<Vertex> around;
      for (auto [e, end] = boost::out_edges(v, view.graph()); e != end; ++e) around.push_back(boost::target(*e, view.graph()));
      for (auto [e, end] = boost::in_edges(v, view.graph()); e != end; ++e) around.push_back(boost::source(*e, view.graph()));
      for (Vertex u : around)
        if (out.emplace(view.node(u).iri, d).second) next.push_back(u);
    }
    frontier = std::move(next);
  }
  return out;
}

std::string name(const Dataset& d, TermId id) {
  const auto& t = d.dictionary().term(id);
  return t.is_blank() ? "_:" + t.value : t.value;
}

class DatasetGraphTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new rdf::Model;
    model_->load_file(std::string(POLICYKG_SOURCE_DIR) + "/tests/query/data/traversal.ttl");
    memory_ = new Dataset(*model_);
    view_ = new GraphView(*model_);
    const auto file = std::filesystem::temp_directory_path() / ("policykg-dataset-graph-" + std::to_string(::getpid()) + ".pkgi");
    memory_->write_index(file);
    mapped_ = new Dataset(Dataset::open_index(file));
    std::filesystem::remove(file);
  }
  static void TearDownTestSuite() {
    delete mapped_;
    delete view_;
    delete memory_;
    delete model_;
  }
  static rdf::Model* model_;
  static Dataset *memory_, *mapped_;
  static GraphView* view_;
};
rdf::Model* DatasetGraphTest::model_;
Dataset *DatasetGraphTest::memory_, *DatasetGraphTest::mapped_;
GraphView* DatasetGraphTest::view_;

TEST_F(DatasetGraphTest, BoostsBreadthFirstSearchFindsTheViewsDistances) {
  std::size_t compared = 0;
  for (const Dataset* d : {memory_, mapped_}) {
    const DatasetGraph g(*d, {});
    for (Vertex v = 0; v < view_->node_count(); ++v) {
      const std::string& iri = view_->node(v).iri;
      const TermId from = d->dictionary().find(iri.starts_with("_:") ? rdf::Term::blank(iri.substr(2)) : rdf::Term::iri(iri));
      ASSERT_NE(from, 0u) << iri;
      const auto got = bgl_distances(g, from);
      std::map<std::string, std::uint32_t> reached;
      for (TermId id = 1; id < got.size(); ++id)
        if (got[id] != kFar) reached[name(*d, id)] = got[id];
      EXPECT_EQ(reached, view_distances(*view_, v)) << iri;
      ++compared;
    }
  }
  EXPECT_GT(compared, 40u);
}

TEST_F(DatasetGraphTest, ShortestRoutesHoldTheVerticesWhoseDistancesAddUp) {
  const DatasetGraph g(*mapped_, {});
  const std::size_t n = num_vertices(g);
  std::size_t routes = 0;
  for (TermId from = 1; from < n; ++from) {
    if (mapped_->dictionary().kind(from) == rdf::Term::Kind::Literal) continue;
    const auto from_a = bgl_distances(g, from);
    for (TermId to = 1; to < n; to += 3) {
      if (mapped_->dictionary().kind(to) == rdf::Term::Kind::Literal) continue;
      const auto from_b = bgl_distances(g, to);
      std::vector<TermId> expected;
      if (from_a[to] != kFar)
        for (TermId v = 1; v < n; ++v)
          if (from_a[v] != kFar && from_b[v] != kFar && from_a[v] + from_b[v] == from_a[to]) expected.push_back(v);
      EXPECT_EQ(shortest_route_vertices(g, from, to), expected) << name(*mapped_, from) << " -> " << name(*mapped_, to);
      routes += !expected.empty();
    }
  }
  EXPECT_GT(routes, 100u);
}

TEST(DatasetGraph, RoutesLongerThanAByteCountsAreFound) {
  // The search keeps its distances in a byte a vertex while they fit, and searches again with
  // four when they do not: a chain of 700 links is met after 350 levels from each end.
  rdf::Model model;
  const int links = 700;
  auto node = [](int i) { return rdf::Term::iri("http://ex.org/n" + std::to_string(i)); };
  for (int i = 0; i < links; ++i) model.add({node(i), rdf::Term::iri("http://ex.org/next"), node(i + 1)});
  const Dataset dataset(model);
  const DatasetGraph g(dataset, {});
  const TermId first = dataset.dictionary().find(node(0)), last = dataset.dictionary().find(node(links));
  EXPECT_EQ(shortest_route_vertices(g, first, last).size(), static_cast<std::size_t>(links + 1));
  const auto route = first_shortest_route(g, first, last, [](const DatasetEdge&, const DatasetEdge&) { return false; });
  ASSERT_TRUE(route.has_value());
  EXPECT_EQ(route->size(), static_cast<std::size_t>(links));
  EXPECT_EQ(route->back().target, last);
  // and a short one still within a byte
  EXPECT_EQ(shortest_route_vertices(g, first, dataset.dictionary().find(node(3))).size(), 4u);
}

// The route a breadth-first search over the whole graph takes, trying each vertex's edges in
// `order` (a vertex's parent is the first to reach it): what first_shortest_route must give.
std::optional<std::vector<DatasetEdge>> searched_route(const DatasetGraph& g, TermId from, TermId to,
                                                        const EdgeOrder& order) {
  if (from == to) return std::vector<DatasetEdge>{};
  std::map<TermId, DatasetEdge> parent;
  std::vector<TermId> queue{from};
  for (std::size_t i = 0; i < queue.size() && !parent.count(to); ++i) {
    std::vector<DatasetEdge> edges;
    for (auto [e, end] = out_edges(queue[i], g); e != end; ++e) edges.push_back(*e);
    std::sort(edges.begin(), edges.end(), order);
    for (const DatasetEdge& e : edges)
      if (e.target != from && parent.emplace(e.target, e).second) queue.push_back(e.target);
  }
  if (!parent.count(to)) return std::nullopt;
  std::vector<DatasetEdge> route;
  for (TermId v = to; v != from; v = route.back().source) route.push_back(parent.at(v));
  std::reverse(route.begin(), route.end());
  return route;
}

// Two orders: by the far end's id, up and down (each vertex's edges to many, as a hub's, are
// pulled from the many's side when they are fewer).
std::vector<EdgeOrder> orders() {
  auto key = [](const DatasetEdge& e) { return std::tuple(e.target, e.predicate, e.forward); };
  return {[key](const DatasetEdge& a, const DatasetEdge& b) { return key(a) < key(b); },
          [key](const DatasetEdge& a, const DatasetEdge& b) { return key(b) < key(a); }};
}

TEST_F(DatasetGraphTest, TheFirstShortestRouteIsTheOneAWholeSearchTakes) {
  std::size_t routes = 0;
  for (const Dataset* d : {memory_, mapped_}) {
    const DatasetGraph g(*d, {});
    const std::size_t n = num_vertices(g);
    for (const EdgeOrder& order : orders())
      for (TermId from = 1; from < n; from += 2)
        for (TermId to = 1; to < n; to += 3) {
          if (d->dictionary().kind(from) == rdf::Term::Kind::Literal || d->dictionary().kind(to) == rdf::Term::Kind::Literal)
            continue;
          const auto expected = searched_route(g, from, to, order);
          EXPECT_EQ(first_shortest_route(g, from, to, order), expected) << name(*d, from) << " -> " << name(*d, to);
          routes += expected.has_value();
        }
  }
  EXPECT_GT(routes, 200u);
}

TEST(DatasetGraph, AFanOfManyIntoOneTakesTheFirstOfThemThatLeadsOn) {
  // from -p-> hub; m1 … m8 -q-> hub; m3, m6, m7 -s-> next -t-> to: the route's third vertex is
  // the first of m3, m6 and m7 the search meets, by the order it tries the hub's edges in.
  rdf::Model model;
  auto node = [](const std::string& name) { return rdf::Term::iri("http://ex.org/" + name); };
  model.add({node("from"), node("p"), node("hub")});
  for (int i = 1; i <= 8; ++i) model.add({node("m" + std::to_string(i)), node("q"), node("hub")});
  for (int i : {3, 6, 7}) model.add({node("m" + std::to_string(i)), node("s"), node("next")});
  model.add({node("next"), node("t"), node("to")});
  const Dataset dataset(model);
  const DatasetGraph g(dataset, {});
  const TermId from = dataset.dictionary().find(node("from")), to = dataset.dictionary().find(node("to"));
  std::vector<TermId> leading;  // m3, m6 and m7 by id
  for (int i : {3, 6, 7}) leading.push_back(dataset.dictionary().find(node("m" + std::to_string(i))));
  std::sort(leading.begin(), leading.end());
  std::vector<TermId> thirds;
  for (const EdgeOrder& order : orders()) {
    const auto route = first_shortest_route(g, from, to, order);
    ASSERT_TRUE(route.has_value());
    EXPECT_EQ(route, searched_route(g, from, to, order));
    ASSERT_EQ(route->size(), 4u);
    thirds.push_back((*route)[1].target);
  }
  // by id up, the lowest of the three; down, the highest
  EXPECT_EQ(thirds, (std::vector<TermId>{leading.front(), leading.back()}));
}

TEST_F(DatasetGraphTest, FollowsOnlyItsPredicatesAndNeverALiteral) {
  const auto& dictionary = memory_->dictionary();
  const TermId part_of = dictionary.find(rdf::Term::iri("http://purl.org/dc/terms/isPartOf"));
  ASSERT_NE(part_of, 0u);
  const DatasetGraph all(*memory_, {}), parts(*memory_, {part_of});
  std::size_t edges = 0, part_edges = 0;
  for (auto [v, end] = vertices(all); v != end; ++v) {
    for (auto [e, e_end] = out_edges(*v, all); e != e_end; ++e, ++edges) {
      EXPECT_NE(dictionary.kind(e->target), rdf::Term::Kind::Literal);
      EXPECT_NE(dictionary.term(e->predicate).value, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
      EXPECT_EQ(source(*e, all), *v);
    }
    for (auto [e, e_end] = out_edges(*v, parts); e != e_end; ++e, ++part_edges) EXPECT_EQ(e->predicate, part_of);
    EXPECT_LE(out_degree(*v, parts), out_degree(*v, all));
  }
  // Each triple taken forward from its subject and backward from its object.
  EXPECT_EQ(part_edges, 2 * memory_->default_graph().pos().count(part_of, 0, 0));
  EXPECT_GT(edges, part_edges);
}

// A predicate whose objects are literals and other terms both is followed to the others only; one
// whose objects are all literals is not followed at all. Two resources that share a literal are
// no nearer for it, from memory and from an index file, whatever the statistics say.
TEST(DatasetGraph, ALiteralIsNoVertexWhateverItsPredicatesObjectsAre) {
  auto iri = [](const std::string& local) { return rdf::Term::iri("http://ex.org/" + local); };
  const rdf::Term shared = rdf::Term::literal("shared");
  rdf::Model model;
  model.add({iri("a"), iri("mixed"), shared});
  model.add({iri("b"), iri("mixed"), shared});
  model.add({iri("a"), iri("mixed"), iri("c")});
  model.add({iri("c"), iri("nodes"), iri("d")});
  model.add({iri("d"), iri("nodes"), iri("b")});
  model.add({iri("a"), iri("label"), rdf::Term::literal("same")});
  model.add({iri("b"), iri("label"), rdf::Term::literal("same")});
  const Dataset memory(model);
  const auto file = std::filesystem::temp_directory_path() / ("policykg-literal-" + std::to_string(::getpid()) + ".pkgi");
  memory.write_index(file);
  const Dataset mapped = Dataset::open_index(file);
  std::filesystem::remove(file);
  for (const Dataset* d : {&memory, &mapped}) {
    const auto& terms = d->dictionary();
    const auto kind_of = [&](const std::string& local) -> std::uint32_t {
      for (const auto& r : d->default_graph().stats_records())
        if (r.predicate == terms.find(iri(local))) return r.objects_kind;
      return 99;  // no record
    };
    EXPECT_EQ(kind_of("mixed"), kObjectsUnknown);
    EXPECT_EQ(kind_of("nodes"), kObjectsNodes);
    EXPECT_EQ(kind_of("label"), kObjectsLiterals);
    const DatasetGraph g(*d, {});
    const TermId a = terms.find(iri("a")), b = terms.find(iri("b"));
    std::vector<TermId> expected = {a, b, terms.find(iri("c")), terms.find(iri("d"))};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(shortest_route_vertices(g, a, b), expected);
    for (auto [e, end] = out_edges(a, g); e != end; ++e) EXPECT_EQ(e->target, terms.find(iri("c")));
  }
}

}  // namespace
}  // namespace policykg::query
