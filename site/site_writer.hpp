// policykg publish --site DIR: what `policykg serve` serves, written as files for a static host.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "rdf/model.hpp"
#include "server/server.hpp"

namespace policykg::site {

/// The file that marks a folder as a site publish wrote (and may replace).
inline constexpr const char* kMarkerFile = ".policykg-site";

struct SiteOptions {
  std::filesystem::path dir;  ///< the site's folder: written whole, or left as it was
  /// Where the site is published, without a trailing slash; empty: the instance base without its
  /// last segment ("https://w3id.org/policykg/id/" gives "https://w3id.org/policykg").
  std::string site_url;
  std::string endpoint;  ///< the SPARQL endpoint VoID and DCAT name; empty: none (a static host has none)
  bool force = false;    ///< replace a non-empty folder that holds no site
  std::size_t threads = 1;
  /// The files the command reads: none may be inside `dir`.
  std::vector<std::filesystem::path> inputs;
  /// The server's options the pages use: base, web_dir, ontology_file, documents_dir.
  server::Options server;
};

struct SiteSummary {
  std::filesystem::path dir;
  std::size_t resources = 0;
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
};

/// The site's URL for an instance base: the base without its last segment and slash; throws
/// Error(Usage) when the base does not end with a segment and a slash ("…/id/").
std::string default_site_url(const std::string& base);

/// Checks, before any work, that `options.dir` may take the site: a new name in an existing
/// folder, an empty folder, or a folder publish wrote before (or any folder with `force`); never a
/// file, the file system's root, nor a folder holding one of `options.inputs`. Throws Error naming
/// the folder and the problem.
void check_site_folder(const SiteOptions& options);

/// Writes the site into a temporary folder beside `options.dir`, then puts it in place with one
/// rename (an exchange when the folder exists, whose old content is then removed): the folder is
/// the whole new site or what it was before. The same graph and options give the same files, byte
/// for byte, whatever the thread count. Throws Error.
SiteSummary write_site(const rdf::Model& model, const SiteOptions& options);

}  // namespace policykg::site
