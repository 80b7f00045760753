#include "remote/sparql_results_reader.hpp"

#include <cctype>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "rdf/term.hpp"

namespace policykg::remote {

namespace {

using nlohmann::json;

class JsonResultsReader {
 public:
  explicit JsonResultsReader(std::string_view where) : where_(where) {}

  rdf::QueryResult read(std::string_view text) {
    json doc;
    try {
      doc = json::parse(text);
    } catch (const json::parse_error& e) {
      throw fail("not JSON: " + std::string(e.what()));
    }
    if (!doc.is_object()) throw fail("not SPARQL JSON results: the answer is not an object");
    rdf::QueryResult out;
    if (auto b = doc.find("boolean"); b != doc.end()) {
      if (!b->is_boolean()) throw fail("\"boolean\" is not true or false");
      out.kind = rdf::QueryResult::Kind::Boolean;
      out.boolean = b->get<bool>();
      return out;
    }
    const json* vars = at(doc, "head", json::value_t::object) ? &doc["head"] : nullptr;
    if (!vars || !at(*vars, "vars", json::value_t::array)) throw fail("not SPARQL JSON results: no head.vars");
    for (const auto& v : (*vars)["vars"]) {
      if (!v.is_string()) throw fail("a variable in head.vars is not a string");
      out.variables.push_back(v.get<std::string>());
    }
    if (!at(doc, "results", json::value_t::object) || !at(doc["results"], "bindings", json::value_t::array))
      throw fail("not SPARQL JSON results: no results.bindings");
    std::map<std::string, std::size_t, std::less<>> column;
    for (std::size_t i = 0; i < out.variables.size(); ++i) column.emplace(out.variables[i], i);
    for (const auto& row : doc["results"]["bindings"]) {
      if (!row.is_object()) throw fail("a row of results.bindings is not an object");
      std::vector<std::optional<rdf::Term>> values(out.variables.size());
      for (const auto& [name, value] : row.items()) {
        auto c = column.find(name);
        if (c == column.end()) throw fail("a row binds ?" + name + ", which head.vars does not list");
        values[c->second] = term(value);
      }
      out.rows.push_back(std::move(values));
    }
    return out;
  }

 private:
  std::string where_;
  std::map<std::string, std::string, std::less<>> blanks_;

  Error fail(const std::string& why) const { return Error(Error::Category::Input, where_, why); }

  static bool at(const json& object, const char* key, json::value_t type) {
    auto it = object.find(key);
    return it != object.end() && it->type() == type;
  }

  std::string string_field(const json& t, const char* key) const {
    auto it = t.find(key);
    if (it == t.end() || !it->is_string()) throw fail(std::string("a term without a string \"") + key + "\"");
    return it->get<std::string>();
  }

  rdf::Term term(const json& t) {
    if (!t.is_object()) throw fail("a bound value is not an object");
    const std::string type = string_field(t, "type");
    std::string value = string_field(t, "value");
    if (type == "uri") return rdf::Term::iri(std::move(value));
    if (type == "bnode") {
      auto [it, added] = blanks_.try_emplace(value, "b" + std::to_string(blanks_.size()));
      return rdf::Term::blank(it->second);
    }
    if (type != "literal" && type != "typed-literal") throw fail("a term of unknown type \"" + type + "\"");
    if (t.contains("xml:lang")) {
      std::string lang = string_field(t, "xml:lang");
      for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!rdf::is_language_tag(lang)) throw fail("\"" + lang + "\" is not a language tag");
      return rdf::Term::lang_literal(std::move(value), std::move(lang));
    }
    if (t.contains("datatype")) {
      std::string dt = string_field(t, "datatype");
      if (dt == std::string(rdf::kXsd) + "string") return rdf::Term::literal(std::move(value));
      return rdf::Term::typed(std::move(value), std::move(dt));
    }
    return rdf::Term::literal(std::move(value));
  }
};

}  // namespace

rdf::QueryResult read_sparql_json(std::string_view text, std::string_view where) {
  return JsonResultsReader(where).read(text);
}

}  // namespace policykg::remote
