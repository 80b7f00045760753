#include "remote/graph_store.hpp"

#include <gtest/gtest.h>

#include <mutex>

#include "core/error.hpp"
#include "rdf/parser.hpp"
#include "tests/remote/test_server.hpp"

namespace policykg::remote {
namespace {

std::vector<rdf::Triple> triples(int n) {
  std::vector<rdf::Triple> out;
  for (int i = 0; i < n; ++i)
    out.push_back({rdf::Term::iri("http://ex/s" + std::to_string(i)), rdf::Term::iri("http://ex/p"),
                   rdf::Term::lang_literal("value \"" + std::to_string(i) + "\"\n", "en")});
  return out;
}

TEST(NtriplesBatches, AreBoundedAndHoldEveryTripleOnceInOrder) {
  auto all = triples(100);
  auto batches = ntriples_batches(all, 500);
  ASSERT_GT(batches.size(), 5u);
  std::vector<rdf::Triple> back;
  for (const auto& b : batches) {
    EXPECT_LE(b.size(), 500u);
    auto more = rdf::parse_string(b, rdf::Format::NTriples);
    back.insert(back.end(), more.begin(), more.end());
  }
  EXPECT_EQ(back, all);
  EXPECT_EQ(ntriples_batches(all, 1).size(), 100u);  // a triple longer than the bound goes alone
  EXPECT_EQ(ntriples_batches(all, 1 << 20).size(), 1u);
  EXPECT_TRUE(ntriples_batches({}, 100).empty());
}

struct Received {
  std::string method, graph, type;
  std::size_t triples;
};

TEST(GraphStore, PutsTheFirstBatchAndPostsTheRest) {
  test::TestServer s;
  std::mutex m;
  std::vector<Received> got;
  auto record = [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(m);
    got.push_back({req.method, req.get_param_value("graph"), req.get_header_value("Content-Type"),
                   rdf::parse_string(req.body, rdf::Format::Turtle).size()});
    res.status = req.method == "PUT" ? 201 : 204;
  };
  s.server().Put("/store", record);
  s.server().Post("/store", record);
  s.start();
  GraphStore store(parse_url(s.url("/store")), HttpOptions{}, 1000);
  const std::size_t requests = store.put("http://ex/g?x=1", triples(40));
  ASSERT_EQ(requests, got.size());
  ASSERT_GT(got.size(), 2u);
  std::size_t total = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].method, i == 0 ? "PUT" : "POST");
    EXPECT_EQ(got[i].graph, "http://ex/g?x=1");
    EXPECT_EQ(got[i].type, "text/turtle; charset=utf-8");
    total += got[i].triples;
  }
  EXPECT_EQ(total, 40u);
  got.clear();
  EXPECT_EQ(store.put("http://ex/empty", {}), 1u);  // an empty graph replaces what was there
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "PUT");
}

TEST(GraphStore, NamesTheGraphAndBatchThatFailed) {
  test::TestServer s;
  s.server().Put("/store", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  s.server().Post("/store", [](const httplib::Request&, httplib::Response& res) {
    res.status = 413;
    res.set_content("too big", "text/plain");
  });
  s.start();
  GraphStore store(parse_url(s.url("/store")), HttpOptions{}, 1000);
  try {
    store.put("http://ex/g", triples(40));
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string m = e.describe();
    EXPECT_NE(m.find("POST " + s.url("/store") + "?graph=http%3A%2F%2Fex%2Fg: graph <http://ex/g>, batch 2 of "),
              std::string::npos) << m;
    EXPECT_NE(m.find("HTTP 413 Payload Too Large: too big"), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace policykg::remote
