#include "query/traversal/graph_view.hpp"

#include <algorithm>
#include <deque>

#include "ontology/terms.hpp"

namespace policykg::query {

namespace {

const std::vector<rdf::Term>& no_values() {
  static const std::vector<rdf::Term> empty;
  return empty;
}

std::string node_key(const rdf::Term& t) { return t.is_blank() ? "_:" + t.value : t.value; }

std::string last_segment(const std::string& iri) {
  std::string s = iri;
  while (!s.empty() && (s.back() == '/' || s.back() == '#')) s.pop_back();
  auto cut = s.find_last_of("/#:");
  return cut == std::string::npos ? s : s.substr(cut + 1);
}

// The class hierarchy of the contract, so that the most specific class is found even when the
// ontology is not loaded with the data.
const std::multimap<std::string, std::string>& known_superclasses() {
  static const std::multimap<std::string, std::string> m = {
      {std::string(pol::OfficialReply), std::string(pol::Document)},
      {std::string(pol::Plan), std::string(pol::Document)},
      {std::string(pol::District), std::string(pol::Place)},
      {std::string(pol::Zone), std::string(pol::Place)},
      {std::string(pol::Region), std::string(pol::Place)},
      {std::string(pol::Agency), std::string(ns::kOrg) + "Organization"},
  };
  return m;
}

// Chooses the most specific type: one that no other type of the node is a subclass of; pol:
// terms before others, then by IRI.
std::string most_specific(const std::vector<std::string>& types,
                          const std::multimap<std::string, std::string>& superclasses) {
  std::set<std::string> general;
  for (const auto& t : types) {
    // Every ancestor of t, transitively, is more general than t.
    std::deque<std::string> todo{t};
    std::set<std::string> seen;
    while (!todo.empty()) {
      auto c = todo.front();
      todo.pop_front();
      for (const auto* table : {&superclasses, &known_superclasses()}) {
        auto [lo, hi] = table->equal_range(c);
        for (auto it = lo; it != hi; ++it)
          if (seen.insert(it->second).second) todo.push_back(it->second);
      }
    }
    seen.erase(t);
    general.insert(seen.begin(), seen.end());
  }
  std::string best;
  for (const auto& t : types) {
    if (general.count(t)) continue;
    bool t_pol = t.starts_with(ns::kPol);
    bool best_pol = best.starts_with(ns::kPol);
    if (best.empty() || (t_pol && !best_pol)) best = t;
  }
  return best.empty() && !types.empty() ? types.front() : best;
}

}  // namespace

GraphView::GraphView(const rdf::Model& model, const ViewOptions& options) {
  build(model.sorted_triples(), options);
}

GraphView::GraphView(const std::vector<rdf::Triple>& triples, const ViewOptions& options) {
  if (std::is_sorted(triples.begin(), triples.end())) {
    build(triples, options);
  } else {
    auto sorted = triples;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    build(sorted, options);
  }
}

std::optional<Vertex> GraphView::vertex(const std::string& iri) const {
  auto it = index_.find(iri);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const std::vector<rdf::Term>& GraphView::attribute(Vertex v, std::string_view predicate) const {
  const auto& attrs = graph_[v].attributes;
  auto it = attrs.find(std::string(predicate));
  return it == attrs.end() ? no_values() : it->second;
}

bool GraphView::has_type(Vertex v, std::string_view type) const {
  const auto& types = graph_[v].types;
  return std::binary_search(types.begin(), types.end(), std::string(type));
}

std::string GraphView::predicate_label(const std::string& predicate) const {
  auto it = predicate_labels_.find(predicate);
  return it != predicate_labels_.end() ? it->second : last_segment(predicate);
}

Vertex GraphView::add_vertex(Node node) {
  std::string key = node.iri;
  Vertex v = boost::add_vertex(std::move(node), graph_);
  index_.emplace(std::move(key), v);
  return v;
}

void GraphView::build(const std::vector<rdf::Triple>& triples, const ViewOptions& options) {
  const std::string rdf_type(std_terms::rdf_type);
  const std::string rdfs_label(std_terms::rdfs_label);
  const std::string subclass_of = std::string(ns::kRdfs) + "subClassOf";

  auto is_edge = [&](const rdf::Triple& t) {
    if (t.o.is_literal() || t.p.value == rdf_type) return false;
    return options.predicates.empty() || options.predicates.count(t.p.value) > 0;
  };

  // First pass: every node with its types, labels and literal attributes.
  std::unordered_map<std::string, Node> nodes;
  std::unordered_map<std::string, std::string> labels;  // first sorted rdfs:label of any IRI
  std::multimap<std::string, std::string> superclasses;
  for (const auto& t : triples) {
    const std::string s = node_key(t.s);
    auto& n = nodes[s];
    if (n.iri.empty()) n.iri = s;
    if (t.p.value == rdf_type && !t.o.is_literal()) {
      n.types.push_back(node_key(t.o));
    } else if (t.o.is_literal()) {
      n.attributes[t.p.value].push_back(t.o);
      if (t.p.value == rdfs_label && !labels.count(s)) labels[s] = t.o.value;
    } else {
      if (t.p.value == subclass_of) superclasses.emplace(s, node_key(t.o));
      if (is_edge(t)) {
        auto& o = nodes[node_key(t.o)];
        if (o.iri.empty()) o.iri = node_key(t.o);
      }
    }
  }

  // Vertices in IRI order.
  std::vector<std::string> keys;
  keys.reserve(nodes.size());
  for (const auto& entry : nodes) keys.push_back(entry.first);
  std::sort(keys.begin(), keys.end());
  index_.reserve(keys.size());
  for (const auto& key : keys) {
    Node& n = nodes.at(key);
    std::sort(n.types.begin(), n.types.end());
    n.types.erase(std::unique(n.types.begin(), n.types.end()), n.types.end());
    if (!options.classes.empty() &&
        std::none_of(n.types.begin(), n.types.end(),
                     [&](const std::string& c) { return options.classes.count(c) > 0; }))
      continue;
    for (auto& [p, values] : n.attributes) std::sort(values.begin(), values.end());
    auto label = labels.find(key);
    n.label = label != labels.end() ? label->second : last_segment(key);
    n.cls = most_specific(n.types, superclasses);
    add_vertex(std::move(n));
  }

  // Edges in triple order.
  auto& edge_labels = predicate_labels_;
  for (const auto& t : triples) {
    if (!is_edge(t)) continue;
    auto s = index_.find(node_key(t.s));
    auto o = index_.find(node_key(t.o));
    if (s == index_.end() || o == index_.end()) continue;
    auto& label = edge_labels[t.p.value];
    if (label.empty()) {
      auto l = labels.find(t.p.value);
      label = l != labels.end() ? l->second : last_segment(t.p.value);
    }
    boost::add_edge(s->second, o->second, Edge{t.p.value, label}, graph_);
  }
}

GraphView subgraph(const GraphView& view, const std::set<Vertex>& keep) {
  GraphView sub;
  sub.predicate_labels_ = view.predicate_labels_;
  std::map<Vertex, Vertex> renumber;
  // Vertices of a view are numbered in IRI order; keeping that order keeps the copy sorted.
  for (Vertex v : keep) renumber[v] = sub.add_vertex(view.node(v));
  for (auto [e, end] = boost::edges(view.graph()); e != end; ++e) {
    auto s = renumber.find(boost::source(*e, view.graph()));
    auto o = renumber.find(boost::target(*e, view.graph()));
    if (s == renumber.end() || o == renumber.end()) continue;
    boost::add_edge(s->second, o->second, view.graph()[*e], sub.graph_);
  }
  return sub;
}

GraphView neighbourhood(const GraphView& view, Vertex centre, std::size_t hops) {
  const Graph& g = view.graph();
  std::map<Vertex, std::size_t> distance{{centre, 0}};
  std::deque<Vertex> queue{centre};
  while (!queue.empty()) {
    Vertex v = queue.front();
    queue.pop_front();
    std::size_t d = distance[v];
    if (d == hops) continue;
    auto visit = [&](Vertex w) {
      if (distance.emplace(w, d + 1).second) queue.push_back(w);
    };
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) visit(boost::target(*e, g));
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) visit(boost::source(*e, g));
  }
  std::set<Vertex> keep;
  for (const auto& [v, d] : distance) keep.insert(v);
  return subgraph(view, keep);
}

}  // namespace policykg::query
