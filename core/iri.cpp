// IRI references resolved against a base (RFC 3986 section 5.2), for the SPARQL parser and its
// evaluator (IRI()), and any reader that meets a relative reference.
#include "core/iri.hpp"

#include <string>
#include <string_view>

namespace policykg {

namespace {

std::string remove_dot_segments(std::string path) {
  std::string out;
  while (!path.empty()) {
    if (path.rfind("../", 0) == 0) {
      path.erase(0, 3);
    } else if (path.rfind("./", 0) == 0) {
      path.erase(0, 2);
    } else if (path.rfind("/./", 0) == 0) {
      path.replace(0, 3, "/");
    } else if (path == "/.") {
      path = "/";
    } else if (path.rfind("/../", 0) == 0 || path == "/..") {
      path = path == "/.." ? "/" : path.substr(3);
      auto slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (path == "." || path == "..") {
      path.clear();
    } else {
      std::size_t start = path[0] == '/' ? 1 : 0;
      std::size_t next = path.find('/', start);
      out += path.substr(0, next);
      path.erase(0, next == std::string::npos ? path.size() : next);
    }
  }
  return out;
}

struct IriParts {
  std::string scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

// RFC 3986's scheme: a letter, then letters, digits, "+", "-" and ".".
bool is_scheme(std::string_view s) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (s.empty() || !alpha(s[0])) return false;
  for (char c : s.substr(1))
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  return true;
}

IriParts split_iri(std::string_view s) {
  IriParts p;
  auto colon = s.find(':');
  auto first_delim = s.find_first_of("/?#");
  // "]:x" has no scheme: it is a relative path, resolved like any other.
  if (colon != std::string_view::npos && (first_delim == std::string_view::npos || colon < first_delim) &&
      is_scheme(s.substr(0, colon))) {
    p.scheme = std::string(s.substr(0, colon));
    s.remove_prefix(colon + 1);
  }
  if (s.rfind("//", 0) == 0) {
    s.remove_prefix(2);
    auto end = s.find_first_of("/?#");
    p.authority = std::string(s.substr(0, end));
    p.has_authority = true;
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  auto hash = s.find('#');
  if (hash != std::string_view::npos) {
    p.fragment = std::string(s.substr(hash + 1));
    p.has_fragment = true;
    s = s.substr(0, hash);
  }
  auto q = s.find('?');
  if (q != std::string_view::npos) {
    p.query = std::string(s.substr(q + 1));
    p.has_query = true;
    s = s.substr(0, q);
  }
  p.path = std::string(s);
  return p;
}

}  // namespace

bool is_absolute_iri(std::string_view reference) {
  auto colon = reference.find(':');
  return colon != std::string_view::npos && is_scheme(reference.substr(0, colon));
}

std::string resolve_iri(std::string_view base, std::string_view reference) {
  if (base.empty()) return std::string(reference);
  IriParts r = split_iri(reference), b = split_iri(base), t;
  if (!r.scheme.empty()) {
    t = r;
    t.path = remove_dot_segments(r.path);
  } else {
    t.scheme = b.scheme;
    if (r.has_authority) {
      t.authority = r.authority;
      t.has_authority = true;
      t.path = remove_dot_segments(r.path);
      t.query = r.query;
      t.has_query = r.has_query;
    } else {
      t.authority = b.authority;
      t.has_authority = b.has_authority;
      if (r.path.empty()) {
        t.path = b.path;
        t.query = r.has_query ? r.query : b.query;
        t.has_query = r.has_query || b.has_query;
      } else {
        if (r.path[0] == '/') {
          t.path = remove_dot_segments(r.path);
        } else {
          std::string merged;
          if (b.has_authority && b.path.empty()) {
            merged = "/" + r.path;
          } else {
            auto slash = b.path.rfind('/');
            merged = (slash == std::string::npos ? "" : b.path.substr(0, slash + 1)) + r.path;
          }
          t.path = remove_dot_segments(merged);
        }
        t.query = r.query;
        t.has_query = r.has_query;
      }
    }
    t.fragment = r.fragment;
    t.has_fragment = r.has_fragment;
  }
  std::string out;
  if (!t.scheme.empty()) out += t.scheme + ":";
  if (t.has_authority) out += "//" + t.authority;
  out += t.path;
  if (t.has_query) out += "?" + t.query;
  if (t.has_fragment) out += "#" + t.fragment;
  return out;
}

}  // namespace policykg
