// The names a researcher types for a unit, on the real binary over the seed: its citation key
// (dcterms:identifier "T9.5.2"), a label with its sentence's final stop, and an IRI's tail.
#include <gtest/gtest.h>

#include "tests/e2e/run.hpp"

namespace policykg {
namespace {

using test::run_policykg;

const std::string kUnit =
    "(id:doc/state-council-reply-2019-beijing-service-sector-plan/annex/1/task/9/initiative/5/measure/2)";

TEST(UnitNames, ACitationKeyNamesAUnit) {
  auto r = run_policykg({"responsible", "T9.5.2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(kUnit), std::string::npos) << r.out;
  r = run_policykg({"query", "-e", "SELECT ?k WHERE { id:doc\\/state-council-reply-2019-beijing-service-sector-plan\\/"
                                   "provision\\/4\\/measure\\/2 dcterms:identifier ?k }",
                    "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?k\n\"P4.2\"\n");
}

TEST(UnitNames, AnIriTailNamesAUnit) {
  auto r = run_policykg({"responsible", "task/9/initiative/5/measure/2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(kUnit), std::string::npos) << r.out;
  // A tail no IRI ends with is one error naming it.
  r = run_policykg({"responsible", "task/99/measure/1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("task/99/measure/1"), std::string::npos) << r.err;
}

TEST(UnitNames, TheReadmesLabelWithItsFinalStopResolves) {
  auto r = run_policykg(
      {"responsible", "Creating an open financial environment with enhanced functions in multiple districts."});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("task/7/initiative/7)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace policykg
