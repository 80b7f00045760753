#include "rdf/jsonld_writer.hpp"

#include <fstream>
#include <map>

#include "core/error.hpp"
#include "ontology/paths.hpp"
#include "ontology/terms.hpp"
#include "rdf/jsonld_context.hpp"

namespace policykg::rdf {

namespace {

using ordered_json = nlohmann::ordered_json;

std::string node_id(const Term& t, const JsonLdContext& ctx) {
  return t.is_blank() ? "_:" + t.value : ctx.compact_iri(t.value);
}

// Whether a term definition can carry this object as a bare JSON string.
bool fits(const TermDefinition& def, const Term& o) {
  if (o.is_iri()) return def.type == "@id";
  if (o.is_blank()) return false;
  if (!def.type.empty()) return def.type != "@id" && o.lang.empty() && o.datatype == def.type;
  if (!def.language.empty()) return o.lang == def.language;
  return o.lang.empty() && o.datatype.empty();
}

ordered_json value_object(const Term& o, const JsonLdContext& ctx) {
  if (!o.is_literal()) return ordered_json{{"@id", node_id(o, ctx)}};
  ordered_json v{{"@value", o.value}};
  if (!o.lang.empty()) v["@language"] = o.lang;
  else if (!o.datatype.empty()) v["@type"] = ctx.compact_iri(o.datatype);
  return v;
}

}  // namespace

const nlohmann::json& default_context() {
  static const nlohmann::json context = [] {
    auto file = paths::ontology_dir() / "context.jsonld";
    std::ifstream in(file);
    if (!in) throw Error(Error::Category::Io, file.string(), "cannot read the JSON-LD context");
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("@context"))
      throw Error(Error::Category::Syntax, file.string(), "not a JSON-LD context document");
    return doc["@context"];
  }();
  return context;
}

nlohmann::ordered_json to_jsonld(const std::vector<Triple>& triples, const nlohmann::json& context,
                                 std::string_view base) {
  nlohmann::json ctx_json = context;
  if (!base.empty()) ctx_json["id"] = std::string(base);
  JsonLdContext ctx(ctx_json, "context");

  // Subject -> key -> values, each in sorted order (the input is sorted).
  std::map<Term, std::map<std::string, std::vector<ordered_json>>> nodes;
  const std::string rdf_type = std::string(ns::kRdf) + "type";
  for (const auto& t : triples) {
    auto& props = nodes[t.s];
    if (t.p.value == rdf_type && t.o.is_iri()) {
      props["@type"].emplace_back(ctx.compact_iri(t.o.value));
      continue;
    }
    std::string key;
    ordered_json value;
    for (const auto& [name, def] : ctx.terms_for(t.p.value)) {
      if (fits(*def, t.o)) {
        key = name;
        value = t.o.is_literal() ? ordered_json(t.o.value) : ordered_json(node_id(t.o, ctx));
        break;
      }
    }
    if (key.empty()) {
      key = ctx.compact_iri(t.p.value);
      // A compact IRI that is also a term name would be read with the term's coercion.
      if (ctx.term(key) != nullptr) key = t.p.value;
      value = value_object(t.o, ctx);
    }
    props[key].push_back(std::move(value));
  }

  ordered_json graph = ordered_json::array();
  for (auto& [subject, props] : nodes) {
    ordered_json node;
    node["@id"] = node_id(subject, ctx);
    if (auto it = props.find("@type"); it != props.end()) {
      node["@type"] = it->second.size() == 1 ? it->second.front() : ordered_json(it->second);
    }
    for (auto& [key, values] : props) {
      if (key == "@type") continue;
      node[key] = values.size() == 1 ? values.front() : ordered_json(values);
    }
    graph.push_back(std::move(node));
  }
  ordered_json doc;
  doc["@context"] = ordered_json::parse(ctx_json.dump());
  doc["@graph"] = std::move(graph);
  return doc;
}

}  // namespace policykg::rdf
