// The URL of a SPARQL endpoint or Graph Store: scheme, host, port and target, checked once.
#pragma once

#include <string>
#include <string_view>

namespace policykg::remote {

struct Url {
  std::string scheme;  ///< "http" or "https"
  std::string host;    ///< a name, an IPv4 address, or an IPv6 address without its brackets
  int port = 0;        ///< given, or the scheme's (80, 443)
  std::string target;  ///< path and query, "/" when the URL has none

  /// "scheme://host:port", what the HTTP client connects to.
  std::string origin() const;
  /// The whole URL, as written in messages.
  std::string to_string() const { return origin() + target; }
};

/// Parses an http: or https: URL. Throws Error(Usage) naming `option` for anything else, and for a
/// URL holding credentials (user:password@): those come from the environment or a netrc file.
Url parse_url(std::string_view text, std::string_view option = "--endpoint");

/// `url` with `name=value` added to its query string, the value percent-encoded.
Url with_parameter(Url url, std::string_view name, std::string_view value);

/// Percent-encodes everything but RFC 3986's unreserved characters.
std::string percent_encode(std::string_view text);

}  // namespace policykg::remote
