#include "validate/rdf_list.hpp"

#include <set>

#include "core/error.hpp"
#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

std::vector<rdf::Term> read_list(const rdf::Model& model, const rdf::Term& head) {
  std::vector<rdf::Term> members;
  std::set<rdf::Term> visited;
  rdf::Term node = head;
  auto fail = [&](const std::string& why) {
    return Error(Error::Category::Input, "shapes: list " + head.to_ntriples(), why);
  };
  while (!(node.is_iri() && node.value == sh::rdf_nil)) {
    if (!visited.insert(node).second) throw fail("the list is cyclic");
    auto first = model.find({node, rdf::Term::iri(sh::rdf_first), std::nullopt});
    auto rest = model.find({node, rdf::Term::iri(sh::rdf_rest), std::nullopt});
    if (first.size() != 1 || rest.size() != 1) throw fail("not a well-formed RDF list");
    members.push_back(first.front().o);
    node = rest.front().o;
  }
  return members;
}

}  // namespace policykg::validate
