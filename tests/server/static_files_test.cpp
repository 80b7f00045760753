#include "server/static_files.hpp"

#include <gtest/gtest.h>

#include "tests/server/test_server.hpp"

using policykg::server::served_file;

namespace {
std::string web() { return policykg::test::source_dir() + "/web"; }
}

TEST(StaticFiles, ServesThePagesFolders) {
  auto f = served_file(web(), "query/index.html");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->filename(), "index.html");
}

TEST(StaticFiles, RefusesTraversalAndHiddenFiles) {
  for (const char* path : {"../CMakeLists.txt", "query/../../CMakeLists.txt", "query/../package.json", "./query/index.html",
                           "query//index.html", "/etc/passwd", "query/.hidden", "query\\..\\x", "query/", ""})
    EXPECT_FALSE(served_file(web(), path).has_value()) << path;
}

TEST(StaticFiles, RefusesFilesOutsideTheServedFolders) {
  EXPECT_FALSE(served_file(web(), "package.json").has_value());
  EXPECT_FALSE(served_file(web(), "node_modules/.package-lock.json").has_value());
  EXPECT_FALSE(served_file(web(), "node_modules/@zazuko/yasgui/package.json").has_value());
}

TEST(StaticFiles, PathTraversalOverHttpIsRefused) {
  policykg::test::TestServer server;
  auto client = server.client();
  for (const char* path : {"/web/../CMakeLists.txt", "/web/query/%2e%2e/%2e%2e/CMakeLists.txt",
                           "/web/query/..%2f..%2fCMakeLists.txt", "/web/%2e%2e/package.json",
                           "/web/query/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " -> " << res->status;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  auto ok = client.Get("/web/query/query.js");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->get_header_value("Content-Type").find("javascript"), std::string::npos);
}
