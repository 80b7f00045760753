// An HTTP request as the route handlers read it, and the response they fill in. The connections
// (connection.cpp) parse the request and write the response; handlers never see the socket.
#pragma once

#include <cstddef>
#include <map>
#include <regex>
#include <string>
#include <string_view>

namespace policykg::server {

/// Orders header names without regard to case (HTTP field names are case-insensitive).
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
using Params = std::multimap<std::string, std::string>;

struct Request {
  std::string method;       ///< as sent: GET, HEAD, POST, ...
  std::string target;       ///< the request target as sent (path and query, percent-encoded)
  std::string path;         ///< the target's path, percent-decoded
  Params params;            ///< the query string's parameters, and a form body's fields, decoded
  Headers headers;
  std::string body;
  std::string remote_addr;  ///< the client's address (numeric)
  std::string local_addr;   ///< the address the connection came to (numeric)
  int local_port = 0;
  std::smatch matches;      ///< the route's pattern matched against `path`

  bool has_header(std::string_view name) const { return headers.find(name) != headers.end(); }
  /// The first value of the header, or "".
  std::string get_header_value(std::string_view name) const;
  /// Replaces every value of the header by `value`.
  void set_header(const std::string& name, std::string value);
  bool has_param(const std::string& name) const { return params.find(name) != params.end(); }
  /// The first value of the parameter, or "".
  std::string get_param_value(const std::string& name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  bool compressible = true;     ///< may go gzip-compressed to a client that accepts it
  bool close = false;           ///< the last response on its connection (Connection: close)
  bool release_memory = false;  ///< after it is sent, give the heap's free memory back (release_free_memory)

  bool has_header(std::string_view name) const { return headers.find(name) != headers.end(); }
  std::string get_header_value(std::string_view name) const;
  /// Adds a header; a value holding CR or LF (which would start another header) is dropped.
  void set_header(const std::string& name, std::string value);
  /// The body and its Content-Type.
  void set_content(std::string content, const std::string& content_type);
  /// `Location: url` and a 3xx status (302 when `status` is not one).
  void set_redirect(const std::string& url, int status = 302);
};

/// `%XX` decoded (and `+` as a space when `plus_as_space`, as in a query string or a form).
std::string decode_url(std::string_view text, bool plus_as_space);
/// Adds the decoded `name=value` pairs of a query string or form body to `params`.
void parse_query(std::string_view text, Params& params);
/// The standard phrase of a status code ("Not Found"), or "Error".
const char* reason_phrase(int status);

}  // namespace policykg::server
