#include "validate/class_index.hpp"

#include <deque>

#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

ClassIndex::ClassIndex(const rdf::Model& data, const std::vector<const rdf::Model*>& schema) {
  std::map<std::string, std::set<std::string>> direct;
  auto collect = [&](const rdf::Model& m) {
    m.match({std::nullopt, rdf::Term::iri(sh::rdfs_sub_class_of), std::nullopt}, [&](const rdf::Triple& t) {
      if (!t.s.is_literal() && !t.o.is_literal()) direct[t.s.value].insert(t.o.value);
      return true;
    });
  };
  collect(data);
  for (const auto* m : schema) collect(*m);

  auto supers_of = [&](const std::string& cls) -> const std::set<std::string>& {
    auto [it, added] = super_.try_emplace(cls);
    if (!added) return it->second;
    std::set<std::string> seen = {cls};
    std::deque<std::string> queue = {cls};
    while (!queue.empty()) {
      auto c = queue.front();
      queue.pop_front();
      if (auto d = direct.find(c); d != direct.end())
        for (const auto& s : d->second)
          if (seen.insert(s).second) queue.push_back(s);
    }
    it->second = std::move(seen);
    return it->second;
  };

  data.match({std::nullopt, rdf::Term::iri(sh::rdf_type), std::nullopt}, [&](const rdf::Triple& t) {
    if (t.o.is_literal()) return true;
    for (const auto& cls : supers_of(t.o.value)) instances_[cls].insert(t.s);
    return true;
  });
}

const std::set<rdf::Term>& ClassIndex::instances(const std::string& cls) const {
  static const std::set<rdf::Term> none;
  auto it = instances_.find(cls);
  return it == instances_.end() ? none : it->second;
}

bool ClassIndex::is_instance(const rdf::Term& node, const std::string& cls) const {
  return !node.is_literal() && instances(cls).contains(node);
}

}  // namespace policykg::validate
