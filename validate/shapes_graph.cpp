#include "validate/shapes_graph.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/error.hpp"
#include "validate/rdf_list.hpp"
#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

namespace {

using Kind = Constraint::Kind;

// Constraint parameters this validator does not implement: a shapes graph using one is refused
// rather than silently half-checked.
constexpr std::string_view kUnsupported[] = {
    "closed", "ignoredProperties", "equals", "disjoint", "lessThan", "lessThanOrEquals",
    "minExclusive", "minInclusive", "maxExclusive", "maxInclusive", "qualifiedValueShape",
    "sparql", "target"};

class Reader {
 public:
  explicit Reader(const rdf::Model& m) : m_(m) {}

  std::size_t shape(const rdf::Term& node, int depth = 0) {
    if (auto it = index_.find(node); it != index_.end()) return it->second;
    if (depth > 256) throw fail(node, "shapes nested too deeply");
    std::size_t at = out_.shapes.size();
    index_.emplace(node, at);
    out_.shapes.emplace_back();
    Shape s = read(node, depth);
    out_.shapes[at] = std::move(s);
    return at;
  }

  ShapesGraph take() { return std::move(out_); }

 private:
  static Error fail(const rdf::Term& node, const std::string& why) {
    return Error(Error::Category::Input, "shapes: shape " + node.to_ntriples(), why);
  }

