#include "server/request_log.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/server/test_server.hpp"

TEST(RequestLog, OneLineWithStatusSizeAndTime) {
  policykg::server::Request req;
  req.remote_addr = "127.0.0.1";
  req.method = "GET";
  req.target = "/sparql?query=ASK%7B%7D";
  policykg::server::Response res;
  res.status = 200;
  res.body = "12345";
  auto line = policykg::server::request_log_line(req, res, std::chrono::milliseconds(3));
  EXPECT_EQ(line, "127.0.0.1 \"GET /sparql?query=ASK%7B%7D\" 200 5 3.0ms");
}

TEST(RequestLog, ControlCharactersCannotForgeLines) {
  policykg::server::Request req;
  req.remote_addr = "127.0.0.1";
  req.method = "GET";
  req.target = std::string("/x\n127.0.0.1 \"GET /fake\" 200");
  policykg::server::Response res;
  auto line = policykg::server::request_log_line(req, res, {});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("\\x0a"), std::string::npos);
}

TEST(RequestLog, TheServerLogsEveryRequestOnce) {
  policykg::test::TestServer server;
  auto client = server.client();
  ASSERT_TRUE(client.Get("/"));
  ASSERT_TRUE(client.Get("/no/such/page"));
  ASSERT_TRUE(client.Get("/sparql?query=ASK%7B%7D"));
  auto log = server.log_after(3);
  ASSERT_EQ(log.size(), 3u);
  // Workers log as they finish, so the order may differ from the order of the requests.
  auto logged = [&log](const std::string& part) {
    return std::count_if(log.begin(), log.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
  };
  EXPECT_EQ(logged("127.0.0.1 \"GET /\" 200 "), 1);
  EXPECT_EQ(logged("\"GET /no/such/page\" 404 "), 1);
  EXPECT_EQ(logged("\"GET /sparql?query=ASK%7B%7D\" 200 "), 1);
}
