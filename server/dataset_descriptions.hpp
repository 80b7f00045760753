// The dataset's descriptions as pages: VoID at /.well-known/void and DCAT at /dcat, as the server
// answers them and `policykg publish --site` writes them.
#pragma once

#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "server/context.hpp"

namespace policykg::server {

inline constexpr const char* kVoidPath = "/.well-known/void";
inline constexpr const char* kVoidTitle = "VoID description of the dataset";
inline constexpr const char* kDcatPath = "/dcat";
inline constexpr const char* kDcatTitle = "DCAT description of the dataset";

/// The HTML page of a description served at `path`: its title, a link to its Turtle
/// (`path?format=ttl`) and its triples as tables.
std::string description_page(const Context& ctx, const std::vector<rdf::Triple>& triples, const std::string& path,
                             const std::string& title);

}  // namespace policykg::server