  std::vector<rdf::Term> objects(const rdf::Term& s, const std::string& p) const {
    std::vector<rdf::Term> out;
    for (const auto& t : m_.find({s, rdf::Term::iri(p), std::nullopt})) out.push_back(t.o);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<rdf::Term> sh_objects(const rdf::Term& s, std::string_view local) const {
    return objects(s, sh::iri(local));
  }
  std::optional<rdf::Term> single(const rdf::Term& s, std::string_view local) const {
    auto all = sh_objects(s, local);
    if (all.empty()) return std::nullopt;
    if (all.size() > 1) throw fail(s, "more than one value of sh:" + std::string(local));
    return all.front();
  }
  std::size_t count_of(const rdf::Term& s, const rdf::Term& v, std::string_view local) const {
    std::size_t n = 0;
    const auto& lex = v.value;
    auto [ptr, ec] = std::from_chars(lex.data(), lex.data() + lex.size(), n);
    if (!v.is_literal() || ec != std::errc{} || ptr != lex.data() + lex.size())
      throw fail(s, "sh:" + std::string(local) + " must be a non-negative integer, not " + v.to_ntriples());
    return n;
  }
  static bool is_true(const rdf::Term& v) { return v.is_literal() && (v.value == "true" || v.value == "1"); }

  Shape read(const rdf::Term& node, int depth) {
    for (auto local : kUnsupported)
      if (!sh_objects(node, local).empty())
        throw fail(node, "the constraint sh:" + std::string(local) + " is not supported");

    Shape s;
    s.id = node;
    if (auto v = single(node, "deactivated")) s.deactivated = is_true(*v);
    if (auto v = single(node, "severity")) {
      if (v->value == sh::iri("Warning")) s.severity = Severity::Warning;
      else if (v->value == sh::iri("Info")) s.severity = Severity::Info;
      else if (v->value == sh::iri("Violation")) s.severity = Severity::Violation;
      else throw fail(node, "unknown severity " + v->to_ntriples());
    }
    for (const auto& m : sh_objects(node, "message")) {
      if (m.lang.empty() || m.lang == "en" || m.lang.starts_with("en-")) {
        s.message = m.value;
        if (m.lang.empty() || m.lang == "en") break;
      }
    }
    if (auto p = single(node, "path")) s.path = read_path(m_, *p);

    for (const auto& c : sh_objects(node, "targetClass")) s.target_classes.push_back(c.value);
    s.target_nodes = sh_objects(node, "targetNode");
    for (const auto& p : sh_objects(node, "targetSubjectsOf")) s.target_subjects_of.push_back(p.value);
    for (const auto& p : sh_objects(node, "targetObjectsOf")) s.target_objects_of.push_back(p.value);
    // Implicit class target: a node shape that is also a class targets its instances.
    if (node.is_iri() && !s.path) {
      for (const auto& type : objects(node, sh::rdf_type))
        if (type.value == sh::rdfs_class || type.value == sh::owl_class) {
          s.target_classes.push_back(node.value);
          break;
        }
    }

    auto add = [&](Kind kind) -> Constraint& {
      s.constraints.push_back(Constraint{});
      s.constraints.back().kind = kind;
      return s.constraints.back();
    };
    for (const auto& c : sh_objects(node, "class")) add(Kind::Class).iri = c.value;
    if (auto v = single(node, "datatype")) add(Kind::Datatype).iri = v->value;
    if (auto v = single(node, "nodeKind")) {
      static const std::set<std::string> kinds = {sh::iri("IRI"), sh::iri("BlankNode"), sh::iri("Literal"),
                                                  sh::iri("BlankNodeOrIRI"), sh::iri("BlankNodeOrLiteral"),
                                                  sh::iri("IRIOrLiteral")};
      if (!kinds.contains(v->value)) throw fail(node, "unknown node kind " + v->to_ntriples());
      add(Kind::NodeKind).iri = v->value;
    }
    if (auto v = single(node, "minCount")) add(Kind::MinCount).count = count_of(node, *v, "minCount");
    if (auto v = single(node, "maxCount")) add(Kind::MaxCount).count = count_of(node, *v, "maxCount");
    if (auto v = single(node, "minLength")) add(Kind::MinLength).count = count_of(node, *v, "minLength");
    if (auto v = single(node, "maxLength")) add(Kind::MaxLength).count = count_of(node, *v, "maxLength");
    if (!s.path)
      for (const auto& c : s.constraints)
        if (c.kind == Kind::MinCount || c.kind == Kind::MaxCount)
          throw fail(node, "sh:minCount and sh:maxCount belong on property shapes");

    auto flags = single(node, "flags");
    for (const auto& p : sh_objects(node, "pattern")) {
      auto& c = add(Kind::Pattern);
      c.pattern = p.value;
      auto options = std::regex::ECMAScript;
      if (flags) {
        c.flags = flags->value;
        for (char f : c.flags) {
          if (f == 'i') options |= std::regex::icase;
          else if (f == 'm') options |= std::regex::multiline;
          else throw fail(node, std::string("the regex flag '") + f + "' is not supported");
        }
      }
      try {
        c.regex = std::regex(c.pattern, options);
      } catch (const std::regex_error& e) {
        throw fail(node, "bad sh:pattern \"" + c.pattern + "\": " + e.what());
      }
    }
    if (auto v = single(node, "in")) add(Kind::In).terms = read_list(m_, *v);
    for (const auto& v : sh_objects(node, "hasValue")) add(Kind::HasValue).terms = {v};
    if (auto v = single(node, "languageIn")) add(Kind::LanguageIn).terms = read_list(m_, *v);
    if (auto v = single(node, "uniqueLang"); v && is_true(*v)) add(Kind::UniqueLang);

    for (const auto& v : sh_objects(node, "node")) add(Kind::Node).shapes = {shape(v, depth + 1)};
    for (const auto& v : sh_objects(node, "not")) add(Kind::Not).shapes = {shape(v, depth + 1)};
    auto lists = [&](std::string_view local, Kind kind) {
      for (const auto& head : sh_objects(node, local)) {
        std::vector<std::size_t> members;
        for (const auto& m : read_list(m_, head)) members.push_back(shape(m, depth + 1));
        add(kind).shapes = std::move(members);
      }
    };
    lists("and", Kind::And);
    lists("or", Kind::Or);
    lists("xone", Kind::Xone);

    for (const auto& p : sh_objects(node, "property")) s.properties.push_back(shape(p, depth + 1));
    return s;
  }

  const rdf::Model& m_;
  std::map<rdf::Term, std::size_t> index_;
  ShapesGraph out_;
};

}  // namespace

ShapesGraph read_shapes(const rdf::Model& shapes) {
  std::set<rdf::Term> roots;
  for (auto local : {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"})
    for (const auto& t : shapes.find({std::nullopt, rdf::Term::iri(sh::iri(local)), std::nullopt}))
      roots.insert(t.s);
  for (auto type : {"NodeShape", "PropertyShape"})
    for (const auto& t : shapes.find({std::nullopt, rdf::Term::iri(sh::rdf_type), rdf::Term::iri(sh::iri(type))}))
      roots.insert(t.s);

  Reader reader(shapes);
  for (const auto& node : roots) reader.shape(node);
  ShapesGraph graph = reader.take();
  for (std::size_t i = 0; i < graph.shapes.size(); ++i) {
    const auto& s = graph.shapes[i];
    if (!s.target_classes.empty() || !s.target_nodes.empty() || !s.target_subjects_of.empty() ||
        !s.target_objects_of.empty())
      graph.with_targets.push_back(i);
  }
  return graph;
}

std::string component_iri(Constraint::Kind kind) {
  switch (kind) {
    case Kind::Class: return sh::iri("ClassConstraintComponent");
    case Kind::Datatype: return sh::iri("DatatypeConstraintComponent");
    case Kind::NodeKind: return sh::iri("NodeKindConstraintComponent");
    case Kind::MinCount: return sh::iri("MinCountConstraintComponent");
    case Kind::MaxCount: return sh::iri("MaxCountConstraintComponent");
    case Kind::MinLength: return sh::iri("MinLengthConstraintComponent");
    case Kind::MaxLength: return sh::iri("MaxLengthConstraintComponent");
    case Kind::Pattern: return sh::iri("PatternConstraintComponent");
    case Kind::In: return sh::iri("InConstraintComponent");
    case Kind::HasValue: return sh::iri("HasValueConstraintComponent");
    case Kind::LanguageIn: return sh::iri("LanguageInConstraintComponent");
    case Kind::UniqueLang: return sh::iri("UniqueLangConstraintComponent");
    case Kind::Node: return sh::iri("NodeConstraintComponent");
    case Kind::Not: return sh::iri("NotConstraintComponent");
    case Kind::And: return sh::iri("AndConstraintComponent");
    case Kind::Or: return sh::iri("OrConstraintComponent");
    case Kind::Xone: return sh::iri("XoneConstraintComponent");
  }
  return {};
}

}  // namespace policykg::validate
