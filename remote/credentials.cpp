#include "remote/credentials.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace policykg::remote {

namespace {

// netrc's tokens, with the body of each macdef dropped.
std::vector<std::string> netrc_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  auto space = [&](std::size_t at) { return std::isspace(static_cast<unsigned char>(text[at])) != 0; };
  while (i < text.size()) {
    if (space(i)) {
      ++i;
      continue;
    }
    if (text[i] == '#') {  // a comment to the end of the line
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    std::string token;
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        token += text[i];
      }
      ++i;
    } else {
      while (i < text.size() && !space(i)) token += text[i++];
    }
    if (token == "macdef") {  // the macro's name, then its body up to an empty line
      while (i < text.size() && text[i] != '\n') ++i;
      const auto end = text.find("\n\n", i);
      i = end == std::string_view::npos ? text.size() : end + 2;
      continue;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace

std::optional<Credentials> parse_netrc(std::string_view text, std::string_view host) {
  const auto tokens = netrc_tokens(text);
  std::optional<Credentials> machine, fallback;
  std::optional<Credentials>* entry = nullptr;  // the entry being read, or null for one of no interest
  Credentials scratch;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "machine" && i + 1 < tokens.size()) {
      entry = (!machine && tokens[++i] == host) ? &machine : nullptr;
      if (entry) machine.emplace();
    } else if (t == "default") {
      entry = !fallback ? &fallback : nullptr;
      if (entry) fallback.emplace();
    } else if ((t == "login" || t == "password" || t == "account") && i + 1 < tokens.size()) {
      const std::string& value = tokens[++i];
      Credentials& c = entry ? **entry : scratch;
      if (t == "login") c.user = value;
      else if (t == "password") c.password = value;
    }
  }
  if (machine) return machine;
  return fallback;
}

std::optional<Credentials> find_credentials(std::string_view host) {
  const char* user = std::getenv("POLICYKG_ENDPOINT_USER");
  const char* password = std::getenv("POLICYKG_ENDPOINT_PASSWORD");
  if (user && *user) return Credentials{user, password ? password : ""};
  if (password && *password)
    throw Error(Error::Category::Usage, "POLICYKG_ENDPOINT_PASSWORD", "is set without POLICYKG_ENDPOINT_USER");
  std::filesystem::path file;
  const char* named = std::getenv("NETRC");
  if (named && *named) {
    file = named;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return std::nullopt;
    file = std::filesystem::path(home) / ".netrc";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Error::Category::Io, file.string(), "cannot read the netrc file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_netrc(ss.str(), host);
}

}  // namespace policykg::remote
