#include "remote/subgraph.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "query/sparql/dataset_graph.hpp"
#include "query/sparql/sparql.hpp"
#include "query/traversal/entity_resolver.hpp"
#include "query/traversal/graph_view.hpp"
#include "query/traversal/text_search.hpp"
#include "query/traversal/traversal.hpp"

namespace policykg::remote {

namespace {

using Form = query::algebra::Query::Form;
using Triple = rdf::Triple;

// Whether an IRI can be written as <IRI> in a query: none of what IRIREF forbids.
bool writable(std::string_view iri) {
  if (iri.empty()) return false;
  for (char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || std::string_view("<>\"{}|^`\\").find(c) != std::string_view::npos) return false;
  }
  return true;
}

std::string iri_ref(std::string_view iri) { return "<" + std::string(iri) + ">"; }

std::string values(std::string_view var, const std::vector<std::string>& iris) {
  std::string out = "VALUES ?" + std::string(var) + " {";
  for (const auto& i : iris) out += " " + iri_ref(i);
  return out + " }";
}

std::string literal(std::string_view s) { return "\"" + rdf::escape_literal(s) + "\""; }

// Resources `batch` at a time; only those a query can name (no blank node).
std::vector<std::vector<std::string>> batches(const std::set<std::string>& iris, std::size_t batch) {
  std::vector<std::vector<std::string>> out;
  for (const auto& i : iris) {
    if (!writable(i) || i.starts_with("_:")) continue;
    if (out.empty() || out.back().size() >= batch) out.emplace_back();
    out.back().push_back(i);
  }
  return out;
}

std::string key(const rdf::Term& t) { return t.is_blank() ? "_:" + t.value : t.value; }

const std::string& rdf_type() {
  static const std::string s(std_terms::rdf_type);
  return s;
}

// The triples fetched so far and the resources met, with the queries that fetch them.
class Fetch {
 public:
  Fetch(GraphQueries& graph, std::size_t batch) : graph_(&graph), batch_(std::max<std::size_t>(batch, 1)) {}

  // The edges `steps` take from `from`, not kept.
  std::vector<Triple> edges(const std::set<std::string>& from, const std::vector<query::Reach::Step>& steps) {
    std::vector<Triple> out;
    for (bool forward : {true, false}) {
      bool all = false;
      std::set<std::string> predicates;
      for (const auto& s : steps) {
        if (s.forward != forward) continue;
        if (s.predicate.empty()) all = true;
        else if (writable(s.predicate)) predicates.insert(s.predicate);
      }
      if (!all && predicates.empty()) continue;
      const std::string which =
          all ? " FILTER(!isLiteral(?o) && ?p != " + iri_ref(rdf_type()) + ")"
              : " " + values("p", {predicates.begin(), predicates.end()}) + " FILTER(!isLiteral(?o))";
      for (const auto& b : batches(from, batch_)) {
        auto got = ask_construct(values(forward ? "s" : "o", b) + which + " ?s ?p ?o");
        out.insert(out.end(), std::make_move_iterator(got.begin()), std::make_move_iterator(got.end()));
      }
    }
    return out;
  }

  // The edges `steps` take from `from`, kept; gives the resources at their other ends.
  std::set<std::string> follow(const std::set<std::string>& from, const std::vector<query::Reach::Step>& steps) {
    std::set<std::string> reached;
    for (auto& t : edges(from, steps)) {
      if (from.count(key(t.s))) reached.insert(key(t.o));
      if (from.count(key(t.o))) reached.insert(key(t.s));
      keep(std::move(t));
    }
    return reached;
  }

  void keep(Triple t) {
    edges_.insert(t.p.value);
    triples_.insert(std::move(t));
  }

  // Every literal and type of `resources` not yet described.
  void describe(const std::set<std::string>& resources) {
    std::set<std::string> todo;
    for (const auto& r : resources)
      if (described_.insert(r).second) todo.insert(r);
    for (const auto& b : batches(todo, batch_))
      for (auto& t : ask_construct(values("s", b) + " ?s ?p ?o FILTER(isLiteral(?o) || ?p = " + iri_ref(rdf_type()) + ")"))
        add(std::move(t));
  }

  // An entity that is no subject, only the object of edges, is a vertex through them all.
  void ensure_present(const std::vector<std::string>& entities) {
    std::set<std::string> absent(entities.begin(), entities.end());
    for (const auto& t : triples_) absent.erase(key(t.s)), absent.erase(key(t.o));
    follow(absent, {query::Reach::Step{"", false}});
  }

