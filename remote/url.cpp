#include "remote/url.hpp"

#include <cctype>
#include <charconv>

#include "core/error.hpp"

namespace policykg::remote {

std::string Url::origin() const {
  const bool v6 = host.find(':') != std::string::npos;
  return scheme + "://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Url parse_url(std::string_view text, std::string_view option) {
  std::string where = std::string(option) + " " + std::string(text);
  auto fail = [&](const std::string& why) { return Error(Error::Category::Usage, where, why); };
  Url url;
  const auto colon = text.find("://");
  if (colon != std::string_view::npos) {
    // credentials in the URL are never repeated, not even in the error that refuses them
    const auto at = text.substr(0, text.find_first_of("/?#", colon + 3)).rfind('@');
    if (at != std::string_view::npos && at > colon)
      where = std::string(option) + " " + std::string(text.substr(0, colon + 3)) + "..." + std::string(text.substr(at));
  }
  if (colon == std::string_view::npos) throw fail("give an http:// or https:// URL");
  for (char c : text.substr(0, colon)) url.scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (url.scheme != "http" && url.scheme != "https") throw fail("give an http:// or https:// URL");
  std::string_view rest = text.substr(colon + 3);
  const auto slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos)
    throw fail("the URL holds credentials: give them in POLICYKG_ENDPOINT_USER and POLICYKG_ENDPOINT_PASSWORD or "
               "a netrc file, never on the command line");
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) throw fail("an IPv6 address without its closing ']'");
    url.host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') throw fail("a port must follow ':'");
      port = authority.substr(close + 2);
    }
  } else {
    const auto p = authority.find(':');
    url.host = std::string(authority.substr(0, p));
    if (p != std::string_view::npos) port = authority.substr(p + 1);
  }
  if (url.host.empty()) throw fail("the URL names no host");
  for (char c : url.host)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '%' || c == '\\') throw fail("the host holds a character a host may not");
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    int n = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
    if (ec != std::errc{} || end != port.data() + port.size() || n < 1 || n > 65535)
      throw fail("the port is not a number from 1 to 65535");
    url.port = n;
  }
  url.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (const auto hash = url.target.find('#'); hash != std::string::npos) url.target.erase(hash);
  if (url.target.empty() || url.target[0] != '/') url.target.insert(0, "/");
  for (char c : url.target)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) throw fail("the URL holds a space or a control character");
  return url;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Url with_parameter(Url url, std::string_view name, std::string_view value) {
  url.target += url.target.find('?') == std::string::npos ? '?' : '&';
  url.target += percent_encode(name) + "=" + percent_encode(value);
  return url;
}

}  // namespace policykg::remote
