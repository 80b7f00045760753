#include "query/sparql/dataset_graph.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/huge_pages.hpp"
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

ObjectsKind DatasetGraph::objects_kind(TermId p) const {
  const auto stats = dataset_->default_graph().stats_records();
  const auto at = std::lower_bound(stats.begin(), stats.end(), p,
                                   [](const PredicateStatsRecord& r, TermId q) { return r.predicate < q; });
  if (at == stats.end() || at->predicate != p) return kObjectsUnknown;
  // a damaged file's other values say nothing
  return at->objects_kind == kObjectsLiterals || at->objects_kind == kObjectsNodes ? ObjectsKind{at->objects_kind}
                                                                                  : kObjectsUnknown;
}

bool DatasetGraph::literal_object(TermId p, TermId o) const {
  switch (objects_kind(p)) {
    case kObjectsLiterals: return true;
    case kObjectsNodes: return false;
    default: return is_literal(o);
  }
}

void DatasetGraph::OutEdgeIterator::skip() {
  for (; at_ < forward_.size(); ++at_)
    if (g_->follows(forward_[at_][0]) && !g_->literal_object(forward_[at_][0], forward_[at_][1])) return;
  for (; at_ < forward_.size() + backward_.size(); ++at_)
    if (g_->follows(backward_[at_ - forward_.size()][1])) return;
}

std::size_t DatasetGraph::rows(TermId v, Lookup* lookup) const {
  return dataset_->default_graph().spo().pairs(v, lookup ? &lookup->forward : nullptr).size() +
         dataset_->default_graph().osp().pairs(v, lookup ? &lookup->backward : nullptr).size();
}

namespace {

// shortest_route_vertices with each side's distances kept in a `Level` a vertex: nullopt when a
// side's radius outgrows it. Of the arrays a search touches, those are the largest: at a byte a
// vertex a search touches a quarter of the pages it would at four, and each page it touches
// first costs a fault.
template <class Level>
std::optional<ShortestRoutes> route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  struct Side {
    Side(std::size_t n, TermId start) : end(start), level(n), frontier{start} { level[start] = 1; }
    TermId end;  ///< the end this side searches from
    ZeroArray<Level> level;  ///< a vertex's distance from this side's end, plus one; 0: not reached
    std::vector<TermId> frontier;  ///< ascending, so that each vertex's rows are found from the last's
    /// The edges (u, v) by which the frontier's vertices u were reached from the level before:
    /// every one, so that the walk back from where the sides met reads no row of theirs.
    std::vector<std::pair<TermId, TermId>> arrivals;
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
    side.arrivals.clear();
    DatasetGraph::Lookup lookup;
    for (TermId v : side.frontier)
      g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {
        const TermId u = e.target;
        if (side.level[u] == 0) {
          if (e.forward && g.literal_object(e.predicate, u)) return;
          side.level[u] = level;
          next.push_back(u);
          if (other.level[u] != 0) met.push_back(u);
        } else if (side.level[u] != level) {
          return;  // reached before
        }
        side.arrivals.emplace_back(u, v);
      });
    ++side.radius;
    if (met.empty()) std::sort(next.begin(), next.end());  // else the search is over
    side.frontier = std::move(next);
    side.rows = side.counted = 0;
    side.counting = {};
  }
  if (met.empty()) return ShortestRoutes{};
  // Back from where they met towards each end, each step to a neighbour one nearer to it: every
  // vertex on a shortest route is met so (a route crosses the level where the sides met). A
  // literal is reached from neither side.
  //
  // The vertices met lie on each side's newest level (one on an older level of a side would have
  // a neighbour the other side had reached before, and the sides would have met then): the edges
  // that reached them there give their neighbours a level nearer each end, however many they are
  // (thousands of measures beside a hub), without reading a row of theirs. A vertex of the second
  // level has one neighbour a level nearer: the end.
  enum : std::uint8_t { kNone, kMet, kOn };
  ZeroArray<std::uint8_t> taken(n);
  std::vector<TermId> on, todo;
  for (TermId m : met)
    if (!taken[m]) taken[m] = kMet, on.push_back(m);
  auto take = [&](TermId u) {
    if (taken[u]) return;
    taken[u] = kOn;
    on.push_back(u);
    todo.push_back(u);
  };
  for (const Side* side : {&a, &b})
    for (const auto& [u, v] : side->arrivals)
      if (taken[u] == kMet) take(v);
  DatasetGraph::Lookup lookup;
  while (!todo.empty()) {
    const TermId v = todo.back();
    todo.pop_back();
    for (const Side* side : {&a, &b}) {
      const unsigned level = side->level[v];
      if (level <= 1) continue;  // not reached from this side, or its end
      if (level == 2) {
        take(side->end);
        continue;
      }
      g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {
        if (side->level[e.target] != 0 && side->level[e.target] + 1u == level) take(e.target);
      });
    }
  }
  std::sort(on.begin(), on.end());
  // Each one's distance from `from`: by the first side's levels where it reached, else the
  // route's length less the distance from `to`.
  ShortestRoutes routes;
  routes.distances.reserve(on.size());
  const std::uint32_t length = a.radius + b.radius;
  for (TermId v : on) routes.distances.push_back(a.level[v] != 0 ? a.level[v] - 1u : length - (b.level[v] - 1u));
  routes.vertices = std::move(on);
  return routes;
}

}  // namespace