  // The predicates' own labels, and the superclasses of every type met, transitively.
  void finish() {
    describe(edges_);
    const std::string subclass = std::string(ns::kRdfs) + "subClassOf";
    std::set<std::string> classes, frontier;
    for (const auto& t : triples_)
      if (t.p.value == rdf_type() && !t.o.is_literal()) frontier.insert(key(t.o));
    while (!frontier.empty()) {
      classes.insert(frontier.begin(), frontier.end());
      std::set<std::string> next;
      for (const auto& b : batches(frontier, batch_))
        for (auto& t : ask_construct(values("s", b) + " VALUES ?p { " + iri_ref(subclass) + " } ?s ?p ?o")) {
          if (!t.o.is_literal() && !classes.count(key(t.o))) next.insert(key(t.o));
          add(std::move(t));
        }
      frontier = std::move(next);
    }
  }

  std::vector<Triple> triples() && { return {triples_.begin(), triples_.end()}; }

  // The graph's own search of shortest routes, when it has one and `steps` follow each of their
  // predicates both ways.
  std::optional<GraphQueries::Route> shortest_route(const std::string& from, const std::string& to,
                                                    const std::vector<query::Reach::Step>& steps) {
    std::set<std::string> forward, backward;
    for (const auto& s : steps) (s.forward ? forward : backward).insert(s.predicate);
    if (forward != backward) return std::nullopt;
    if (forward.count("")) forward.clear();
    return graph_->shortest_route(from, to, {forward.begin(), forward.end()});
  }

 private:
  std::vector<Triple> ask_construct(const std::string& where) {
    return graph_->construct("CONSTRUCT { ?s ?p ?o } WHERE { " + where + " }");
  }
  void add(Triple t) { triples_.insert(std::move(t)); }

  GraphQueries* graph_;
  std::size_t batch_;
  std::set<Triple> triples_;
  std::set<std::string> described_, edges_;
};

// The resources on the shortest routes between `from` and `to` along `steps` (followed both ways),
// with the edges between them kept: breadth-first from both ends, a whole level at a time, the
// side with the smaller frontier first, until they meet at distance D; then, from where they met,
// back along the levels of each side. Every neighbour a level before a resource on a shortest
// route is on one too, so a breadth-first search from `from` on these resources alone takes the
// route it takes on the whole graph. Gives the resources (none when the two are not connected).
std::set<std::string> shortest_route_part(Fetch& fetch, const std::string& from, const std::string& to,
                                          const std::vector<query::Reach::Step>& steps) {
  if (auto route = fetch.shortest_route(from, to, steps)) {
    for (auto& t : route->triples) fetch.keep(std::move(t));
    return {route->resources.begin(), route->resources.end()};
  }
  struct Side {
    std::map<std::string, std::size_t> depth;
    std::set<std::string> frontier;
    std::size_t radius = 0;
  };
  Side a, b;
  a.depth[from] = 0;
  a.frontier = {from};
  b.depth[to] = 0;
  b.frontier = {to};
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t distance = from == to ? 0 : none;
  std::set<Triple> seen;
  while (distance == none && !a.frontier.empty() && !b.frontier.empty()) {
    Side& side = a.frontier.size() <= b.frontier.size() ? a : b;
    const Side& other = &side == &a ? b : a;
    std::set<std::string> next;
    for (auto& t : fetch.edges(side.frontier, steps)) {
      for (const auto& [x, y] : {std::pair{key(t.s), key(t.o)}, std::pair{key(t.o), key(t.s)}})
        if (side.frontier.count(x) && side.depth.emplace(y, side.radius + 1).second) next.insert(y);
      seen.insert(std::move(t));
    }
    ++side.radius;
    for (const auto& v : next)
      if (auto it = other.depth.find(v); it != other.depth.end()) distance = std::min(distance, side.radius + it->second);
    side.frontier = std::move(next);
  }
  if (distance == none) return {};
  std::map<std::string, std::vector<std::string>> around;
  for (const auto& t : seen) {
    around[key(t.s)].push_back(key(t.o));
    around[key(t.o)].push_back(key(t.s));
  }
  std::set<std::string> on;
  std::vector<std::string> todo;
  for (const auto& [v, d] : a.depth)
    if (auto it = b.depth.find(v); it != b.depth.end() && d + it->second == distance && on.insert(v).second) todo.push_back(v);
  // a level back towards each end whose distance is known
  while (!todo.empty()) {
    const std::string v = std::move(todo.back());
    todo.pop_back();
    for (const Side* side : {&a, &b}) {
      auto d = side->depth.find(v);
      if (d == side->depth.end() || d->second == 0) continue;
      for (const auto& u : around[v])
        if (auto du = side->depth.find(u); du != side->depth.end() && du->second + 1 == d->second && on.insert(u).second)
          todo.push_back(u);
    }
  }
  for (const auto& t : seen)
    if (on.count(key(t.s)) && on.count(key(t.o))) fetch.keep(t);
  return on;
}

}  // namespace

