#include "query/sparql/dataset_graph.hpp"

#include <algorithm>
#include <limits>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>

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
  OutEdgeIterator first(this, v, 0);
  const std::size_t end = dataset_->default_graph().spo().pairs(v).size() + dataset_->default_graph().osp().pairs(v).size();
  return {first, OutEdgeIterator(this, v, end)};
}

DatasetGraph::OutEdgeIterator::OutEdgeIterator(const DatasetGraph* g, TermId v, std::size_t at)
    : g_(g), v_(v), forward_(g->dataset_->default_graph().spo().pairs(v)),
      backward_(g->dataset_->default_graph().osp().pairs(v)), at_(at) {
  skip();
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

namespace {

struct Reached {};  // thrown to stop the search once `to` is discovered

// Records each vertex's distance from the start as the search discovers it.
class DistanceRecorder : public boost::default_bfs_visitor {
 public:
  DistanceRecorder(std::vector<std::uint32_t>& distance, TermId to) : distance_(&distance), to_(to) {}
  void tree_edge(const DatasetEdge& e, const DatasetGraph&) const {
    (*distance_)[e.target] = (*distance_)[e.source] + 1;
    if (e.target == to_) throw Reached{};
  }

 private:
  std::vector<std::uint32_t>* distance_;
  TermId to_;
};

}  // namespace

std::vector<TermId> shortest_route_vertices(const DatasetGraph& g, TermId from, TermId to) {
  const std::size_t n = g.vertex_count();
  if (from == 0 || to == 0 || from >= n || to >= n) return {};
  if (from == to) return {from};
  constexpr std::uint32_t kFar = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> distance(n, kFar);
  distance[from] = 0;
  boost::two_bit_color_map<boost::identity_property_map> color(n);
  boost::queue<TermId> queue;
  try {
    boost::breadth_first_visit(g, from, queue, DistanceRecorder(distance, to), color);
    return {};  // every vertex reachable from `from` was met, and `to` is not one of them
  } catch (const Reached&) {
  }
  // Every vertex nearer than `to` has its distance: back from `to`, a level at a time.
  std::vector<TermId> on{to}, todo{to};
  std::vector<bool> taken(n, false);
  taken[to] = true;
  while (!todo.empty()) {
    const TermId v = todo.back();
    todo.pop_back();
    if (distance[v] == 0) continue;
    for (auto [e, end] = out_edges(v, g); e != end; ++e) {
      const TermId u = target(*e, g);
      if (distance[u] != kFar && distance[u] + 1 == distance[v] && !taken[u]) {
        taken[u] = true;
        on.push_back(u);
        todo.push_back(u);
      }
    }
  }
  std::sort(on.begin(), on.end());
  return on;
}

}  // namespace policykg::query
