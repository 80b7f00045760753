// policykg explain UNIT [--data FILE...|--store SPEC] [--format text|json]: every derived fact of
// a unit with the words it was read from, marked in the unit's text, and the rule that read them.
// Without --data or --store the documents are built with their evidence; a graph file must have
// been built with `build --evidence`.
#include <iostream>
#include <memory>
#include <string>

#include "builder/normalized_text.hpp"
#include "cli/commands.hpp"
#include "cli/traversal_input.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"

namespace policykg::cli {

namespace {

struct ExplainOptions : TraversalOptions {
  std::string entity;
};

struct Fact {
  std::string predicate, object, rule, words;
  long start = -1, end = -1;
};

long integer_of(const query::GraphView& view, query::Vertex v, std::string_view p) {
  const auto& values = view.attribute(v, p);
  if (values.empty()) return -1;
  try {
    return std::stol(values.front().value);
  } catch (const std::exception&) {
    return -1;
  }
}

std::string text_of(const query::GraphView& view, query::Vertex v, std::string_view p) {
  const auto& values = view.attribute(v, p);
  return values.empty() ? std::string() : values.front().value;
}

// Byte offset in `text` of code point `n` (text.size() when past its end).
std::size_t byte_of(std::string_view text, long n) {
  std::size_t b = 0;
  for (long cp = 0; cp < n && b < text.size(); ++cp) b += utf8_step(text, b);
  return std::min(b, text.size());
}


void run_explain(const ExplainOptions& o) {
  GraphSource source = o.source;
  source.evidence = true;
  TraversalInput in(source);
  const query::Vertex unit = in.resolver.resolve(o.entity);
  const query::GraphView& view = in.view;
  const std::string& iri = view.node(unit).iri;
  const std::string text = text_of(view, unit, pol::text);
  const long unit_start = integer_of(view, unit, pol::sourceStart);
  const long unit_end = integer_of(view, unit, pol::sourceEnd);

  std::vector<Fact> facts;
  for (std::size_t k = 1;; ++k) {
    auto e = view.vertex(iri + "/evidence/" + std::to_string(k));
    if (!e) break;
    Fact f;
    for (auto [it, end] = boost::out_edges(*e, view.graph()); it != end; ++it) {
      const auto& edge = view.graph()[*it];
      const query::Vertex target = boost::target(*it, view.graph());
      if (edge.predicate == std_terms::rdf_predicate) f.predicate = query::compact_iri(view.node(target).iri, in.base);
      if (edge.predicate == std_terms::rdf_object) {
        f.object = in.describe(target);
        if (view.has_type(target, pol::Responsibility)) f.object = view.node(target).label;
      }
    }
    if (f.object.empty()) f.object = "\"" + text_of(view, *e, std_terms::rdf_object) + "\"";
    f.rule = text_of(view, *e, pol::rule);
    f.words = text_of(view, *e, pol::cueText);
    f.start = integer_of(view, *e, pol::cueStart);
    f.end = integer_of(view, *e, pol::cueEnd);
    facts.push_back(std::move(f));
  }

  if (o.format == "json") {
    nlohmann::json j = {{"entity", query::node_json(view, unit)}, {"facts", nlohmann::json::array()}};
    for (const auto& f : facts)
      j["facts"].push_back({{"predicate", f.predicate}, {"object", f.object}, {"rule", f.rule},
                            {"words", f.words}, {"cueStart", f.start}, {"cueEnd", f.end}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Facts of " << in.describe(unit) << ": " << facts.size() << "\n";
  if (facts.empty()) {
    std::cout << "  none with evidence: the unit has no derived facts, or the graph was built without "
                 "`build --evidence`\n";
    return;
  }
  for (const auto& f : facts) {
    std::cout << "  " << f.predicate << " " << f.object << "\n    by " << f.rule << ": ";
    if (f.start >= unit_start && f.end <= unit_end && f.start < f.end) {
      // The unit's text with the words marked.
      const std::size_t a = byte_of(text, f.start - unit_start), b = byte_of(text, f.end - unit_start);
      std::cout << builder::collapse_whitespace(text.substr(0, a) + "[[" + text.substr(a, b - a) + "]]" + text.substr(b)) << "\n";
    } else {
      std::cout << "[[" << f.words << "]] (code points " << f.start << "–" << f.end
                << " of the document, outside this unit's text)\n";
    }
  }
}

}  // namespace

void setup_explain(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  auto* cmd = app.add_subcommand(
      "explain",
      "Why a unit has the facts it has: each derived fact with the words it was read from, marked [[like "
      "this]] in the unit's text, and the rule that read them");
  cmd->add_option("UNIT", options->entity, "the measure or unit")->required();
  add_traversal_options(*cmd, *options);
  cmd->callback([options] { run_explain(*options); });
}

}  // namespace policykg::cli
