#include "query/sparql/dataset_graph.hpp"

#include <algorithm>
#include <limits>

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

std::vector<TermId> shortest_route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  if (from == 0 || to == 0 || from >= n || to >= n) return {};
  if (from == to) return {from};
  constexpr std::uint32_t kFar = std::numeric_limits<std::uint32_t>::max();
  struct Side {
    std::vector<std::uint32_t> distance;
    std::vector<TermId> frontier;
    std::uint32_t radius = 0;
  };
  Side a{std::vector<std::uint32_t>(n, kFar), {from}}, b{std::vector<std::uint32_t>(n, kFar), {to}};
  a.distance[from] = 0;
  b.distance[to] = 0;
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
    std::vector<TermId> next;
    for (TermId v : side.frontier)
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        const TermId u = target(*e, g);
        if (side.distance[u] != kFar) continue;
        side.distance[u] = side.radius + 1;
        next.push_back(u);
        if (other.distance[u] != kFar) met.push_back(u);
      }
    ++side.radius;
    side.frontier = std::move(next);
  }
  if (met.empty()) return {};
  // Back from where they met towards each end, each step to a neighbour one nearer to it: every
  // vertex on a shortest route is met so (a route crosses the level where the sides met).
  std::vector<bool> taken(n, false);
  std::vector<TermId> on;
  for (TermId m : met)
    if (!taken[m]) taken[m] = true, on.push_back(m);
  std::vector<TermId> todo = on;
  while (!todo.empty()) {
    const TermId v = todo.back();
    todo.pop_back();
    for (const Side* side : {&a, &b}) {
      const std::uint32_t d = side->distance[v];
      if (d == kFar || d == 0) continue;
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        const TermId u = target(*e, g);
        if (side->distance[u] != kFar && side->distance[u] + 1 == d && !taken[u]) {
          taken[u] = true;
          on.push_back(u);
          todo.push_back(u);
        }
      }
    }
  }
  std::sort(on.begin(), on.end());
  return on;
}

}  // namespace policykg::query
