#include <gtest/gtest.h>

#include "builder/classifier.hpp"
#include "builder/normalized_text.hpp"
#include "graph.hpp"

using namespace policykg::builder;

TEST(Classifier, KeywordRulesFromData) {
  Rules r = Rules::load(policykg::test::source_dir() / "data/rules");
  Classifier c(r.classification);
  auto a = c.classify(fold("allow foreign banks to participate in customs clearance tax payment and tariff guarantee"));
  EXPECT_TRUE(a.sectors.count("FinanceSector"));
  EXPECT_TRUE(a.sectors.count("TradeSector"));
  EXPECT_EQ(a.instrument, "Environmental");
  auto b = c.classify(fold("establish international schools that admit both foreign and Chinese children"));
  EXPECT_TRUE(b.sectors.count("EducationSector"));
  EXPECT_EQ(b.instrument, "SupplySide");
  auto none = c.classify(fold("xyz"));
  EXPECT_TRUE(none.instrument.empty());
  EXPECT_TRUE(none.sectors.empty());
}
