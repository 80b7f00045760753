// The ontology's human-readable documentation, generated from ontology/policykg.ttl: metadata,
// then every pol: class, property and concept scheme with an anchor named after its local name,
// so that the hash IRI pol:X lands on its entry at /ontology#X.
#pragma once

#include <string>

#include "server/graph_snapshot.hpp"
#include "server/html_writer.hpp"

namespace policykg::server {

std::string ontology_documentation(const GraphSnapshot& ontology, const Linker& linker);

}  // namespace policykg::server
