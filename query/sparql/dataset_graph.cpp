#include "query/sparql/dataset_graph.hpp"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <limits>
#include <new>
#include <unordered_map>

#include "ontology/terms.hpp"

namespace policykg::query {

DatasetGraph::DatasetGraph(const Dataset& dataset, std::vector<TermId> predicates)
    : dataset_(&dataset), predicates_(std::move(predicates)),
      type_(dataset.dictionary().find(rdf::Term::iri(std::string(std_terms::rdf_type)))) {
  std::sort(predicates_.begin(), predicates_.end());
}

bool DatasetGraph::follows(TermId p) const {
  if (predicates_.empty()) return p != type_;
  return std::binary_search(predicates_.begin(), predicates_.end(), p);
}

std::pair<DatasetGraph::OutEdgeIterator, DatasetGraph::OutEdgeIterator> DatasetGraph::out_edges(TermId v) const {
  OutEdgeIterator first(this, v);
  return {first, first.end()};
}

DatasetGraph::OutEdgeIterator::OutEdgeIterator(const DatasetGraph* g, TermId v)
    : g_(g), v_(v), forward_(g->dataset_->default_graph().spo().pairs(v)),
      backward_(g->dataset_->default_graph().osp().pairs(v)) {
  skip();
}

DatasetGraph::OutEdgeIterator DatasetGraph::OutEdgeIterator::end() const {
  OutEdgeIterator past = *this;
  past.at_ = forward_.size() + backward_.size();
  return past;
}

DatasetEdge DatasetGraph::OutEdgeIterator::dereference() const {
  if (at_ < forward_.size()) return {v_, forward_[at_][0], forward_[at_][1], true};
  const auto& row = backward_[at_ - forward_.size()];  // (s, p)
  return {v_, row[1], row[0], false};
}

void DatasetGraph::OutEdgeIterator::increment() {
  ++at_;
  skip();
}

void DatasetGraph::OutEdgeIterator::skip() {
  const auto& dictionary = g_->dataset_->dictionary();
  for (; at_ < forward_.size(); ++at_)
    if (g_->follows(forward_[at_][0]) && dictionary.kind(forward_[at_][1]) != rdf::Term::Kind::Literal) return;
  for (; at_ < forward_.size() + backward_.size(); ++at_)
    if (g_->follows(backward_[at_ - forward_.size()][1])) return;
}

std::size_t DatasetGraph::rows(TermId v) const {
  return dataset_->default_graph().spo().pairs(v).size() + dataset_->default_graph().osp().pairs(v).size();
}

namespace {

// n zeros whose pages the kernel gives as they are first touched (calloc maps fresh zero pages
// for a large size, with no fill): a search of a graph of millions of terms touches only the
// parts of its arrays where the ids it meets are.
template <class T>
class ZeroArray {
 public:
  explicit ZeroArray(std::size_t n) : data_(static_cast<T*>(std::calloc(std::max<std::size_t>(n, 1), sizeof(T)))) {
    if (data_ == nullptr) throw std::bad_alloc();
  }
  ~ZeroArray() { std::free(data_); }
  ZeroArray(const ZeroArray&) = delete;
  ZeroArray& operator=(const ZeroArray&) = delete;
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  T* data_;
};

// shortest_route_vertices with each side's distances kept in a `Level` a vertex: nullopt when a
// side's radius outgrows it. Of the arrays a search touches, those are the largest: at a byte a
// vertex a search touches a quarter of the pages it would at four, and each page it touches
// first costs a fault.
template <class Level>
std::optional<std::vector<TermId>> route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  struct Side {
    explicit Side(std::size_t n, TermId start) : level(n), frontier{start} { level[start] = 1; }
    ZeroArray<Level> level;  ///< a vertex's distance from this side's end, plus one; 0: not reached
    std::vector<TermId> frontier;
    std::uint32_t radius = 0;
  };
  Side a(n, from), b(n, to);
  auto rows = [&g](const std::vector<TermId>& frontier) {
    std::size_t sum = 0;
    for (TermId v : frontier) sum += g.rows(v);
    return sum;
  };
  // A level at a time, the side whose frontier has fewer rows to read first, until a level meets
  // the other side: then the distance is the two radii.
  std::vector<TermId> met;
  while (met.empty() && !a.frontier.empty() && !b.frontier.empty()) {
    Side& side = rows(a.frontier) <= rows(b.frontier) ? a : b;
    const Side& other = &side == &a ? b : a;
    if (side.radius + 2 > std::numeric_limits<Level>::max()) return std::nullopt;
    const auto level = static_cast<Level>(side.radius + 2);
    std::vector<TermId> next;
    for (TermId v : side.frontier)
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        const TermId u = target(*e, g);
        if (side.level[u] != 0) continue;
        side.level[u] = level;
        next.push_back(u);
        if (other.level[u] != 0) met.push_back(u);
      }
    ++side.radius;
    side.frontier = std::move(next);
  }
  if (met.empty()) return std::vector<TermId>{};
  // Back from where they met towards each end, each step to a neighbour one nearer to it: every
  // vertex on a shortest route is met so (a route crosses the level where the sides met).
  ZeroArray<std::uint8_t> taken(n);
  std::vector<TermId> on;
  for (TermId m : met)
    if (!taken[m]) taken[m] = 1, on.push_back(m);
  std::vector<TermId> todo = on;
  while (!todo.empty()) {
    const TermId v = todo.back();
    todo.pop_back();
    for (const Side* side : {&a, &b}) {
      const unsigned level = side->level[v];
      if (level <= 1) continue;  // not reached from this side, or its end
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        const TermId u = target(*e, g);
        if (side->level[u] != 0 && side->level[u] + 1u == level && !taken[u]) {
          taken[u] = 1;
          on.push_back(u);
          todo.push_back(u);
        }
      }
    }
  }
  std::sort(on.begin(), on.end());
  return on;
}

}  // namespace

std::vector<TermId> shortest_route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  if (from == 0 || to == 0 || from >= n || to >= n) return {};
  if (from == to) return {from};
  if (auto on = route_vertices<std::uint8_t>(g, from, to)) return *std::move(on);
  return *route_vertices<std::uint32_t>(g, from, to);
}

std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, TermId from, TermId to,
                                                             const EdgeOrder& order) {
  const std::vector<TermId> on = shortest_route_vertices(g, from, to);
  if (on.empty()) return std::nullopt;
  if (from == to) return std::vector<DatasetEdge>{};
  ZeroArray<std::uint8_t> searched(g.vertex_count());
  for (TermId v : on) searched[v] = 1;
  std::unordered_map<TermId, DatasetEdge> parent;  // of each vertex reached but `from`
  std::deque<TermId> queue{from};
  std::vector<DatasetEdge> edges;
  bool reached = false;
  while (!queue.empty() && !reached) {
    const TermId v = queue.front();
    queue.pop_front();
    // its edges to vertices not reached yet (the level after v's), in the order tried
    edges.clear();
    for (auto [e, end] = out_edges(v, g); e != end; ++e)
      if (e->target != v && e->target != from && searched[e->target] && !parent.count(e->target)) edges.push_back(*e);
    std::sort(edges.begin(), edges.end(), order);
    for (const DatasetEdge& e : edges) {
      if (!parent.emplace(e.target, e).second) continue;
      if (e.target == to) {
        reached = true;
        break;
      }
      queue.push_back(e.target);
    }
  }
  std::vector<DatasetEdge> route;
  for (TermId v = to; v != from; v = route.back().source) route.push_back(parent.at(v));
  std::reverse(route.begin(), route.end());
  return route;
}

}  // namespace policykg::query
