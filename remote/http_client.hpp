// HTTP for the remote commands: one server, timeouts on connecting and reading, retries by a
// RetryPolicy, credentials by digest or basic authentication as the server asks, and every
// failure one Error naming the method, the URL and what went wrong. Credentials never appear in
// an error.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "remote/credentials.hpp"
#include "remote/retry_policy.hpp"
#include "remote/url.hpp"

namespace httplib {
class Client;
}

namespace policykg::remote {

struct HttpOptions {
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds read_timeout{120};  ///< the longest wait for each part of an answer
  RetryPolicy retry;
  std::optional<Credentials> credentials;  ///< used only when the server asks (401)
};

struct HttpRequest {
  std::string method = "GET";
  Url url;
  std::multimap<std::string, std::string> headers;
  std::string body;
  std::string content_type;  ///< of the body, when there is one
  std::string what;          ///< what the request is for, added to errors ("graph <IRI>")
};

struct HttpResponse {
  int status = 0;
  std::string content_type;  ///< media type, lower case, without parameters
  std::string body;
  std::multimap<std::string, std::string> headers;  ///< names lower case

  std::string header(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  /// Sends the request, retrying failures to connect or send and retryable statuses (not a read
  /// that timed out, which would wait as long again). Returns a 2xx
  /// answer; throws Error(Io) at "METHOD URL" for anything else, with the status, its reason and
  /// the start of the server's message, or the connection's failure.
  HttpResponse send(const HttpRequest& request);

  const HttpOptions& options() const { return options_; }

 private:
  HttpOptions options_;
  std::string origin_;
  std::unique_ptr<httplib::Client> client_;
  bool basic_ = false;  ///< the server asked for basic authentication

  httplib::Client& client_for(const Url& url);
};

/// The start of an error body, for a message: text only, white space collapsed, at most `limit`
/// bytes (cut at a character boundary), "" for a body that is not text.
std::string message_excerpt(std::string_view content_type, std::string_view body, std::size_t limit = 300);

}  // namespace policykg::remote
