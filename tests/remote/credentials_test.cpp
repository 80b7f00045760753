#include "remote/credentials.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace policykg::remote {
namespace {

TEST(Netrc, FindsTheMachineThenTheDefault) {
  const char* text =
      "machine other.org login o password op\n"
      "default login d password dp\n"
      "machine 127.0.0.1\n  login dba\n  password s3cret\n";
  auto c = parse_netrc(text, "127.0.0.1");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "dba");
  EXPECT_EQ(c->password, "s3cret");
  auto d = parse_netrc(text, "elsewhere.org");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->user, "d");
  EXPECT_FALSE(parse_netrc("machine a login x password y", "b"));
  EXPECT_FALSE(parse_netrc("", "b"));
}

TEST(Netrc, ReadsQuotesCommentsAndSkipsMacros) {
  const char* text =
      "# a comment machine h login bad\n"
      "macdef init\nmachine h login inmacro password no\n\n"
      "machine h login \"a user\" password \"p \\\"q\\\"\" account x\n";
  auto c = parse_netrc(text, "h");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "a user");
  EXPECT_EQ(c->password, "p \"q\"");
}

TEST(Netrc, TheFirstEntryForAMachineWins) {
  auto c = parse_netrc("machine h login first password 1\nmachine h login second password 2\n", "h");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "first");
}

class CredentialsEnvironment : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("POLICYKG_ENDPOINT_USER");
    ::unsetenv("POLICYKG_ENDPOINT_PASSWORD");
    ::unsetenv("NETRC");
    file_ = std::filesystem::temp_directory_path() / ("policykg-netrc-" + std::to_string(::getpid()));
  }
  void TearDown() override {
    ::unsetenv("POLICYKG_ENDPOINT_USER");
    ::unsetenv("POLICYKG_ENDPOINT_PASSWORD");
    ::unsetenv("NETRC");
    std::filesystem::remove(file_);
  }
  std::filesystem::path file_;
};

TEST_F(CredentialsEnvironment, TheEnvironmentComesFirstThenNetrc) {
  std::ofstream(file_) << "machine h login fromfile password f\n";
  ::setenv("NETRC", file_.c_str(), 1);
  auto c = find_credentials("h");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "fromfile");
  ::setenv("POLICYKG_ENDPOINT_USER", "fromenv", 1);
  ::setenv("POLICYKG_ENDPOINT_PASSWORD", "e", 1);
  c = find_credentials("h");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->user, "fromenv");
  EXPECT_EQ(c->password, "e");
  EXPECT_TRUE(find_credentials("other").has_value());  // the environment names no host: any host
}

TEST_F(CredentialsEnvironment, APasswordWithoutAUserAndAMissingNetrcAreErrors) {
  ::setenv("POLICYKG_ENDPOINT_PASSWORD", "e", 1);
  EXPECT_THROW(find_credentials("h"), Error);
  ::unsetenv("POLICYKG_ENDPOINT_PASSWORD");
  ::setenv("NETRC", (file_.string() + "-missing").c_str(), 1);
  EXPECT_THROW(find_credentials("h"), Error);
}

}  // namespace
}  // namespace policykg::remote
