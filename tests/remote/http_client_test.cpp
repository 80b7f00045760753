#include "remote/http_client.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "core/error.hpp"
#include "tests/remote/test_server.hpp"

namespace policykg::remote {
namespace {

HttpOptions quick() {
  HttpOptions o;
  o.retry.attempts = 3;
  o.retry.first_delay = std::chrono::milliseconds(10);
  o.connect_timeout = std::chrono::seconds(2);
  o.read_timeout = std::chrono::seconds(2);
  return o;
}

HttpRequest get(const std::string& url) {
  HttpRequest r;
  r.url = parse_url(url);
  return r;
}

std::string error_of(HttpClient& client, const HttpRequest& r) {
  try {
    client.send(r);
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), Error::Category::Io);
    return e.describe();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST(RetryPolicy, DoublesUpToTheLongestWait) {
  RetryPolicy p;
  EXPECT_EQ(p.delay(0), std::chrono::milliseconds(500));
  EXPECT_EQ(p.delay(1), std::chrono::milliseconds(1000));
  EXPECT_EQ(p.delay(3), std::chrono::milliseconds(4000));
  EXPECT_EQ(p.delay(10), std::chrono::milliseconds(8000));
  EXPECT_TRUE(RetryPolicy::retryable(500));
  EXPECT_TRUE(RetryPolicy::retryable(503));
  EXPECT_FALSE(RetryPolicy::retryable(501));
  EXPECT_FALSE(RetryPolicy::retryable(404));
  EXPECT_FALSE(RetryPolicy::retryable(200));
}

TEST(HttpClient, RetriesServerFailuresUntilOneSucceeds) {
  test::TestServer s;
  std::atomic<int> calls = 0;
  s.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls < 3) res.status = 503;
    else res.set_content("ok", "text/plain");
  });
  s.start();
  HttpClient client(quick());
  HttpResponse r = client.send(get(s.url("/flaky")));
  EXPECT_EQ(r.body, "ok");
  EXPECT_EQ(r.content_type, "text/plain");
  EXPECT_EQ(calls, 3);
}

TEST(HttpClient, GivesUpAfterItsAttemptsNamingTheStatus) {
  test::TestServer s;
  std::atomic<int> calls = 0;
  s.server().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 500;
    res.set_content("<html><body><h1>Broken</h1>\n  disk   full</body></html>", "text/html");
  });
  s.start();
  HttpClient client(quick());
  std::string e = error_of(client, get(s.url("/down")));
  EXPECT_EQ(calls, 3);
  EXPECT_NE(e.find("GET " + s.url("/down")), std::string::npos) << e;
  EXPECT_NE(e.find("HTTP 500"), std::string::npos) << e;
  EXPECT_NE(e.find("Broken disk full"), std::string::npos) << e;
  EXPECT_NE(e.find("tried 3 times"), std::string::npos) << e;
}

TEST(HttpClient, DoesNotRetryClientErrors) {
  test::TestServer s;
  std::atomic<int> calls = 0;
  s.server().Put("/store", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 405;
  });
  s.start();
  HttpClient client(quick());
  HttpRequest r = get(s.url("/store"));
  r.method = "PUT";
  r.body = "<a> <b> <c> .\n";
  r.content_type = "text/turtle";
  r.what = "graph <http://ex/g>";
  std::string e = error_of(client, r);
  EXPECT_EQ(calls, 1);
  EXPECT_NE(e.find("PUT " + s.url("/store") + ": graph <http://ex/g>: HTTP 405 Method Not Allowed"), std::string::npos) << e;
}

TEST(HttpClient, RetriesARefusedConnectionThenSaysSo) {
  test::TestServer s;
  s.start();
  const std::string url = s.url("/sparql");
  s.stop();  // nothing listens on the port now
  HttpClient client(quick());
  auto started = std::chrono::steady_clock::now();
  std::string e = error_of(client, get(url));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_NE(e.find("cannot connect"), std::string::npos) << e;
  EXPECT_NE(e.find("tried 3 times"), std::string::npos) << e;
}

TEST(HttpClient, StopsWaitingAtTheReadTimeout) {
  test::TestServer s;
  s.server().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("late", "text/plain");
  });
  s.start();
  HttpOptions o = quick();
  o.retry.attempts = 1;
  o.read_timeout = std::chrono::seconds(1);
  HttpClient client(o);
  auto started = std::chrono::steady_clock::now();
  std::string e = error_of(client, get(s.url("/slow")));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2400));
  EXPECT_NE(e.find("no complete answer within 1 s"), std::string::npos) << e;
}

// A server wanting basic authentication: user "u", password "secret".
void basic_only(test::TestServer& s) {
  s.server().Get("/private", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Basic dTpzZWNyZXQ=") {
      res.set_content("welcome", "text/plain");
      return;
    }
    res.status = 401;
    res.set_header("WWW-Authenticate", "Basic realm=\"test\"");
  });
}

TEST(HttpClient, AnswersABasicChallengeWithTheCredentials) {
  test::TestServer s;
  basic_only(s);
  s.start();
  HttpOptions o = quick();
  o.credentials = Credentials{"u", "secret"};
  HttpClient client(o);
  EXPECT_EQ(client.send(get(s.url("/private"))).body, "welcome");
}

TEST(HttpClient, Unauthorized401SaysWhereCredentialsGoAndNeverShowsThem) {
  test::TestServer s;
  basic_only(s);
  s.start();
  HttpClient anonymous(quick());
  std::string e = error_of(anonymous, get(s.url("/private")));
  EXPECT_NE(e.find("HTTP 401 Unauthorized"), std::string::npos) << e;
  EXPECT_NE(e.find("POLICYKG_ENDPOINT_USER"), std::string::npos) << e;
  HttpOptions o = quick();
  o.credentials = Credentials{"u", "wrong-password"};
  HttpClient refused(o);
  e = error_of(refused, get(s.url("/private")));
  EXPECT_NE(e.find("were refused"), std::string::npos) << e;
  EXPECT_EQ(e.find("wrong-password"), std::string::npos) << e;
}

TEST(MessageExcerpt, KeepsTextShortAndDropsBinary) {
  EXPECT_EQ(message_excerpt("text/plain; charset=utf-8", "a\n\n b\tc"), "a b c");
  EXPECT_EQ(message_excerpt("application/octet-stream", "abc"), "");
  EXPECT_EQ(message_excerpt("text/plain", std::string(500, 'x'), 10), std::string(10, 'x') + "...");
  EXPECT_EQ(message_excerpt("text/plain", "\xe4\xb8\xad\xe6\x96\x87", 4), "\xe4\xb8\xad...");
}

}  // namespace
}  // namespace policykg::remote
