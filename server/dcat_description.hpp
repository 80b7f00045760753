// The DCAT description of the dataset (a catalogue entry: the dataset, its dumps as
// distributions, the SPARQL endpoint as a data service), served at /dcat.
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/context.hpp"

namespace policykg::server {

std::vector<rdf::Triple> dcat_description(const Context& ctx, const std::string& origin);

}  // namespace policykg::server
