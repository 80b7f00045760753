#include "validate/report_writer.hpp"

#include <map>
#include <set>

#include "ontology/terms.hpp"
#include "validate/prefixed_name.hpp"
#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

namespace {

std::string term_key(const rdf::Term& t) {
  if (t.is_iri()) return t.value;
  if (t.is_blank()) return "_:" + t.value;
  return t.to_ntriples();
}

std::string summary(const Report& report) {
  if (report.conforms)
    return "conforms: " + std::to_string(report.focus_nodes) + " focus nodes checked against " +
           std::to_string(report.shapes) + " shapes";
  std::size_t counts[3] = {0, 0, 0};
  std::set<rdf::Term> focus;
  for (const auto& v : report.violations) {
    ++counts[static_cast<int>(v.severity)];
    focus.insert(v.focus);
  }
  return "does not conform: " + std::to_string(report.violations.size()) + " results (" +
         std::to_string(counts[0]) + " violations, " + std::to_string(counts[1]) + " warnings, " +
         std::to_string(counts[2]) + " infos) on " + std::to_string(focus.size()) + " focus nodes";
}

}  // namespace

std::string path_key(const Path& path) {
  if (path.kind == Path::Kind::Predicate) return path.iri;
  if (path.kind == Path::Kind::Inverse && path.steps.front().kind == Path::Kind::Predicate)
    return "^" + path.steps.front().iri;
  return to_string(path, [](std::string_view iri) { return "<" + std::string(iri) + ">"; });
}

std::string to_text(const Report& report, std::string_view base) {
  std::string out;
  for (const auto& v : report.violations) {
    out += prefixed_name(v.focus, base);
    out += "  ";
    out += v.path ? to_string(*v.path, [&](std::string_view iri) { return prefixed_name(iri, base); }) : "-";
    out += "  ";
    if (v.severity != Severity::Violation) out += std::string(severity_name(v.severity)) + ": ";
    out += v.message;
    if (v.value) out += "  [value " + prefixed_name(*v.value, base) + "]";
    out += "  (" + prefixed_name(v.constraint) + ")\n";
  }
  out += summary(report) + "\n";
  return out;
}

nlohmann::ordered_json to_json(const Report& report) {
  nlohmann::ordered_json j;
  j["conforms"] = report.conforms;
  j["results"] = report.violations.size();
  j["shapes"] = report.shapes;
  j["focusNodes"] = report.focus_nodes;
  j["violations"] = nlohmann::ordered_json::array();
  for (const auto& v : report.violations) {
    nlohmann::ordered_json r;
    r["focus"] = term_key(v.focus);
    r["path"] = v.path ? nlohmann::ordered_json(path_key(*v.path)) : nlohmann::ordered_json(nullptr);
    r["constraint"] = v.constraint;
    r["message"] = v.message;
    r["value"] = v.value ? nlohmann::ordered_json(v.value->to_ntriples()) : nlohmann::ordered_json(nullptr);
    r["severity"] = severity_name(v.severity);
    r["shape"] = term_key(v.shape);
    j["violations"].push_back(std::move(r));
  }
  return j;
}

std::vector<rdf::Triple> to_triples(const Report& report) {
  using rdf::Term;
  std::vector<rdf::Triple> out;
  auto sh_iri = [](std::string_view local) { return Term::iri(sh::iri(local)); };
  const Term type = Term::iri(sh::rdf_type);
  std::size_t blank = 0;
  auto fresh = [&](std::string_view stem) { return Term::blank(std::string(stem) + std::to_string(++blank)); };

  // Writes a path as SHACL does and returns its node.
  auto write_path = [&](auto&& self, const Path& p) -> Term {
    switch (p.kind) {
      case Path::Kind::Predicate: return Term::iri(p.iri);
      case Path::Kind::Inverse:
      case Path::Kind::ZeroOrMore:
      case Path::Kind::OneOrMore:
      case Path::Kind::ZeroOrOne: {
        static const std::map<Path::Kind, std::string_view> names = {
            {Path::Kind::Inverse, "inversePath"}, {Path::Kind::ZeroOrMore, "zeroOrMorePath"},
            {Path::Kind::OneOrMore, "oneOrMorePath"}, {Path::Kind::ZeroOrOne, "zeroOrOnePath"}};
        Term node = fresh("path");
        Term inner = self(self, p.steps.front());
        out.push_back({node, sh_iri(names.at(p.kind)), inner});
        return node;
      }
      case Path::Kind::Sequence:
      case Path::Kind::Alternative: {
        std::vector<Term> members;
        for (const auto& s : p.steps) members.push_back(self(self, s));
        Term head = Term::iri(sh::rdf_nil);
        for (auto it = members.rbegin(); it != members.rend(); ++it) {
          Term cell = fresh("list");
          out.push_back({cell, Term::iri(sh::rdf_first), *it});
          out.push_back({cell, Term::iri(sh::rdf_rest), head});
          head = cell;
        }
        if (p.kind == Path::Kind::Sequence) return head;
        Term node = fresh("path");
        out.push_back({node, sh_iri("alternativePath"), head});
        return node;
      }
    }
    return Term::iri(sh::rdf_nil);
  };

  const Term report_node = Term::blank("report");
  out.push_back({report_node, type, sh_iri("ValidationReport")});
  out.push_back({report_node, sh_iri("conforms"), Term::xsd(report.conforms ? "true" : "false", "boolean")});
  std::size_t n = 0;
  for (const auto& v : report.violations) {
    Term r = Term::blank("result" + std::to_string(++n));
    out.push_back({report_node, sh_iri("result"), r});
    out.push_back({r, type, sh_iri("ValidationResult")});
    out.push_back({r, sh_iri("focusNode"), v.focus});
    if (v.path) out.push_back({r, sh_iri("resultPath"), write_path(write_path, *v.path)});
    if (v.value) out.push_back({r, sh_iri("value"), *v.value});
    out.push_back({r, sh_iri("resultSeverity"), sh_iri(severity_name(v.severity))});
    out.push_back({r, sh_iri("sourceConstraintComponent"), Term::iri(v.constraint)});
    if (v.shape.is_iri()) out.push_back({r, sh_iri("sourceShape"), v.shape});
    out.push_back({r, sh_iri("resultMessage"), Term::literal(v.message)});
  }
  return out;
}

}  // namespace policykg::validate
