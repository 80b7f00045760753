// Any set of triples as HTML: one table per subject, for descriptions that have no page of their
// own (VoID, DCAT, the service description).
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/html_writer.hpp"

namespace policykg::server {

std::string triples_table(const std::vector<rdf::Triple>& triples, const Linker& linker);

}  // namespace policykg::server
