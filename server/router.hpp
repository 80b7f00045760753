// The route table: a handler per method and path pattern (an ECMAScript regular expression matched
// against the whole decoded path), tried in the order they were added.
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "server/message.hpp"

namespace policykg::server {

using Handler = std::function<void(const Request&, Response&)>;

class Router {
 public:
  void get(const std::string& pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(const std::string& pattern, Handler handler) { add("POST", pattern, std::move(handler)); }
  void options(const std::string& pattern, Handler handler) { add("OPTIONS", pattern, std::move(handler)); }

  /// Calls the first handler whose method and pattern match (HEAD is routed as GET), with
  /// `req.matches` set; false when none does.
  bool dispatch(Request& req, Response& res) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  void add(std::string method, const std::string& pattern, Handler handler);
  std::vector<Route> routes_;
};

}  // namespace policykg::server
