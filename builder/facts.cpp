// Facts: the name tables and the document lookup.
#include "builder/facts.hpp"

namespace policykg::builder {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Lead: return "LeadRole";
    case Role::Implement: return "ImplementRole";
    case Role::Coordinate: return "CoordinateRole";
    case Role::Supervise: return "SuperviseRole";
    case Role::Approve: return "ApproveRole";
    case Role::Addressee: return "AddresseeRole";
  }
  return "ImplementRole";
}

Ref Names::ref(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  const auto r = static_cast<Ref>(names_.size());
  index_.emplace(names_.emplace_back(s), r);
  return r;
}

DocumentFacts& Facts::document(const std::string& id) {
  auto [it, fresh] = documents.try_emplace(id);
  if (fresh) it->second.id = id;
  return it->second;
}

}  // namespace policykg::builder
