#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "validate/class_index.hpp"
#include "validate/lexical_form.hpp"
#include "validate/prefixed_name.hpp"
#include "validate/shacl_vocabulary.hpp"
#include "validate/shapes_graph.hpp"
#include "validate/validate.hpp"

namespace policykg::validate {

namespace {

using Kind = Constraint::Kind;

std::string effective_datatype(const rdf::Term& literal) {
  if (!literal.lang.empty()) return sh::rdf_lang_string;
  if (literal.datatype.empty()) return sh::xsd("string");
  return literal.datatype;
}

// Terms compared as RDF 1.1 does: a plain literal is an xsd:string literal.
bool same_term(const rdf::Term& a, const rdf::Term& b) {
  if (a.kind != b.kind || a.value != b.value) return false;
  if (!a.is_literal()) return true;
  return effective_datatype(a) == effective_datatype(b) && a.lang == b.lang;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool language_matches(const std::string& tag, const std::string& range) {
  if (tag.empty()) return false;
  if (range == "*") return true;
  auto t = lower(tag), r = lower(range);
  return t == r || (t.size() > r.size() && t.starts_with(r) && t[r.size()] == '-');
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool has_node_kind(const rdf::Term& v, const std::string& kind) {
  if (kind == sh::iri("IRI")) return v.is_iri();
  if (kind == sh::iri("BlankNode")) return v.is_blank();
  if (kind == sh::iri("Literal")) return v.is_literal();
  if (kind == sh::iri("BlankNodeOrIRI")) return !v.is_literal();
  if (kind == sh::iri("BlankNodeOrLiteral")) return !v.is_iri();
  return !v.is_blank();  // sh:IRIOrLiteral
}

std::string describe(const rdf::Term& t) { return t.is_literal() ? t.to_ntriples() : prefixed_name(t); }

class Validator {
 public:
  Validator(const rdf::Model& data, const rdf::Model& shapes)
      : data_(data), graph_(read_shapes(shapes)), classes_(data, {&shapes}) {}

  Report run() {
    Report report;
    for (std::size_t index : graph_.with_targets) {
      const Shape& shape = graph_.shapes[index];
      if (shape.deactivated) continue;
      auto focus_nodes = targets(shape);
      if (focus_nodes.empty()) continue;
      ++report.shapes;
      report.focus_nodes += focus_nodes.size();
      for (const auto& focus : focus_nodes) check(index, focus, report.violations, 0);
    }
    // The key owns the path's text: a std::tie of the local string would outlive it.
    auto key = [](const Violation& v) {
      auto path = v.path ? to_string(*v.path, [](std::string_view iri) { return std::string(iri); }) : std::string();
      return std::tuple<const rdf::Term&, std::string, const std::string&, const std::optional<rdf::Term>&,
                        const std::string&, const rdf::Term&>(v.focus, std::move(path), v.constraint, v.value,
                                                              v.message, v.shape);
    };
    std::sort(report.violations.begin(), report.violations.end(),
              [&](const Violation& a, const Violation& b) { return key(a) < key(b); });
    report.violations.erase(std::unique(report.violations.begin(), report.violations.end(),
                                        [&](const Violation& a, const Violation& b) { return key(a) == key(b); }),
                            report.violations.end());
    report.conforms = report.violations.empty();
    return report;
  }

 private:
  std::set<rdf::Term> targets(const Shape& shape) const {
    std::set<rdf::Term> nodes;
    for (const auto& cls : shape.target_classes) {
      const auto& found = classes_.instances(cls);
      nodes.insert(found.begin(), found.end());
    }
    nodes.insert(shape.target_nodes.begin(), shape.target_nodes.end());
    for (const auto& p : shape.target_subjects_of)
      data_.match({std::nullopt, rdf::Term::iri(p), std::nullopt}, [&](const rdf::Triple& t) {
        nodes.insert(t.s);
        return true;
      });
    for (const auto& p : shape.target_objects_of)
      data_.match({std::nullopt, rdf::Term::iri(p), std::nullopt}, [&](const rdf::Triple& t) {
        nodes.insert(t.o);
        return true;
      });
    return nodes;
  }

  bool conforms(const rdf::Term& node, std::size_t shape, int depth) {
    std::vector<Violation> found;
    check(shape, node, found, depth + 1);
    return found.empty();
  }

  void check(std::size_t index, const rdf::Term& focus, std::vector<Violation>& out, int depth) {
    if (depth > 64)
      throw Error(Error::Category::Input, "shapes: shape " + graph_.shapes[index].id.to_ntriples(),
                  "shapes refer to each other too deeply (recursive shapes are not supported)");
    const Shape& shape = graph_.shapes[index];
    if (shape.deactivated) return;
    std::set<rdf::Term> values = shape.path ? evaluate(data_, focus, *shape.path) : std::set<rdf::Term>{focus};

    auto report = [&](const Constraint& c, std::optional<rdf::Term> value, std::string message) {
      Violation v;
      v.focus = focus;
      v.path = shape.path;
      v.constraint = component_iri(c.kind);
      v.message = shape.message.empty() ? std::move(message) : shape.message;
      v.value = std::move(value);
      v.severity = shape.severity;
      v.shape = shape.id;
      out.push_back(std::move(v));
    };
    auto each_value = [&](const Constraint& c, auto&& ok, auto&& message) {
      for (const auto& v : values)
        if (!ok(v)) report(c, v, message(v));
    };

    for (const auto& c : shape.constraints) {
      switch (c.kind) {
        case Kind::Class:
          each_value(c, [&](const rdf::Term& v) { return classes_.is_instance(v, c.iri); },
                     [&](const rdf::Term& v) { return describe(v) + " is not a " + prefixed_name(c.iri); });
          break;
        case Kind::Datatype:
          each_value(c,
                     [&](const rdf::Term& v) {
                       return v.is_literal() && effective_datatype(v) == c.iri &&
                              (c.iri != sh::rdf_lang_string || !v.lang.empty()) &&
                              is_valid_lexical_form(v.value, c.iri);
                     },
                     [&](const rdf::Term& v) { return describe(v) + " is not a valid " + prefixed_name(c.iri); });
          break;
        case Kind::NodeKind:
          each_value(c, [&](const rdf::Term& v) { return has_node_kind(v, c.iri); },
                     [&](const rdf::Term& v) { return describe(v) + " is not of node kind " + prefixed_name(c.iri); });
          break;
        case Kind::MinCount:
          if (values.size() < c.count)
            report(c, std::nullopt,
                   "expected at least " + std::to_string(c.count) + " value(s), found " + std::to_string(values.size()));
          break;
        case Kind::MaxCount:
          if (values.size() > c.count)
            report(c, std::nullopt,
                   "expected at most " + std::to_string(c.count) + " value(s), found " + std::to_string(values.size()));
          break;
        case Kind::MinLength:
        case Kind::MaxLength:
          each_value(c,
                     [&](const rdf::Term& v) {
                       if (v.is_blank()) return false;
                       auto n = code_points(v.value);
                       return c.kind == Kind::MinLength ? n >= c.count : n <= c.count;
                     },
                     [&](const rdf::Term& v) {
                       return describe(v) + " is " + (c.kind == Kind::MinLength ? "shorter" : "longer") + " than " +
                              std::to_string(c.count) + " characters";
                     });
          break;
        case Kind::Pattern:
          each_value(c, [&](const rdf::Term& v) { return !v.is_blank() && std::regex_search(v.value, c.regex); },
                     [&](const rdf::Term& v) { return describe(v) + " does not match /" + c.pattern + "/" + c.flags; });
          break;
        case Kind::In:
          each_value(c,
                     [&](const rdf::Term& v) {
                       return std::any_of(c.terms.begin(), c.terms.end(), [&](const rdf::Term& t) { return same_term(t, v); });
                     },
                     [&](const rdf::Term& v) { return describe(v) + " is not one of the allowed values"; });
          break;
        case Kind::HasValue:
          if (std::none_of(values.begin(), values.end(), [&](const rdf::Term& v) { return same_term(v, c.terms.front()); }))
            report(c, std::nullopt, "missing the value " + describe(c.terms.front()));
          break;
        case Kind::LanguageIn:
          each_value(c,
                     [&](const rdf::Term& v) {
                       return v.is_literal() && std::any_of(c.terms.begin(), c.terms.end(), [&](const rdf::Term& r) {
                                return language_matches(v.lang, r.value);
                              });
                     },
                     [&](const rdf::Term& v) { return describe(v) + " has no allowed language tag"; });
          break;
        case Kind::UniqueLang: {
          std::map<std::string, int> seen;
          for (const auto& v : values)
            if (v.is_literal() && !v.lang.empty()) ++seen[lower(v.lang)];
          for (const auto& [lang, n] : seen)
            if (n > 1) report(c, std::nullopt, "more than one value with language tag @" + lang);
          break;
        }
        case Kind::Node:
        case Kind::Not:
        case Kind::And:
        case Kind::Or:
        case Kind::Xone:
          each_value(c, [&](const rdf::Term& v) { return logical(c, v, depth); },
                     [&](const rdf::Term& v) { return logical_message(c, v); });
          break;
      }
    }

    for (std::size_t property : shape.properties)
      for (const auto& v : values) check(property, v, out, depth + 1);
  }

  bool logical(const Constraint& c, const rdf::Term& v, int depth) {
    std::size_t conforming = 0;
    for (std::size_t s : c.shapes)
      if (conforms(v, s, depth)) ++conforming;
    switch (c.kind) {
      case Kind::Node:
      case Kind::And: return conforming == c.shapes.size();
      case Kind::Not: return conforming == 0;
      case Kind::Or: return conforming > 0;
      case Kind::Xone: return conforming == 1;
      default: return true;
    }
  }

  static std::string logical_message(const Constraint& c, const rdf::Term& v) {
    switch (c.kind) {
      case Kind::Node: return describe(v) + " does not conform to the shape it must conform to";
      case Kind::Not: return describe(v) + " conforms to a shape it must not conform to";
      case Kind::And: return describe(v) + " does not conform to all of the shapes of sh:and";
      case Kind::Or: return describe(v) + " conforms to none of the shapes of sh:or";
      case Kind::Xone: return describe(v) + " does not conform to exactly one of the shapes of sh:xone";
      default: return {};
    }
  }

  const rdf::Model& data_;
  ShapesGraph graph_;
  ClassIndex classes_;
};

}  // namespace

Report validate(const rdf::Model& data, const rdf::Model& shapes) { return Validator(data, shapes).run(); }

}  // namespace policykg::validate
