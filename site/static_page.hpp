// A page the server wrote, made into a page of the static site: its links to the server's paths
// point at the site's files, relative to the page, and what needs a running server is left out.
#pragma once

#include <string>
#include <string_view>

#include "site/site_map.hpp"

namespace policykg::site {

/// `html` as the page at `file` (relative to the site's root): every href and src whose value is
/// root-relative ("/page/X", "/ontology#T") or absolute under the site's URL points at the file
/// `map` gives for it, relative to `file`, its fragment kept; a link to an instance IRI the site
/// has no page for becomes the IRI itself. Elements marked `data-needs-server` (the query page,
/// search, the graph around a resource) are dropped with their content: such an element must not
/// hold another of its own tag. Scripts and styles are copied as they are. Throws Error(Internal)
/// for any other link the site has no file for.
std::string static_page(std::string_view html, std::string_view file, const SiteMap& map);

}  // namespace policykg::site
