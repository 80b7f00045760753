#include "rdf/store_spec.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using policykg::rdf::parse_store_spec;
using policykg::rdf::StoreSpec;

TEST(StoreSpec, MemoryIsDefault) {
  EXPECT_EQ(parse_store_spec("").kind, StoreSpec::Kind::Memory);
  EXPECT_EQ(parse_store_spec("memory").kind, StoreSpec::Kind::Memory);
}

TEST(StoreSpec, SqliteTakesAPath) {
  auto s = parse_store_spec("sqlite:/tmp/g.db");
  EXPECT_EQ(s.kind, StoreSpec::Kind::Sqlite);
  EXPECT_EQ(s.location, "/tmp/g.db");
}

TEST(StoreSpec, PostgresqlOptionsAreQuoted) {
  auto s = parse_store_spec("postgresql:kg,host=localhost,user=kg");
  EXPECT_EQ(s.kind, StoreSpec::Kind::Postgresql);
  EXPECT_EQ(s.location, "kg");
  EXPECT_EQ(s.options, "host='localhost',user='kg'");
  EXPECT_EQ(parse_store_spec("virtuoso:db").kind, StoreSpec::Kind::Virtuoso);
}

TEST(StoreSpec, BadSpecsNameTheSpecAndTheProblem) {
  for (const char* bad : {"sqlite:", "mysql:x", "nonsense", "postgresql:", "postgresql:kg,host"}) {
    try {
      parse_store_spec(bad);
      FAIL() << bad << " was accepted";
    } catch (const policykg::Error& e) {
      EXPECT_NE(e.describe().find(std::string("'") + bad + "'"), std::string::npos) << e.describe();
      EXPECT_EQ(e.category(), policykg::Error::Category::Usage);
    }
  }
}
