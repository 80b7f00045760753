// Instance local names as file paths (safe, reversible, never outside the site) and the server's
// paths as the site's files.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "site/site_map.hpp"

using namespace policykg::site;

namespace {
const std::string kIri = "https://w3id.org/policykg/id/x";
}

TEST(SiteMap, PlainNamesKeepTheirPath) {
  EXPECT_EQ(resource_file("agency/ministry-of-commerce", "html", kIri), "id/agency/ministry-of-commerce.html");
  EXPECT_EQ(resource_file("doc/a/task/7/initiative/7/measure/3", "ttl", kIri), "id/doc/a/task/7/initiative/7/measure/3.ttl");
  EXPECT_EQ(resource_file("zone/中关村", "nt", kIri), "id/zone/中关村.nt");  // UTF-8 stays
}

TEST(SiteMap, UnsafeCharactersArePercentEncoded) {
  EXPECT_EQ(resource_file("a:b", "html", kIri), "id/a%3Ab.html");
  EXPECT_EQ(resource_file("a b?c#d", "html", kIri), "id/a%20b%3Fc%23d.html");
  EXPECT_EQ(resource_file("50%", "html", kIri), "id/50%25.html");  // the escape itself
  EXPECT_EQ(resource_file("a\\b*\"<>|", "html", kIri), "id/a%5Cb%2A%22%3C%3E%7C.html");
  EXPECT_EQ(resource_file(".htaccess", "html", kIri), "id/%2Ehtaccess.html");  // no hidden files
  EXPECT_EQ(resource_file("x/.y", "ttl", kIri), "id/x/%2Ey.ttl");
}

TEST(SiteMap, AFolderNeverStandsWhereAPageIs) {
  // "a" has the page id/a.html; "a.html/b" lives in a folder that must not be that file
  EXPECT_EQ(resource_file("a", "html", kIri), "id/a.html");
  EXPECT_EQ(resource_file("a.html/b", "html", kIri), "id/a%2Ehtml/b.html");
  EXPECT_EQ(resource_file("a.ttl/b", "nt", kIri), "id/a%2Ettl/b.nt");
  EXPECT_EQ(resource_file("a.txt/b", "nt", kIri), "id/a.txt/b.nt");
  // the last segment keeps its dots: "a.ttl" is id/a.ttl.html, not the Turtle of "a"
  EXPECT_EQ(resource_file("a.ttl", "html", kIri), "id/a.ttl.html");
}

TEST(SiteMap, TheMappingIsReversible) {
  for (std::string name : {"agency/x", "a:b", "50%", "a%3Ab", ".hidden/.x", "a.html/b.ttl", "zone/中关村", "a b/c?d=e&f",
                           "x/y.ttl", "%2E"}) {
    for (std::string ext : {"html", "ttl", "nt", "jsonld", "rdf"}) {
      auto back = resource_of_file(resource_file(name, ext, kIri));
      ASSERT_TRUE(back) << name;
      EXPECT_EQ(back->first, name);
      EXPECT_EQ(back->second, ext);
    }
  }
  EXPECT_FALSE(resource_of_file("ontology.ttl"));
  EXPECT_FALSE(resource_of_file("id/x.txt"));
}

TEST(SiteMap, PathsThatWouldLeaveTheFolderAreRefused) {
  for (std::string name : {"..", "../x", "a/../../b", ".", "a/./b", "a//b", "a/", "/a"}) {
    try {
      resource_file(name, "html", "https://w3id.org/policykg/id/" + name);
      ADD_FAILURE() << name << " was accepted";
    } catch (const policykg::Error& e) {
      EXPECT_EQ(e.category(), policykg::Error::Category::Input);
      EXPECT_EQ(e.where(), "https://w3id.org/policykg/id/" + name);
      EXPECT_NE(std::string(e.what()).find("segment"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(resource_file(std::string(250, 'a'), "jsonld", kIri), policykg::Error);
  EXPECT_NO_THROW(resource_file(std::string(248, 'a'), "jsonld", kIri));
}

TEST(SiteMap, RelativeHrefsClimbToTheRoot) {
  EXPECT_EQ(relative_href("index.html", "site.css"), "site.css");
  EXPECT_EQ(relative_href("id/agency/x.html", "site.css"), "../../site.css");
  EXPECT_EQ(relative_href("id/agency/x.html", "id/agency/x.ttl"), "../../id/agency/x.ttl");
  EXPECT_EQ(relative_href(".well-known/void.html", "id/a%3Ab.html"), "../id/a%253Ab.html");
  EXPECT_EQ(relative_href("index.html", "id/中.html"), "id/%E4%B8%AD.html");
}

TEST(SiteMap, ServerPathsLandOnTheSiteFiles) {
  SiteMap map("https://w3id.org/policykg/id/", "https://w3id.org/policykg", {"agency/x", "a.ttl", "a"});
  EXPECT_EQ(map.file_of("/", ""), "index.html");
  EXPECT_EQ(map.file_of("/site.css", ""), "site.css");
  EXPECT_EQ(map.file_of("/id/agency/x", ""), "id/agency/x.html");
  EXPECT_EQ(map.file_of("/page/agency/x", ""), "id/agency/x.html");
  EXPECT_EQ(map.file_of("/data/agency/x.jsonld", ""), "id/agency/x.jsonld");
  EXPECT_EQ(map.file_of("/data/agency/x", ""), "id/agency/x.ttl");
  EXPECT_EQ(map.file_of("/data/a.ttl", ""), "id/a.ttl");       // the Turtle of "a", as the server reads it
  EXPECT_EQ(map.file_of("/data/a.ttl.nt", ""), "id/a.ttl.nt");  // the N-Triples of "a.ttl"
  EXPECT_EQ(map.file_of("/page/a.ttl", ""), "id/a.ttl.html");
  EXPECT_EQ(map.file_of("/ontology", ""), "ontology.html");
  EXPECT_EQ(map.file_of("/ontology.rdf", ""), "ontology.rdf");
  EXPECT_EQ(map.file_of("/.well-known/void", ""), ".well-known/void.html");
  EXPECT_EQ(map.file_of("/.well-known/void", "format=ttl"), ".well-known/void.ttl");
  EXPECT_EQ(map.file_of("/dcat", "format=nt"), "dcat.nt");
  EXPECT_EQ(map.file_of("/id/dataset", ""), ".well-known/void.html");
  EXPECT_EQ(map.file_of("/dump.nq", ""), "dump.nq");
  EXPECT_EQ(map.file_of("/graph", ""), "graph.html");
  EXPECT_EQ(map.file_of("/pictures", ""), "pictures.html");
  EXPECT_FALSE(map.file_of("/graph", "focus=x&hops=1"));
  EXPECT_FALSE(map.file_of("/query", ""));
  EXPECT_FALSE(map.file_of("/search", ""));
  EXPECT_FALSE(map.file_of("/sparql", ""));
  EXPECT_FALSE(map.file_of("/id/unknown", ""));
}
