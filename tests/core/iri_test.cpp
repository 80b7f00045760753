#include "core/iri.hpp"

#include <gtest/gtest.h>

using policykg::is_absolute_iri;
using policykg::resolve_iri;

TEST(Iri, ResolvesReferencesAsRfc3986Does) {
  // RFC 3986 section 5.4's examples.
  const char* base = "http://a/b/c/d;p?q";
  EXPECT_EQ(resolve_iri(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_iri(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_iri(base, "../g"), "http://a/b/g");
  EXPECT_EQ(resolve_iri(base, "../../../g"), "http://a/g");
  EXPECT_EQ(resolve_iri(base, "/./g"), "http://a/g");
  EXPECT_EQ(resolve_iri(base, "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(resolve_iri(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(resolve_iri(base, "//g"), "http://g");
  EXPECT_EQ(resolve_iri(base, ""), "http://a/b/c/d;p?q");
  EXPECT_EQ(resolve_iri(base, "g:h"), "g:h");
  // A colon after what cannot be a scheme is part of a relative path ("]:." was read as a
  // scheme and lost its dot, so a printed query read back otherwise).
  EXPECT_EQ(resolve_iri("http://a/b/c", "]:."), "http://a/b/]:.");
  EXPECT_EQ(resolve_iri("http://a/b/c", "1x:./y"), "http://a/b/1x:./y");
}

TEST(Iri, AnAbsoluteIriStartsWithAScheme) {
  EXPECT_TRUE(is_absolute_iri("http://a/b"));
  EXPECT_TRUE(is_absolute_iri("urn:x"));
  EXPECT_TRUE(is_absolute_iri("a+b-c.d:x"));
  EXPECT_FALSE(is_absolute_iri("doc/x"));
  EXPECT_FALSE(is_absolute_iri("doc/a:b"));
  EXPECT_FALSE(is_absolute_iri(""));
  EXPECT_FALSE(is_absolute_iri(":x"));
  EXPECT_FALSE(is_absolute_iri("]:x"));
  EXPECT_FALSE(is_absolute_iri("1x:y"));
}
