// The ontology's files at run time, under paths::ontology_dir().
#pragma once

#include <filesystem>

namespace policykg::ontology {

/// ontology/policykg.ttl: the OWL ontology (classes, properties, alignments, concept schemes).
std::filesystem::path ontology_file();
/// ontology/shapes.ttl: the SHACL shapes `policykg validate` checks graphs against.
std::filesystem::path shapes_file();
/// ontology/context.jsonld: the JSON-LD context JSON-LD output is compacted with.
std::filesystem::path context_file();

}  // namespace policykg::ontology
