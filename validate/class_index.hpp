// rdf:type with rdfs:subClassOf: which nodes are instances of which classes.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::validate {

/// Instances of classes in a data graph, closed under rdfs:subClassOf taken from the data graph
/// and from the extra graphs (the shapes graph and the ontology it carries).
class ClassIndex {
 public:
  ClassIndex(const rdf::Model& data, const std::vector<const rdf::Model*>& schema);

  /// Every node whose rdf:type is `cls` or one of its subclasses, ordered.
  const std::set<rdf::Term>& instances(const std::string& cls) const;
  /// Whether `node` is an instance of `cls` (SHACL-instance).
  bool is_instance(const rdf::Term& node, const std::string& cls) const;

 private:
  std::map<std::string, std::set<std::string>> super_;  ///< class -> itself and its superclasses
  std::map<std::string, std::set<rdf::Term>> instances_;
};

}  // namespace policykg::validate
