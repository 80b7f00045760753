// Readable labels from the ontology, for predicates and concepts the data does not label.
#include <mutex>

#include "export/export.hpp"
#include "ontology/files.hpp"
#include "ontology/terms.hpp"
#include "rdf/model.hpp"

namespace policykg::exports {

const std::map<std::string, std::string, std::less<>>& ontology_labels() {
  static std::map<std::string, std::string, std::less<>> labels;
  static std::once_flag once;
  std::call_once(once, [] {
    rdf::Model model;
    model.load_file(ontology::ontology_file());
    rdf::Pattern pattern;
    pattern.p = rdf::Term::iri(std::string(std_terms::rdfs_label));
    // English labels win over others; among equals the first in sorted order.
    std::map<std::string, std::pair<int, std::string>> best;
    for (const auto& t : model.find(pattern)) {
      if (!t.o.is_literal() || !t.s.is_iri()) continue;
      int rank = t.o.lang == "en" ? 0 : t.o.lang.empty() ? 1 : 2;
      auto [it, inserted] = best.try_emplace(t.s.value, rank, t.o.value);
      if (!inserted && std::make_pair(rank, t.o.value) < it->second) it->second = {rank, t.o.value};
    }
    for (auto& [iri, label] : best) labels.emplace(iri, std::move(label.second));
  });
  return labels;
}

}  // namespace policykg::exports
