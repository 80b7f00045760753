#include "server/content_negotiation.hpp"

#include <gtest/gtest.h>

using policykg::server::negotiate;
using policykg::server::parse_accept;

namespace {
const std::vector<std::string_view> kOffers = {"text/turtle", "application/n-triples", "text/html"};
}

TEST(ContentNegotiation, EmptyHeaderTakesTheFirstOffer) { EXPECT_EQ(negotiate("", kOffers), 0u); }

TEST(ContentNegotiation, ExactTypeWins) {
  EXPECT_EQ(negotiate("application/n-triples", kOffers), 1u);
  EXPECT_EQ(negotiate("TEXT/HTML", kOffers), 2u);
}

TEST(ContentNegotiation, QValuesOrderTheChoice) {
  EXPECT_EQ(negotiate("text/turtle;q=0.5, text/html", kOffers), 2u);
  EXPECT_EQ(negotiate("text/html;q=0.1, application/n-triples;q=0.9", kOffers), 1u);
}

TEST(ContentNegotiation, BrowserHeaderGetsHtml) {
  EXPECT_EQ(negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", kOffers), 2u);
}

TEST(ContentNegotiation, WildcardsMatchButSpecificRangesDecide) {
  EXPECT_EQ(negotiate("*/*", kOffers), 0u);
  EXPECT_EQ(negotiate("text/*", kOffers), 0u);
  // text/turtle is excluded by its own q=0 although text/* accepts it.
  EXPECT_EQ(negotiate("text/*, text/turtle;q=0", kOffers), 2u);
}

TEST(ContentNegotiation, NothingAcceptableIsNullopt) {
  EXPECT_FALSE(negotiate("image/png", kOffers).has_value());
  EXPECT_FALSE(negotiate("text/turtle;q=0", kOffers).has_value());
}

TEST(ContentNegotiation, MalformedRangesAreSkipped) {
  auto ranges = parse_accept("nonsense, text/turtle;q=0.4;charset=utf-8, /x");
  ASSERT_EQ(ranges.size(), 1u);
  EXPECT_EQ(ranges[0].subtype, "turtle");
  EXPECT_DOUBLE_EQ(ranges[0].q, 0.4);
}
