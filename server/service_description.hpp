// The SPARQL 1.1 Service Description of /sparql, served there when no query is given.
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/context.hpp"

namespace policykg::server {

/// `origin` is "http://host:port" as the client addressed the server.
std::vector<rdf::Triple> service_description(const Context& ctx, const std::string& origin);

}  // namespace policykg::server
