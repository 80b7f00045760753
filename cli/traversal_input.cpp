#include "cli/traversal_input.hpp"

#include "query/traversal/route.hpp"

namespace policykg::cli {

void add_traversal_options(CLI::App& cmd, TraversalOptions& options, const std::vector<std::string>& formats) {
  add_graph_options(cmd, options.source);
  std::string help = formats.front() + " (default)";
  for (std::size_t i = 1; i < formats.size(); ++i) help += (i + 1 == formats.size() ? " or " : ", ") + formats[i];
  options.format = formats.front();
  cmd.add_option("--format", options.format, help)->check(CLI::IsMember(formats));
  cmd.footer(
      "ENTITY is an IRI, a prefixed name (pol:..., id:... for the instance base), the tail of an IRI "
      "(task/9/initiative/5/measure/2), a citation key (T9.5.2), a label (rdfs:label, skos:altLabel; "
      "case, spacing and a final stop aside) or any run of whole words of a label or of a unit's text "
      "that only one resource has.\n"
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
