// The pictures of the plan over the served graph (export/plan_pictures.hpp), as /pictures serves
// them and `policykg publish --site` writes them.
#pragma once

#include <string>

#include "server/context.hpp"

namespace policykg::server {

/// The self-contained page; a click on a measure leads to `page_prefix` + its local name +
/// `page_suffix` ("/page/" and "" on the server).
std::string pictures_page(const Context& ctx, const std::string& page_prefix, const std::string& page_suffix = {});

}  // namespace policykg::server
