#include "ontology/files.hpp"

#include "ontology/paths.hpp"

namespace policykg::ontology {

std::filesystem::path ontology_file() { return paths::ontology_dir() / "policykg.ttl"; }
std::filesystem::path shapes_file() { return paths::ontology_dir() / "shapes.ttl"; }
std::filesystem::path context_file() { return paths::ontology_dir() / "context.jsonld"; }

}  // namespace policykg::ontology
