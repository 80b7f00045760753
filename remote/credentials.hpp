// Credentials for an endpoint: from the environment or a netrc file, never from the command line,
// and never written to a message or a log.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace policykg::remote {

struct Credentials {
  std::string user;
  std::string password;
};

/// The login and password a netrc text gives `host`: its `machine HOST` entry, else its `default`
/// entry, else none. Tokens are separated by white space; `macdef` bodies (up to an empty line) are
/// skipped; a token may be quoted with "..." (with \" and \\), as curl reads them.
std::optional<Credentials> parse_netrc(std::string_view text, std::string_view host);

/// The credentials for `host`: POLICYKG_ENDPOINT_USER and POLICYKG_ENDPOINT_PASSWORD when the user
/// is set, else the netrc file named by NETRC, else ~/.netrc (a missing file gives none). Throws
/// Error(Usage) when the password is set without the user, Error(Io) when a named NETRC file
/// cannot be read.
std::optional<Credentials> find_credentials(std::string_view host);

}  // namespace policykg::remote
