#include "server/content_encoding.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

namespace policykg::server {

namespace {

// Smaller bodies gain little, and fit in a packet either way.
constexpr std::size_t kMinCompressed = 1024;

bool compressible_type(std::string type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type.rfind("text/", 0) == 0) return type != "text/event-stream";
  return type == "application/json" || type == "application/javascript" || type == "application/xml" ||
         type == "application/xhtml+xml" || type == "image/svg+xml";
}

// Whether Accept-Encoding lists gzip without refusing it (`gzip;q=0`).
bool accepts_gzip(std::string accept) {
  for (char& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t at = 0;
  while (at < accept.size()) {
    std::size_t end = accept.find(',', at);
    if (end == std::string::npos) end = accept.size();
    std::string item = accept.substr(at, end - at);
    at = end + 1;
    std::string name = item.substr(0, item.find(';'));
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (name != "gzip" && name != "*") continue;
    std::string params = item.find(';') == std::string::npos ? std::string() : item.substr(item.find(';'));
    params.erase(std::remove_if(params.begin(), params.end(), [](char c) { return c == ' ' || c == '\t'; }), params.end());
    return params.find("q=0") == std::string::npos || params.find("q=0.") != std::string::npos;
  }
  return false;
}

bool gzip(const std::string& in, std::string& out) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out.resize(deflateBound(&z, static_cast<uLong>(in.size())));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END;
}

}  // namespace

void encode_content(const Request& req, Response& res) {
  if (!res.compressible || res.body.size() < kMinCompressed || res.body.size() > UINT32_MAX ||
      res.has_header("Content-Encoding") || !compressible_type(res.get_header_value("Content-Type")) ||
      !accepts_gzip(req.get_header_value("Accept-Encoding")))
    return;
  std::string compressed;
  if (!gzip(res.body, compressed)) return;
  res.body = std::move(compressed);
  res.set_header("Content-Encoding", "gzip");
}

}  // namespace policykg::server
