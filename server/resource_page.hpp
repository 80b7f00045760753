// The HTML page of one instance resource: labels, types, its text and place in the source
// document (for units), the structure above it, outgoing and incoming links.
#pragma once

#include <string>

#include "server/context.hpp"

namespace policykg::server {

/// The page of `{base}local_name`; the caller has checked that the graph mentions it.
std::string resource_page(Context& ctx, const std::string& local_name);

}  // namespace policykg::server
