#include "server/router.hpp"

namespace policykg::server {

void Router::add(std::string method, const std::string& pattern, Handler handler) {
  routes_.push_back({std::move(method), std::regex(pattern), std::move(handler)});
}

bool Router::dispatch(Request& req, Response& res) const {
  const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
  for (const auto& route : routes_) {
    if (route.method != method || !std::regex_match(req.path, req.matches, route.pattern)) continue;
    route.handler(req, res);
    return true;
  }
  return false;
}

}  // namespace policykg::server
