// The VoID description of the dataset, served at /.well-known/void (RFC 5785, VoID §7).
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/context.hpp"

namespace policykg::server {

/// Counts, partitions by class and property, the endpoint, the dumps and the URI space; the
/// description and the dumps at `origin` (/.well-known/void, /dump.*), the SPARQL endpoint at
/// `endpoint` (none when empty: a static site).
std::vector<rdf::Triple> void_description(const Context& ctx, const std::string& origin, const std::string& endpoint);

}  // namespace policykg::server
