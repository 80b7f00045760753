// The DCAT description of the dataset (a catalogue entry: the dataset, its dumps as
// distributions, the SPARQL endpoint as a data service), served at /dcat.
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/context.hpp"

namespace policykg::server {

/// The landing page and the dumps at `origin`, the SPARQL endpoint as a data service at `endpoint`
/// (none when empty: a static site).
std::vector<rdf::Triple> dcat_description(const Context& ctx, const std::string& origin, const std::string& endpoint);

}  // namespace policykg::server
