// Where everything the server publishes lands in a static site: instance `{base}X` as files
// id/X.html, id/X.ttl, id/X.nt, id/X.jsonld and id/X.rdf (X's characters that are unsafe in a file
// name percent-encoded, reversibly), the ontology, VoID, DCAT, the dumps and the pages at fixed
// names; and how a link the server writes (/page/X, /id/X, /ontology#T, /dump.ttl, ...) points
// at one of those files from another. See site/README.md.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::site {

/// The extensions of a resource's documents, in the order the site writes them.
inline constexpr std::string_view kResourceExtensions[] = {"html", "ttl", "nt", "jsonld", "rdf"};

/// One segment of a local name as a file or folder name: RFC 3986's unreserved characters,
/// "!()+,;=@" and non-ASCII bytes stay, every other byte (the percent sign included) becomes %XX,
/// and so do a leading dot (no hidden files) and, in a folder name, the dot before a trailing
/// document extension (the folder of "a.html/b" is never the page of "a").
std::string encode_segment(std::string_view segment, bool folder);
/// The segment back: %XX decoded.
std::string decode_segment(std::string_view name);

/// The file, relative to the site's root, of the document of instance `{base}local_name` with
/// extension `ext` ("html", "ttl", ...): "id/" + the encoded segments + "." + ext. Throws
/// Error(Input) naming `iri` when a segment is empty, "." or "..", or too long for a file name.
std::string resource_file(std::string_view local_name, std::string_view ext, std::string_view iri);
/// The local name and extension of a resource file (the inverse of resource_file); nullopt for
/// any other path.
std::optional<std::pair<std::string, std::string>> resource_of_file(std::string_view file);

/// An href from the page at `from` to the file `to` (both relative to the site's root):
/// "../" for each folder of `from`, then `to` with "%" and non-ASCII bytes percent-encoded.
std::string relative_href(std::string_view from, std::string_view to);

/// The site's files for the server's paths.
class SiteMap {
 public:
  /// `base`: the instance base; `site_url`: where the site is published ("https://w3id.org/policykg",
  /// no trailing slash); `resources`: the local names that have pages.
  SiteMap(std::string base, std::string site_url, std::set<std::string> resources)
      : base_(std::move(base)), site_url_(std::move(site_url)), resources_(std::move(resources)) {}

  const std::string& base() const { return base_; }
  const std::string& site_url() const { return site_url_; }
  const std::set<std::string>& resources() const { return resources_; }

  /// The file for a server path and query string (both as the server writes them in its pages):
  /// "/" index.html, "/page/X" and "/id/X" id/X.html, "/data/X.ttl" id/X.ttl, "/ontology"
  /// ontology.html, "/.well-known/void?format=ttl" .well-known/void.ttl, "/dump.nt" dump.nt, ...;
  /// nullopt when the site has no such file (a page that needs the server, an unknown resource).
  std::optional<std::string> file_of(std::string_view path, std::string_view query) const;

 private:
  std::string base_;
  std::string site_url_;
  std::set<std::string> resources_;
};

}  // namespace policykg::site