ShortestRoutes shortest_routes(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  if (from == 0 || to == 0 || from >= n || to >= n) return {};
  if (from == to) return {{from}, {0}};
  if (auto routes = route_vertices<std::uint8_t>(g, from, to)) return *std::move(routes);
  return *route_vertices<std::uint32_t>(g, from, to);
}

std::vector<TermId> shortest_route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  return shortest_routes(g, from, to).vertices;
}

std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, TermId from, TermId to,
                                                             const EdgeOrder& order) {
  return first_shortest_route(g, shortest_routes(g, from, to), from, to, order);
}

std::optional<std::vector<DatasetEdge>> first_shortest_route(const DatasetGraph& g, const ShortestRoutes& routes,
                                                             TermId from, TermId to, const EdgeOrder& order) {
  if (routes.vertices.empty()) return std::nullopt;
  if (from == to) return std::vector<DatasetEdge>{};
  // The routes' vertices by their distance from `from`; `depth` holds it plus one.
  std::vector<std::vector<TermId>> levels;
  std::unordered_map<TermId, std::uint32_t> depth;
  depth.reserve(routes.vertices.size());
  for (std::size_t i = 0; i < routes.vertices.size(); ++i) {
    const std::uint32_t d = routes.distances[i];
    if (d >= levels.size()) levels.resize(d + 1);
    levels[d].push_back(routes.vertices[i]);
    depth[routes.vertices[i]] = d + 1;
  }
  // A level at a time, in the order a search from `from` takes them: each vertex's parent is the
  // first vertex of the level before, in that order, with an edge to it, by the first such edge
  // in `order`; a level's order is its parents', then their edges'. The edges come from the
  // vertices of the level before (pushed), or from the level's own when they are fewer and read
  // fewer rows (pulled: a hub beside thousands of measures on the routes reads its own rows, one
  // block, instead of a page of each measure's).
  std::unordered_map<TermId, DatasetEdge> parent;  // of each vertex reached but `from`
  std::unordered_map<TermId, std::size_t> place;   // in its level's order
  std::vector<TermId> current{from};
  std::vector<DatasetEdge> edges;
  DatasetGraph::Lookup lookup;
  auto cost = [&g](const std::vector<TermId>& vertices, std::size_t limit) {  // about a page a vertex, and its rows
    std::size_t sum = 0;
    DatasetGraph::Lookup counting;
    for (std::size_t i = 0; i < vertices.size() && sum <= limit; ++i) sum += 1 + g.rows(vertices[i], &counting) / 512;
    return sum;
  };
  for (std::uint32_t d = 0; d + 1 < levels.size(); ++d) {
    std::vector<TermId> next = levels[d + 1];
    const std::uint32_t wanted = d + 2;  // depth of the next level
    place.clear();
    for (std::size_t i = 0; i < current.size(); ++i) place[current[i]] = i;
    if (next.size() < current.size() && cost(next, current.size()) < current.size()) {
      for (TermId w : next) {
        std::optional<DatasetEdge> best;
        g.each_edge_or_literal(w, lookup, [&](const DatasetEdge& e) {
          if (auto at = depth.find(e.target); at == depth.end() || at->second != wanted - 1) return;
          const DatasetEdge from_parent{e.target, e.predicate, w, !e.forward};
          if (!best || place[e.target] < place[best->source] ||
              (e.target == best->source && order(from_parent, *best)))
            best = from_parent;
        });
        parent.emplace(w, *best);
      }
      std::sort(next.begin(), next.end(), [&](TermId x, TermId y) {
        const DatasetEdge &ex = parent.at(x), &ey = parent.at(y);
        if (ex.source != ey.source) return place[ex.source] < place[ey.source];
        return order(ex, ey);
      });
    } else {
      next.clear();
      for (TermId v : current) {
        // its edges to vertices of the next level not reached yet, in the order tried
        edges.clear();
        g.each_edge_or_literal(v, lookup, [&](const DatasetEdge& e) {  // no literal is on a route
          if (auto at = depth.find(e.target); at != depth.end() && at->second == wanted && !parent.count(e.target))
            edges.push_back(e);
        });
        std::sort(edges.begin(), edges.end(), order);
        for (const DatasetEdge& e : edges)
          if (parent.emplace(e.target, e).second) next.push_back(e.target);
      }
    }
    current = std::move(next);
  }
  std::vector<DatasetEdge> route;
  for (TermId v = to; v != from; v = route.back().source) route.push_back(parent.at(v));
  std::reverse(route.begin(), route.end());
  return route;
}

}  // namespace policykg::query
