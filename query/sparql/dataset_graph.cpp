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

bool DatasetGraph::is_literal(TermId v) const {
  return dataset_->dictionary().kind(v) == rdf::Term::Kind::Literal;
}

void DatasetGraph::OutEdgeIterator::skip() {
  for (; at_ < forward_.size(); ++at_)
    if (g_->follows(forward_[at_][0]) && !g_->is_literal(forward_[at_][1])) return;
  for (; at_ < forward_.size() + backward_.size(); ++at_)
    if (g_->follows(backward_[at_ - forward_.size()][1])) return;
}

std::size_t DatasetGraph::rows(TermId v, Lookup* lookup) const {
  return dataset_->default_graph().spo().pairs(v, lookup ? &lookup->forward : nullptr).size() +
         dataset_->default_graph().osp().pairs(v, lookup ? &lookup->backward : nullptr).size();
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
    Side(std::size_t n, TermId start) : level(n), frontier{start} { level[start] = 1; }
    ZeroArray<Level> level;  ///< a vertex's distance from this side's end, plus one; 0: not reached
    std::vector<TermId> frontier;  ///< ascending, so that each vertex's rows are found from the last's
    std::uint32_t radius = 0;
    // The rows of the frontier's first `counted` vertices: counted only as far as a choice
    // between the sides needs, as a side that meets the other is never expanded again.
    std::size_t rows = 0, counted = 0;
    DatasetGraph::Lookup counting;
    bool count_past(const DatasetGraph& g, std::size_t limit) {
      for (; counted < frontier.size() && rows <= limit; ++counted) rows += g.rows(frontier[counted], &counting);
      return counted == frontier.size();
    }
  };
  Side a(n, from), b(n, to);
  // The side with fewer rows to read, counting the one with fewer so far further until it has
  // more than the other or is counted whole.
  auto smaller = [&g, &a, &b]() -> Side& {
    for (;;) {
      Side& x = a.rows <= b.rows ? a : b;
      Side& y = &x == &a ? b : a;
      if (x.count_past(g, y.rows)) return x;
    }
  };
  // A level at a time, the side whose frontier has fewer rows to read first, until a level meets
  // the other side: then the distance is the two radii.
  std::vector<TermId> met;
  while (met.empty() && !a.frontier.empty() && !b.frontier.empty()) {
    Side& side = smaller();
    const Side& other = &side == &a ? b : a;
    if (side.radius + 2 > std::numeric_limits<Level>::max()) return std::nullopt;
    const auto level = static_cast<Level>(side.radius + 2);
    std::vector<TermId> next;
    DatasetGraph::Lookup lookup;
    for (TermId v : side.frontier)
      g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {
        const TermId u = e.target;
        if (side.level[u] != 0 || (e.forward && g.is_literal(u))) return;
        side.level[u] = level;
        next.push_back(u);
        if (other.level[u] != 0) met.push_back(u);
      });
    ++side.radius;
    if (met.empty()) std::sort(next.begin(), next.end());  // else the search is over
    side.frontier = std::move(next);
    side.rows = side.counted = 0;
    side.counting = {};
  }
  if (met.empty()) return std::vector<TermId>{};
  // Back from where they met towards each end, each step to a neighbour one nearer to it: every
  // vertex on a shortest route is met so (a route crosses the level where the sides met). A
  // literal is reached from neither side.
  ZeroArray<std::uint8_t> taken(n);
  std::vector<TermId> on;
  for (TermId m : met)
    if (!taken[m]) taken[m] = 1, on.push_back(m);
  std::vector<TermId> todo = on;
  DatasetGraph::Lookup lookup;
  while (!todo.empty()) {
    const TermId v = todo.back();
    todo.pop_back();
    for (const Side* side : {&a, &b}) {
      const unsigned level = side->level[v];
      if (level <= 1) continue;  // not reached from this side, or its end
      g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {
        const TermId u = e.target;
        if (side->level[u] != 0 && side->level[u] + 1u == level && !taken[u]) {
          taken[u] = 1;
          on.push_back(u);
          todo.push_back(u);
        }
      });
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
  return first_shortest_route(g, shortest_route_vertices(g, from, to), from, to, order);
}

std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, const std::vector<TermId>& on,
                                                             TermId from, TermId to, const EdgeOrder& order) {
  if (on.empty()) return std::nullopt;
  if (from == to) return std::vector<DatasetEdge>{};
  ZeroArray<std::uint8_t> searched(g.vertex_count());
  for (TermId v : on) searched[v] = 1;
  std::unordered_map<TermId, DatasetEdge> parent;  // of each vertex reached but `from`
  std::deque<TermId> queue{from};
  std::vector<DatasetEdge> edges;
  DatasetGraph::Lookup lookup;
  bool reached = false;
  while (!queue.empty() && !reached) {
    const TermId v = queue.front();
    queue.pop_front();
    // its edges to vertices not reached yet (the level after v's), in the order tried
    edges.clear();
    g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {  // no literal is searched
      if (e.target != v && e.target != from && searched[e.target] && !parent.count(e.target)) edges.push_back(e);
    });
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
