#include "validate/path.hpp"

#include <deque>

#include "core/error.hpp"
#include "validate/rdf_list.hpp"
#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

namespace {

std::optional<rdf::Term> object_of(const rdf::Model& m, const rdf::Term& s, const std::string& p) {
  auto found = m.find({s, rdf::Term::iri(p), std::nullopt});
  if (found.empty()) return std::nullopt;
  return found.front().o;
}

Error bad_path(const rdf::Term& node, const std::string& why) {
  return Error(Error::Category::Input, "shapes: path " + node.to_ntriples(), why);
}

Path read_path_at(const rdf::Model& shapes, const rdf::Term& node, int depth) {
  if (depth > 64) throw bad_path(node, "path nested too deeply (a cycle?)");
  if (node.is_iri()) return Path{Path::Kind::Predicate, node.value, {}};
  if (!node.is_blank()) throw bad_path(node, "a path is an IRI or a blank node");
  auto unary = [&](Path::Kind kind, const rdf::Term& operand) {
    return Path{kind, {}, {read_path_at(shapes, operand, depth + 1)}};
  };
  if (object_of(shapes, node, sh::rdf_first)) {
    Path seq{Path::Kind::Sequence, {}, {}};
    for (const auto& member : read_list(shapes, node)) seq.steps.push_back(read_path_at(shapes, member, depth + 1));
    if (seq.steps.size() < 2) throw bad_path(node, "a sequence path has at least two members");
    return seq;
  }
  if (auto o = object_of(shapes, node, sh::iri("inversePath"))) return unary(Path::Kind::Inverse, *o);
  if (auto o = object_of(shapes, node, sh::iri("zeroOrMorePath"))) return unary(Path::Kind::ZeroOrMore, *o);
  if (auto o = object_of(shapes, node, sh::iri("oneOrMorePath"))) return unary(Path::Kind::OneOrMore, *o);
  if (auto o = object_of(shapes, node, sh::iri("zeroOrOnePath"))) return unary(Path::Kind::ZeroOrOne, *o);
  if (auto o = object_of(shapes, node, sh::iri("alternativePath"))) {
    Path alt{Path::Kind::Alternative, {}, {}};
    for (const auto& member : read_list(shapes, *o)) alt.steps.push_back(read_path_at(shapes, member, depth + 1));
    if (alt.steps.size() < 2) throw bad_path(node, "an alternative path has at least two members");
    return alt;
  }
  throw bad_path(node, "not a SHACL property path");
}

// One step of the path from each node in `from`; `forward` false walks the path backwards.
std::set<rdf::Term> step(const rdf::Model& data, const std::set<rdf::Term>& from, const Path& path,
                         bool forward);

std::set<rdf::Term> closure(const rdf::Model& data, const std::set<rdf::Term>& from, const Path& inner,
                            bool forward, bool include_start) {
  std::set<rdf::Term> seen = include_start ? from : std::set<rdf::Term>{};
  std::deque<rdf::Term> queue(from.begin(), from.end());
  while (!queue.empty()) {
    rdf::Term node = queue.front();
    queue.pop_front();
    for (const auto& next : step(data, {node}, inner, forward))
      if (seen.insert(next).second) queue.push_back(next);
  }
  return seen;
}

std::set<rdf::Term> step(const rdf::Model& data, const std::set<rdf::Term>& from, const Path& path,
                         bool forward) {
  std::set<rdf::Term> out;
  switch (path.kind) {
    case Path::Kind::Predicate: {
      auto predicate = rdf::Term::iri(path.iri);
      for (const auto& node : from) {
        if (forward) {
          if (node.is_literal()) continue;
          data.match({node, predicate, std::nullopt}, [&](const rdf::Triple& t) {
            out.insert(t.o);
            return true;
          });
        } else {
          data.match({std::nullopt, predicate, node}, [&](const rdf::Triple& t) {
            out.insert(t.s);
            return true;
          });
        }
      }
      return out;
    }
    case Path::Kind::Inverse: return step(data, from, path.steps.front(), !forward);
    case Path::Kind::Sequence: {
      std::set<rdf::Term> current = from;
      if (forward) {
        for (const auto& s : path.steps) current = step(data, current, s, true);
      } else {
        for (auto it = path.steps.rbegin(); it != path.steps.rend(); ++it) current = step(data, current, *it, false);
      }
      return current;
    }
    case Path::Kind::Alternative:
      for (const auto& s : path.steps) out.merge(step(data, from, s, forward));
      return out;
    case Path::Kind::ZeroOrMore: return closure(data, from, path.steps.front(), forward, true);
    case Path::Kind::OneOrMore: return closure(data, from, path.steps.front(), forward, false);
    case Path::Kind::ZeroOrOne:
      out = step(data, from, path.steps.front(), forward);
      out.insert(from.begin(), from.end());
      return out;
  }
  return out;
}

}  // namespace

Path read_path(const rdf::Model& shapes, const rdf::Term& node) { return read_path_at(shapes, node, 0); }

std::set<rdf::Term> evaluate(const rdf::Model& data, const rdf::Term& focus, const Path& path) {
  return step(data, {focus}, path, true);
}

std::string to_string(const Path& path, const std::function<std::string(std::string_view)>& name) {
  auto join = [&](std::string_view sep) {
    std::string s = "(";
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
      if (i > 0) s += sep;
      s += to_string(path.steps[i], name);
    }
    return s + ")";
  };
  switch (path.kind) {
    case Path::Kind::Predicate: return name(path.iri);
    case Path::Kind::Inverse: return "^" + to_string(path.steps.front(), name);
    case Path::Kind::Sequence: return join("/");
    case Path::Kind::Alternative: return join("|");
    case Path::Kind::ZeroOrMore: return to_string(path.steps.front(), name) + "*";
    case Path::Kind::OneOrMore: return to_string(path.steps.front(), name) + "+";
    case Path::Kind::ZeroOrOne: return to_string(path.steps.front(), name) + "?";
  }
  return {};
}

}  // namespace policykg::validate
