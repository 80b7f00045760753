// Response bodies gzip-compressed for clients that accept it (Accept-Encoding), as cpp-httplib
// did before the server had its own connections: text, JSON, XML, JavaScript and SVG bodies of
// 1 KiB or more, unless the response says otherwise (Response::compressible).
#pragma once

#include "server/message.hpp"

namespace policykg::server {

/// Compresses `res.body` with gzip and sets Content-Encoding when `req` accepts gzip and the
/// body is worth it; otherwise leaves `res` as it is.
void encode_content(const Request& req, Response& res);

}  // namespace policykg::server