std::vector<rdf::Triple> EndpointQueries::construct(const std::string& sparql) {
  ++queries_;
  Answer a = endpoint_->run({Form::Construct, sparql});
  if (!a.server_limit) return std::move(a.result.triples);
  // Cut at the server's row limit: page by page, in one order.
  const std::size_t page = std::max<std::size_t>(*a.server_limit, 1);
  std::vector<rdf::Triple> out;
  for (std::size_t offset = 0;; offset += page) {
    ++queries_;
    Answer p = endpoint_->run({Form::Construct, sparql + " ORDER BY ?s ?p ?o LIMIT " + std::to_string(page) +
                                                    " OFFSET " + std::to_string(offset)});
    const std::size_t got = p.result.triples.size();
    out.insert(out.end(), p.result.triples.begin(), p.result.triples.end());
    if (got < page) break;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool EndpointQueries::ask(const std::string& sparql) {
  ++queries_;
  return endpoint_->run({Form::Ask, sparql}).result.boolean;
}

std::vector<rdf::Triple> DatasetQueries::construct(const std::string& sparql) {
  ++queries_;
  return query::run(*dataset_, sparql).triples;
}

bool DatasetQueries::ask(const std::string& sparql) {
  ++queries_;
  return query::run(*dataset_, sparql).boolean;
}

std::optional<GraphQueries::Route> DatasetQueries::shortest_route(const std::string& from, const std::string& to,
                                                                   const std::vector<std::string>& predicates) {
  const auto& dictionary = dataset_->dictionary();
  auto id = [&](const std::string& r) {
    return dictionary.find(r.starts_with("_:") ? rdf::Term::blank(r.substr(2)) : rdf::Term::iri(r));
  };
  std::vector<query::TermId> followed;
  for (const auto& p : predicates)
    if (auto pid = id(p)) followed.push_back(pid);
  if (!predicates.empty() && followed.empty()) followed.push_back(0);  // none of them is in the graph
  const query::DatasetGraph graph(*dataset_, std::move(followed));
  // Each vertex's edges in the order a GraphView of these triples walks them (path_finder.cpp):
  // the order of the view's edge list, which is the order of their triples.
  auto triple_of = [](const query::DatasetEdge& e) {
    return e.forward ? std::array{e.source, e.predicate, e.target} : std::array{e.target, e.predicate, e.source};
  };
  const query::TermId source = id(from), target = id(to);
  const query::ShortestRoutes routes = query::shortest_routes(graph, source, target);
  // When the routes hold thousands of resources (a hub's edges on them), terms of an index file
  // are ordered by their place in its term order rather than by their bytes, which lie on a page
  // each: the keys read the order once, about a page per 1,024 terms. An edge's order compares
  // its ends, which are on the routes, and its predicate: those are the terms keyed. The rest
  // (none, in an index file: an edge's ends are no literals) come after them, by view.
  std::vector<query::TermId> keyed;
  std::vector<std::uint32_t> keys;
  if (routes.vertices.size() * 1024 >= dictionary.size()) {
    keyed = routes.vertices;
    for (const auto& record : dataset_->default_graph().stats_records()) keyed.push_back(record.predicate);
    std::sort(keyed.begin(), keyed.end());
    keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
    keys = dictionary.order_keys(keyed);
  }
  auto key_of = [&](query::TermId x) -> std::uint32_t {
    const auto at = std::lower_bound(keyed.begin(), keyed.end(), x);
    return at != keyed.end() && *at == x ? keys[static_cast<std::size_t>(at - keyed.begin())] : 0;
  };
  auto before = [&](query::TermId x, query::TermId y) {
    const std::uint32_t kx = key_of(x), ky = key_of(y);
    if (kx != 0 && ky != 0) return kx < ky;
    if (kx != 0 || ky != 0) return kx != 0;
    return dictionary.view(x) < dictionary.view(y);
  };
  const query::EdgeOrder order = [&](const query::DatasetEdge& a, const query::DatasetEdge& b) {
    const auto x = triple_of(a), y = triple_of(b);
    for (std::size_t i = 0; i < 3; ++i)
      if (x[i] != y[i]) return before(x[i], y[i]);
    return false;
  };
  const auto edges = query::first_shortest_route(graph, routes, source, target, order);
  Route route;
  if (!edges) return route;  // not connected: no resources
  route.resources.push_back(from);
  for (const auto& e : *edges) {
    const auto t = triple_of(e);
    route.resources.push_back(key(dictionary.term(e.target)));
    route.triples.push_back({dictionary.term(t[0]), dictionary.term(t[1]), dictionary.term(t[2])});
  }
  return route;
}

std::string resolve_entity(GraphQueries& graph, std::string_view entity, const std::string& base) {
  const std::string where = "entity \"" + std::string(entity) + "\"";
  if (const std::string iri = query::expand_entity(entity, base); !iri.empty()) {
    if (iri.starts_with("_:"))
      throw Error(Error::Category::Input, where, "a blank node cannot be named to an endpoint: name the resource by IRI or label");
    // In the graph as a resource: a subject, or the object of an edge.
    if (writable(iri) && graph.ask("ASK { { " + iri_ref(iri) + " ?p ?o } UNION { ?s ?p " + iri_ref(iri) + " FILTER(?p != " +
                                   iri_ref(rdf_type()) + ") } }"))
      return iri;
    throw Error(Error::Category::Input, where, "no resource <" + iri + "> in the graph");
  }
  if (query::fold_label(entity).empty()) throw Error(Error::Category::Input, where, "empty entity name");
  const std::string_view trimmed = query::without_final_stop(entity);

  // Whatever the resolver can choose has a label or text holding each of the entity's words (or,
  // with none, its folded self), case aside: the four longest narrow the search enough.
  auto words = query::search_words(trimmed);
  if (words.empty()) words = {query::fold_label(trimmed.empty() ? entity : trimmed)};
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.size() > 4) words.resize(4);
  std::string filter = "isLiteral(?o)";
  for (const auto& w : words) filter += " && CONTAINS(LCASE(STR(?o)), LCASE(" + literal(w) + "))";
  std::vector<std::string> label_iris(query::label_predicates().begin(), query::label_predicates().end());
  label_iris.emplace_back(pol::text);  // a unit's words are looked for in its text too

  Fetch fetch(graph, 200);
  std::set<std::string> candidates;
  for (const auto& t : graph.construct("CONSTRUCT { ?s ?p ?o } WHERE { " + values("p", label_iris) + " ?s ?p ?o FILTER(" +
                                       filter + ") }"))
    candidates.insert(key(t.s));
  // The tail of an IRI: every IRI of the graph ending with it.
  if (trimmed.find('/') != std::string_view::npos) {
    const std::string tail = literal("/" + std::string(trimmed));
    for (const auto& t : graph.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRENDS(STR(?s), " + tail + ")) }"))
      candidates.insert(key(t.s));
    for (const auto& t : graph.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?o) && ?p != " + iri_ref(rdf_type()) +
                                         " && STRENDS(STR(?o), " + tail + ")) }"))
      candidates.insert(key(t.o));
  }
  // The candidates as the resolver sees them: their labels, texts and types, and the units inside
  // them, whose text is not theirs.
  fetch.describe(candidates);
  fetch.describe(fetch.follow(candidates, {query::Reach::Step{std::string(std_terms::dcterms_isPartOf), false}}));
  const query::GraphView view(std::move(fetch).triples());
  const query::EntityResolver resolver(view, base);
  return view.node(resolver.resolve(entity)).iri;
}

