// One line per request: client, method, target, status, body size and time taken.
#pragma once

#include <chrono>
#include <string>

#include "server/message.hpp"

namespace policykg::server {

/// `127.0.0.1 "GET /sparql?query=..." 200 1234 3.2ms`; the target is cut at 300 bytes and
/// control characters are escaped, so a request can never forge a second line.
std::string request_log_line(const Request& req, const Response& res,
                             std::chrono::steady_clock::duration elapsed);

}  // namespace policykg::server
