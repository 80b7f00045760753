#include "rdf/jsonld_reader.hpp"

#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "rdf/input_checks.hpp"
#include "rdf/jsonld_context.hpp"

namespace policykg::rdf {

namespace {

using json = nlohmann::json;

class Reader {
 public:
  Reader(const JsonLdContext& ctx, std::string_view where) : ctx_(ctx), where_(where) {}

  Term node(const json& obj, const std::string& pointer) {
    Term subject;
    if (auto id = obj.find("@id"); id != obj.end()) {
      if (!id->is_string()) fail(pointer + "/@id", "@id must be a string");
      subject = make_node(ctx_.expand(id->get<std::string>(), false));
    } else {
      subject = Term::blank("r" + std::to_string(blank_counter_++));
    }
    for (const auto& [key, value] : obj.items()) {
      const std::string at = pointer + "/" + key;
      if (key == "@id" || key == "@context") continue;
      if (key == "@type") {
        for_each(value, at, [&](const json& v, const std::string& p) {
          if (!v.is_string()) fail(p, "@type values must be strings");
          out_.push_back({subject, Term::iri(std::string(ns::kRdf) + "type"), make_node(ctx_.expand(v.get<std::string>(), true))});
        });
        continue;
      }
      if (key.starts_with('@')) fail(at, "the keyword " + key + " is not supported here");
      const TermDefinition* def = ctx_.term(key);
      const std::string predicate = def != nullptr ? def->iri : ctx_.expand(key, true);
      if (predicate.find(':') == std::string::npos) fail(at, "'" + key + "' is neither a term of the context nor an IRI");
      for_each(value, at, [&](const json& v, const std::string& p) {
        out_.push_back({subject, Term::iri(predicate), object(v, def, p)});
      });
    }
    return subject;
  }

  std::vector<Triple> take() { return std::move(out_); }

  template <typename Fn>
  void for_each(const json& value, const std::string& pointer, Fn&& fn) {
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) fn(value[i], pointer + "/" + std::to_string(i));
    } else {
      fn(value, pointer);
    }
  }

 private:
  Term make_node(const std::string& iri) {
    return iri.starts_with("_:") ? Term::blank(iri.substr(2)) : Term::iri(iri);
  }

  Term object(const json& v, const TermDefinition* def, const std::string& pointer) {
    if (v.is_string()) {
      const std::string s = v;
      if (def != nullptr && def->type == "@id") return make_node(ctx_.expand(s, false));
      if (def != nullptr && !def->type.empty()) return Term::typed(s, def->type);
      if (def != nullptr && !def->language.empty()) return lang_literal(s, def->language, pointer);
      return Term::literal(s);
    }
    if (v.is_boolean()) return Term::xsd(v.get<bool>() ? "true" : "false", "boolean");
    if (v.is_number_integer()) return Term::xsd(v.dump(), "integer");
    if (v.is_number()) return Term::xsd(v.dump(), "double");
    if (v.is_object()) {
      if (auto value = v.find("@value"); value != v.end()) {
        std::string lex = value->is_string() ? value->get<std::string>() : value->dump();
        if (auto lang = v.find("@language"); lang != v.end()) {
          if (!lang->is_string()) fail(pointer + "/@language", "@language must be a string");
          return lang_literal(lex, lang->get<std::string>(), pointer + "/@language");
        }
        if (auto type = v.find("@type"); type != v.end()) {
          if (!type->is_string()) fail(pointer + "/@type", "@type must be a string");
          return Term::typed(lex, ctx_.expand(type->get<std::string>(), true));
        }
        if (value->is_number_integer()) return Term::xsd(lex, "integer");
        return Term::literal(lex);
      }
      if (v.contains("@list")) fail(pointer, "@list is not supported");
      return node(v, pointer);
    }
    fail(pointer, "unsupported value");
  }

  Term lang_literal(const std::string& lex, const std::string& tag, const std::string& pointer) const {
    if (!is_language_tag(tag))
      fail(pointer, "the language tag '" + tag.substr(0, 60) + (tag.size() > 60 ? "..." : "") +
                        "' is not a BCP 47 tag of at most " + std::to_string(kMaxLanguageTag) + " characters");
    return Term::lang_literal(lex, tag);
  }

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw Error(Error::Category::Syntax, std::string(where_) + " at " + (pointer.empty() ? "/" : pointer), message);
  }

  const JsonLdContext& ctx_;
  std::string_view where_;
  std::vector<Triple> out_;
  int blank_counter_ = 0;
};

}  // namespace

std::vector<Triple> parse_jsonld(std::string_view text, std::string_view where) {
  // The reader recurses once a level of nesting (and the JSON text is not to be trusted).
  check_json_depth(text, where);
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw Error(Error::Category::Syntax, std::string(where), "not valid JSON");
  if (!doc.is_object()) throw Error(Error::Category::Syntax, std::string(where), "a JSON-LD document must be an object");
  json context = doc.value("@context", json::object());
  if (context.is_string()) throw Error(Error::Category::Syntax, std::string(where), "remote contexts are not fetched; inline the context");
  JsonLdContext ctx(context, where);
  Reader reader(ctx, where);
  if (auto graph = doc.find("@graph"); graph != doc.end()) {
    reader.for_each(*graph, "/@graph", [&](const json& n, const std::string& p) {
      if (!n.is_object()) throw Error(Error::Category::Syntax, std::string(where) + " at " + p, "node must be an object");
      reader.node(n, p);
    });
  } else {
    reader.node(doc, "");
  }
  return reader.take();
}

}  // namespace policykg::rdf
