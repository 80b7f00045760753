#include "server/request_log.hpp"

#include <cstdio>

namespace policykg::server {

namespace {

std::string printable(std::string_view s, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string request_log_line(const Request& req, const Response& res,
                             std::chrono::steady_clock::duration elapsed) {
  double ms = std::chrono::duration<double, std::milli>(elapsed).count();
  char time[32];
  std::snprintf(time, sizeof time, "%.1fms", ms);
  std::string target = req.target.empty() ? req.path : req.target;
  return printable(req.remote_addr, 64) + " \"" + printable(req.method, 16) + " " + printable(target, 300) + "\" " +
         std::to_string(res.status) + " " + std::to_string(res.body.size()) + " " + time;
}

}  // namespace policykg::server
