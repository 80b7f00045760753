#include "cli/traversal_input.hpp"

#include "query/route.hpp"

namespace policykg::cli {

void add_traversal_options(CLI::App& cmd, TraversalOptions& options) {
  add_graph_options(cmd, options.source);
  cmd.add_option("--format", options.format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd.footer(
      "ENTITY is an IRI, a prefixed name (pol:..., id:... for the instance base) or a label "
      "(rdfs:label, skos:altLabel, dcterms:identifier; case-insensitive).\n"
      "Exit status: 0 on success (also when nothing is found), 1 on bad input or a failed run, "
      "2 on a usage error.");
}

TraversalInput::TraversalInput(const GraphSource& source)
    : base(instance_base(source)), view(load_triples(source)), resolver(view, base) {}

std::string TraversalInput::describe(query::Vertex v) const {
  return view.node(v).label + " (" + query::compact_iri(view.node(v).iri, base) + ")";
}

std::string TraversalInput::route(const query::Route& r) const {
  return query::route_text(view, r, base);
}

}  // namespace policykg::cli
