// The server's pages as pages of the static site: relative links, nothing that needs the server.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "site/static_page.hpp"

using namespace policykg::site;

namespace {
SiteMap site_map() {
  return SiteMap("https://w3id.org/policykg/id/", "https://w3id.org/policykg", {"agency/x", "a:b", "doc/d"});
}
}  // namespace

TEST(StaticPage, RootRelativeLinksBecomeRelativeToThePage) {
  const std::string page =
      "<link rel=\"stylesheet\" href=\"/site.css\">\n<a href=\"/id/agency/x\" title=\"t\">X</a> "
      "<a href=\"/ontology#Measure\">Measure</a> <link rel=\"alternate\" href=\"/data/agency/x.ttl\">";
  EXPECT_EQ(static_page(page, "id/doc/d.html", site_map()),
            "<link rel=\"stylesheet\" href=\"../../site.css\">\n<a href=\"../../id/agency/x.html\" title=\"t\">X</a> "
            "<a href=\"../../ontology.html#Measure\">Measure</a> <link rel=\"alternate\" href=\"../../id/agency/x.ttl\">");
}

TEST(StaticPage, LinksUnderTheSiteUrlAndQueryStringsMapToo) {
  const std::string page = "<a href=\"https://w3id.org/policykg/dump.ttl\">d</a><a href=\"/.well-known/void?format=ttl\">v</a>"
                           "<a href=\"https://example.org/x?a=1&amp;b=2\">e</a><a href=\"#frag\">f</a>";
  EXPECT_EQ(static_page(page, ".well-known/void.html", site_map()),
            "<a href=\"../dump.ttl\">d</a><a href=\"../.well-known/void.ttl\">v</a>"
            "<a href=\"https://example.org/x?a=1&amp;b=2\">e</a><a href=\"#frag\">f</a>");
}

TEST(StaticPage, EncodedFileNamesAreLinkedWithTheirPercentEscaped) {
  EXPECT_EQ(static_page("<a href=\"/id/a:b\">a</a>", "index.html", site_map()), "<a href=\"id/a%253Ab.html\">a</a>");
}

TEST(StaticPage, WhatNeedsTheServerIsLeftOut) {
  const std::string page =
      "<nav><a href=\"/\">policykg</a> <a href=\"/query\" data-needs-server>query</a> <a href=\"/graph\">graph</a></nav>\n"
      "<p class=\"graph-around\" data-needs-server><a href=\"/graph?focus=x&amp;hops=1\">See</a> (<code>x</code>)</p>\n"
      "<ul><li data-needs-server><a href=\"/query\">Query</a> it</li>\n<li>kept</li></ul>";
  EXPECT_EQ(static_page(page, "index.html", site_map()),
            "<nav><a href=\"index.html\">policykg</a> <a href=\"graph.html\">graph</a></nav>\n\n<ul>\n<li>kept</li></ul>");
}

TEST(StaticPage, ScriptsAndStylesAreCopiedAsTheyAre) {
  const std::string page = "<script>var a = '<a href=\"/query\">';</script><style>a[href=\"/x\"]{}</style><a href=\"/\">i</a>";
  EXPECT_EQ(static_page(page, "pictures.html", site_map()),
            "<script>var a = '<a href=\"/query\">';</script><style>a[href=\"/x\"]{}</style><a href=\"index.html\">i</a>");
}

TEST(StaticPage, AnInstanceWithoutAPageIsLinkedByItsIri) {
  EXPECT_EQ(static_page("<a href=\"/id/only-a-predicate\">p</a>", "index.html", site_map()),
            "<a href=\"https://w3id.org/policykg/id/only-a-predicate\">p</a>");
}

TEST(StaticPage, ALinkTheSiteCannotHoldIsAnError) {
  try {
    static_page("<a href=\"/sparql?query=x\">q</a>", "index.html", site_map());
    FAIL() << "no error";
  } catch (const policykg::Error& e) {
    EXPECT_EQ(e.where(), "index.html");
    EXPECT_NE(std::string(e.what()).find("/sparql?query=x"), std::string::npos);
  }
}

TEST(StaticPage, AnIriUnderTheSiteUrlWithoutAFileStaysTheIri) {
  // The ontology page links its version IRI, which is under the site's URL but no page of it.
  const std::string page = "<a href=\"https://w3id.org/policykg/ontology/0.1.0\">0.1.0</a>";
  EXPECT_EQ(static_page(page, "ontology.html", site_map()), page);
}
