#include "remote/http_client.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "core/error.hpp"
#include "core/text.hpp"

namespace policykg::remote {

namespace {

std::string media_type(std::string_view header) {
  std::string_view t = header.substr(0, header.find(';'));
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  return ascii_lower(t);
}

std::string connection_failure(httplib::Error e, const HttpOptions& o) {
  switch (e) {
    case httplib::Error::Connection:
      return "cannot connect (is the server running, and is the URL right?)";
    case httplib::Error::ConnectionTimeout:
      return "no connection within " + std::to_string(o.connect_timeout.count()) + " s";
    case httplib::Error::Read:
      return "no complete answer within " + std::to_string(o.read_timeout.count()) +
             " s, or the server closed the connection";
    case httplib::Error::Write: return "the connection broke while sending the request";
    case httplib::Error::SSLConnection: return "the TLS connection failed";
    case httplib::Error::SSLServerVerification: return "the server's TLS certificate could not be verified";
    case httplib::Error::SSLLoadingCerts: return "the system's TLS certificates could not be loaded";
    case httplib::Error::ExceedRedirectCount: return "too many redirects";
    default: return "the request failed (" + httplib::to_string(e) + ")";
  }
}

std::string reason(int status, const std::string& given) {
  if (!given.empty()) return given;
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return {};
  }
}

bool asks_basic(const httplib::Response& res) {
  for (auto [it, end] = res.headers.equal_range("WWW-Authenticate"); it != end; ++it)
    if (ascii_lower(it->second).starts_with("basic")) return true;
  return false;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  auto it = headers.find(ascii_lower(name));
  return it == headers.end() ? std::string() : it->second;
}

std::string message_excerpt(std::string_view content_type, std::string_view body, std::size_t limit) {
  const std::string type = media_type(content_type);
  const bool text = type.empty() || type.starts_with("text/") || type.find("json") != std::string::npos ||
                    type.find("xml") != std::string::npos;
  if (!text) return {};
  std::string out;
  bool in_tag = false, space = false;
  for (char c : body) {
    const auto u = static_cast<unsigned char>(c);
    if (type == "text/html" && c == '<') in_tag = true;
    if (in_tag) {
      if (c == '>') in_tag = false, space = true;
      continue;
    }
    if (u < 0x20 || c == 0x7f || std::isspace(u)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
    if (out.size() > limit) break;
  }
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // a character's start
    out.resize(cut);
    out += "...";
  }
  return out;
}

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

httplib::Client& HttpClient::client_for(const Url& url) {
  const std::string origin = url.origin();
  if (client_ && origin == origin_) return *client_;
  client_ = std::make_unique<httplib::Client>(origin);
  origin_ = origin;
  client_->set_connection_timeout(options_.connect_timeout.count(), 0);
  client_->set_read_timeout(options_.read_timeout.count(), 0);
  client_->set_write_timeout(options_.read_timeout.count(), 0);
  client_->set_keep_alive(true);
  client_->set_tcp_nodelay(true);  // a request goes as headers, then body: no wait for the first ACK
  if (options_.credentials && !options_.credentials->password.empty())
    client_->set_digest_auth(options_.credentials->user, options_.credentials->password);
  if (basic_ && options_.credentials) client_->set_basic_auth(options_.credentials->user, options_.credentials->password);
  return *client_;
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  const std::string where = request.method + " " + request.url.to_string();
  auto fail = [&](const std::string& why) {
    return Error(Error::Category::Io, where, (request.what.empty() ? "" : request.what + ": ") + why);
  };
  httplib::Request req;
  req.method = request.method;
  req.path = request.url.target;
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  if (!request.content_type.empty() || !request.body.empty()) {
    req.body = request.body;
    req.headers.emplace("Content-Type", request.content_type);
  }
  const RetryPolicy& retry = options_.retry;
  for (int attempt = 0;; ++attempt) {
    const bool last = attempt + 1 >= std::max(retry.attempts, 1);
    httplib::Result result = client_for(request.url).send(req);
    if (!result) {
      const httplib::Error error = result.error();
      client_.reset();  // a fresh connection next time
      // An answer that took longer than the read timeout would take as long again: not retried.
      if (last || error == httplib::Error::Read) throw fail(connection_failure(error, options_) + (attempt > 0 ? " (tried " + std::to_string(attempt + 1) + " times)" : ""));
      std::this_thread::sleep_for(retry.delay(attempt));
      continue;
    }
    const httplib::Response& res = *result;
    if (res.status == 401 && options_.credentials && !basic_ && asks_basic(res)) {
      basic_ = true;  // the server wants basic authentication: send it from now on
      client_.reset();
      --attempt;
      continue;
    }
    if (res.status >= 200 && res.status < 300) {
      HttpResponse out;
      out.status = res.status;
      out.content_type = media_type(res.get_header_value("Content-Type"));
      out.body = res.body;
      for (const auto& [name, value] : res.headers) out.headers.emplace(ascii_lower(name), value);
      return out;
    }
    if (RetryPolicy::retryable(res.status) && !last) {
      std::this_thread::sleep_for(retry.delay(attempt));
      continue;
    }
    std::string why = "HTTP " + std::to_string(res.status);
    if (auto r = reason(res.status, res.reason); !r.empty()) why += " " + r;
    if (res.status == 401)
      why += options_.credentials ? " (the credentials for " + request.url.host + " were refused)"
                                  : " (give credentials in POLICYKG_ENDPOINT_USER and POLICYKG_ENDPOINT_PASSWORD, or in a "
                                    "netrc file: ~/.netrc or the file NETRC names)";
    if (auto excerpt = message_excerpt(res.get_header_value("Content-Type"), res.body); !excerpt.empty())
      why += ": " + excerpt;
    if (attempt > 0) why += " (tried " + std::to_string(attempt + 1) + " times)";
    throw fail(why);
  }
}

}  // namespace policykg::remote
