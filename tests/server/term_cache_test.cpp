// A mapped index served with a term cache of one byte: every request pins the terms it decodes,
// and the next request lets the full cache go. Requests answered at once still get, byte for byte,
// what a server that keeps every term answers (under ThreadSanitizer and AddressSanitizer: no
// race, and no term freed while a request reads it).
#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "query/sparql/dataset.hpp"
#include "rdf/model.hpp"
#include "server/server.hpp"
#include "tests/server/test_server.hpp"
#include "tests/temp_dir.hpp"

namespace {

using policykg::query::Dataset;
using policykg::server::Server;

std::unique_ptr<Server> serve_index(const std::filesystem::path& index, std::size_t term_cache) {
  auto options = policykg::test::fixture_options();
  options.term_cache = term_cache;
  auto server = std::make_unique<Server>(Dataset::open_index(index), options);
  server->start();
  return server;
}

std::vector<std::string> paths() {
  std::vector<std::string> out;
  for (const char* q : {"SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
                        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p",
                        "CONSTRUCT { ?o ?p ?s } WHERE { ?s ?p ?o }",
                        "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"})
    out.push_back("/sparql?query=" + httplib::detail::encode_query_param(q));
  for (const char* p : {"/page/doc/sample-reply/provision/1/measure/1", "/page/agency/ministry-of-commerce",
                        "/data/district/haidian.ttl", "/dump.nt"})
    out.emplace_back(p);
  return out;
}

}  // namespace

TEST(TermCache, RequestsAtOnceOnATinyCacheAnswerAsAServerKeepingEveryTerm) {
  policykg::test::TempDir dir("policykg-term-cache");
  const auto index = dir.path() / "fixture.pkgi";
  {
    policykg::rdf::Model model;
    model.load_file(policykg::test::fixture_file());
    Dataset(model).write_index(index);
  }
  auto keeping = serve_index(index, 0);
  auto tiny = serve_index(index, 1);

  const auto requests = paths();
  std::vector<std::string> expected;
  {
    httplib::Client client("127.0.0.1", keeping->port());
    client.set_read_timeout(60, 0);
    for (const auto& path : requests) {
      auto res = client.Get(path);
      ASSERT_TRUE(res) << path;
      ASSERT_EQ(res->status, 200) << path << "\n" << res->body;
      expected.push_back(res->body);
    }
  }

  constexpr int kThreads = 4, kRounds = 6;
  std::atomic<int> same{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", tiny->port());
      client.set_read_timeout(60, 0);
      start.arrive_and_wait();
      for (int round = 0; round < kRounds; ++round)
        for (std::size_t i = 0; i < requests.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t)) % requests.size();  // threads out of step
          auto res = client.Get(requests[k]);
          if (res && res->status == 200 && res->body == expected[k]) ++same;
        }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(same, kThreads * kRounds * static_cast<int>(requests.size()));
  const auto stats = tiny->dataset().dictionary().cache_stats();
  EXPECT_GT(stats.dropped, 0u) << "requests let the full caches go";
  EXPECT_EQ(stats.waiting, 0u) << "no request runs, so no dropped cache is kept";
  EXPECT_EQ(keeping->dataset().dictionary().cache_stats().dropped, 0u);
}
