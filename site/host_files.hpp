// The files that tell a static host how to serve the site as `policykg serve` would: Apache's
// .htaccess (w3id style), an nginx snippet, and the README for publishers.
#pragma once

#include <string>

namespace policykg::site {

struct HostFiles {
  std::string htaccess;
  std::string nginx;
  std::string readme;
};

/// The URL path the site is published at: "/policykg/" for "https://w3id.org/policykg", "/" for
/// "http://localhost:8000".
std::string site_path(const std::string& site_url);

/// The host files of a site published at `site_url` (no trailing slash) for the instance base `base`.
HostFiles host_files(const std::string& site_url, const std::string& base);

}  // namespace policykg::site