std::vector<rdf::Triple> fetch_reach(GraphQueries& graph, const std::vector<std::string>& entities,
                                     const query::Reach& reach, std::size_t batch) {
  Fetch fetch(graph, batch);
  std::set<std::string> reached;
  if (reach.every_unit) {
    const std::vector<std::string> units(query::unit_classes().begin(), query::unit_classes().end());
    for (const auto& t : graph.construct("CONSTRUCT { ?s ?p ?o } WHERE { " + values("o", units) + " VALUES ?p { " +
                                         iri_ref(rdf_type()) + " } ?s ?p ?o }"))
      reached.insert(key(t.s));
  } else if (!entities.empty()) {
    reached.insert(entities.front());
  }
  for (std::size_t i = 0; i < reach.stages.size(); ++i) {
    const auto& stage = reach.stages[i];
    if (reach.shortest_route && i == 0) {
      if (entities.size() > 1) reached = shortest_route_part(fetch, entities[0], entities[1], stage.steps);
      continue;
    }
    std::set<std::string> frontier = reached;
    while (!frontier.empty()) {
      std::set<std::string> next;
      for (auto& r : fetch.follow(frontier, stage.steps))
        if (reached.insert(r).second) next.insert(r);
      if (!stage.transitive) break;
      frontier = std::move(next);
    }
  }
  reached.insert(entities.begin(), entities.end());
  fetch.describe(reached);
  fetch.ensure_present(entities);
  fetch.finish();
  return std::move(fetch).triples();
}

}  // namespace policykg::remote
