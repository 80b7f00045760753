#include "remote/url.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace policykg::remote {
namespace {

TEST(Url, ParsesSchemeHostPortAndTarget) {
  Url u = parse_url("http://127.0.0.1:8890/sparql");
  EXPECT_EQ(u.scheme, "http");
  EXPECT_EQ(u.host, "127.0.0.1");
  EXPECT_EQ(u.port, 8890);
  EXPECT_EQ(u.target, "/sparql");
  EXPECT_EQ(u.to_string(), "http://127.0.0.1:8890/sparql");
  Url s = parse_url("HTTPS://example.org");
  EXPECT_EQ(s.scheme, "https");
  EXPECT_EQ(s.port, 443);
  EXPECT_EQ(s.target, "/");
  Url v6 = parse_url("http://[::1]:3030/ds/query?x=1#frag");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.target, "/ds/query?x=1");
  EXPECT_EQ(v6.origin(), "http://[::1]:3030");
}

TEST(Url, RefusesCredentialsAndOtherSchemes) {
  for (const char* bad : {"ftp://example.org/", "example.org/sparql", "http://user:secret@example.org/sparql",
                          "http://example.org:0/", "http://example.org:99999/", "http://:80/", "http://a b/",
                          "http://example.org/a b"}) {
    try {
      parse_url(bad, "--endpoint");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), Error::Category::Usage) << bad;
      EXPECT_NE(e.where().find("--endpoint"), std::string::npos) << bad;
    }
  }
  try {
    parse_url("http://user:secret@example.org/sparql");
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("POLICYKG_ENDPOINT_USER"), std::string::npos);
  }
}

TEST(Url, AddsPercentEncodedParameters) {
  Url u = with_parameter(parse_url("http://h/store"), "graph", "https://w3id.org/policykg/id/doc/a b");
  EXPECT_EQ(u.target, "/store?graph=https%3A%2F%2Fw3id.org%2Fpolicykg%2Fid%2Fdoc%2Fa%20b");
  EXPECT_EQ(with_parameter(parse_url("http://h/s?x=1"), "graph", "g").target, "/s?x=1&graph=g");
}

}  // namespace
}  // namespace policykg::remote
