#include "tests/ontology/ontology_graph.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ontology/files.hpp"
#include "ontology/terms.hpp"

namespace policykg::test {

namespace {
const std::string kType = std::string(ns::kRdf) + "type";
}

const rdf::Model& ontology() {
  static const rdf::Model model = [] {
    rdf::Model m;
    m.load_file(ontology::ontology_file());
    return m;
  }();
  return model;
}

const rdf::Model& shapes() {
  static const rdf::Model model = [] {
    rdf::Model m;
    m.load_file(ontology::shapes_file());
    return m;
  }();
  return model;
}

std::vector<rdf::Term> objects(const rdf::Model& m, const rdf::Term& s, std::string_view p) {
  std::vector<rdf::Term> out;
  for (const auto& t : m.find({s, rdf::Term::iri(std::string(p)), std::nullopt})) out.push_back(t.o);
  return out;
}

std::vector<rdf::Term> objects(const rdf::Model& m, std::string_view s, std::string_view p) {
  return objects(m, rdf::Term::iri(std::string(s)), p);
}

bool has(const rdf::Model& m, std::string_view s, std::string_view p, std::string_view o) {
  return m.contains({rdf::Term::iri(std::string(s)), rdf::Term::iri(std::string(p)), rdf::Term::iri(std::string(o))});
}

std::vector<rdf::Term> list(const rdf::Model& m, const rdf::Term& head) {
  std::vector<rdf::Term> out;
  rdf::Term node = head;
  for (int guard = 0; !(node.is_iri() && node.value == std::string(ns::kRdf) + "nil"); ++guard) {
    auto first = objects(m, node, std::string(ns::kRdf) + "first");
    auto rest = objects(m, node, std::string(ns::kRdf) + "rest");
    if (first.size() != 1 || rest.size() != 1 || guard > 1000) throw std::runtime_error("malformed list");
    out.push_back(first.front());
    node = rest.front();
  }
  return out;
}

std::set<std::string> defined_pol_terms() {
  std::set<std::string> out;
  for (auto type : {std::string(ns::kOwl) + "Class", std::string(ns::kOwl) + "ObjectProperty",
                    std::string(ns::kOwl) + "DatatypeProperty", std::string(ns::kSkos) + "ConceptScheme",
                    std::string(ns::kSkos) + "Concept"})
    for (const auto& t : ontology().find({std::nullopt, rdf::Term::iri(kType), rdf::Term::iri(type)}))
      if (t.s.is_iri() && t.s.value.starts_with(ns::kPol)) out.insert(t.s.value);
  return out;
}

std::set<std::string> pol_properties(bool object_properties, bool datatype_properties) {
  std::set<std::string> out;
  auto add = [&](const std::string& type) {
    for (const auto& t : ontology().find({std::nullopt, rdf::Term::iri(kType), rdf::Term::iri(type)}))
      if (t.s.is_iri() && t.s.value.starts_with(ns::kPol)) out.insert(t.s.value);
  };
  if (object_properties) add(std::string(ns::kOwl) + "ObjectProperty");
  if (datatype_properties) add(std::string(ns::kOwl) + "DatatypeProperty");
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace policykg::test
