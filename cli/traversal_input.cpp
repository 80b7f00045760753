#include "cli/traversal_input.hpp"

#include "core/error.hpp"
#include "query/traversal/route.hpp"
#include "remote/subgraph.hpp"

namespace policykg::cli {

void add_traversal_options(CLI::App& cmd, TraversalOptions& options, const std::vector<std::string>& formats,
                           bool remote) {
  add_graph_options(cmd, options.source);
  if (remote) add_endpoint_options(cmd, options.source, false);
  std::string help = formats.front() + " (default)";
  for (std::size_t i = 1; i < formats.size(); ++i) help += (i + 1 == formats.size() ? " or " : ", ") + formats[i];
  options.format = formats.front();
  cmd.add_option("--format", options.format, help)->check(CLI::IsMember(formats));
  cmd.footer(
      std::string("ENTITY is an IRI, a prefixed name (pol:..., id:... for the instance base), the tail of an IRI "
                  "(task/9/initiative/5/measure/2), a citation key (T9.5.2), a label (rdfs:label, skos:altLabel; "
                  "case, spacing and a final stop aside) or any run of whole words of a label or of a unit's text "
                  "that only one resource has.\n") +
      (remote ? "With --endpoint or an index file, only what the command reads around ENTITY is read, in batched "
                "queries.\n"
              : "") +
      "Exit status: 0 on success (also when nothing is found), 1 on bad input or a failed run, "
      "2 on a usage error.");
}

struct TraversalInput::Fetched {
  std::vector<rdf::Triple> triples;
  std::vector<std::string> iris;  ///< the entities, resolved by the endpoint; empty for a local graph
};

TraversalInput::Fetched TraversalInput::fetch(const GraphSource& source, const std::vector<std::string>& names,
                                              const query::Reach& reach) {
  auto part = [&](remote::GraphQueries& graph) {
    TraversalInput::Fetched out;
    for (const auto& name : names) out.iris.push_back(remote::resolve_entity(graph, name, instance_base(source)));
    out.triples = remote::fetch_reach(graph, out.iris, reach);
    return out;
  };
  if (!source.endpoint.empty()) {
    remote::Endpoint endpoint = open_endpoint(source);
    remote::EndpointQueries graph(endpoint);
    return part(graph);
  }
  // An index file: its part, read from the mapped arrays; the rest is never decoded.
  if (!index_file(source).empty()) {
    const query::Dataset dataset = load_dataset(source);
    remote::DatasetQueries graph(dataset);
    return part(graph);
  }
  return {load_triples(source), {}};
}

TraversalInput::TraversalInput(const GraphSource& source)
    : base(instance_base(source)), view(load_triples(source)), resolver(view, base) {}

TraversalInput::TraversalInput(const GraphSource& source, const std::vector<std::string>& names,
                               const query::Reach& reach)
    : TraversalInput(source, fetch(source, names, reach), names) {}

TraversalInput::TraversalInput(const GraphSource& source, Fetched fetched, const std::vector<std::string>& names)
    : base(instance_base(source)), view(fetched.triples), resolver(view, base) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (fetched.iris.empty()) {
      entities.push_back(resolver.resolve(names[i]));
    } else {
      auto v = view.vertex(fetched.iris[i]);
      if (!v) throw Error(Error::Category::Input, "entity \"" + names[i] + "\"", "no resource <" + fetched.iris[i] + "> in the graph");
      entities.push_back(*v);
    }
  }
}

std::string TraversalInput::describe(query::Vertex v) const {
  return view.node(v).label + " (" + query::compact_iri(view.node(v).iri, base) + ")";
}

std::string TraversalInput::route(const query::Route& r) const {
  return query::route_text(view, r, base);
}

}  // namespace policykg::cli
