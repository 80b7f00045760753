// ZeroArray: n zeros, from the heap when small and mapped in whole huge pages from a megabyte on;
// either way every element reads zero until written and keeps what is written, to the last.
#include "core/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>

namespace {

template <class T>
void every_element_is_zero_then_what_was_written(std::size_t n) {
  policykg::ZeroArray<T> a(n);
  for (std::size_t i = 0; i < n; i += 4093) EXPECT_EQ(a[i], T{0}) << i;
  EXPECT_EQ(a[n - 1], T{0});
  for (std::size_t i = 0; i < n; i += 4093) a[i] = static_cast<T>(i % 251 + 1);
  a[n - 1] = T{7};
  for (std::size_t i = 0; i + 1 < n; i += 4093) EXPECT_EQ(a[i], static_cast<T>(i % 251 + 1)) << i;
  EXPECT_EQ(a[n - 1], T{7});
}

TEST(ZeroArray, SmallComesFromTheHeapLargeIsMappedAndBothReadZeroUntilWritten) {
  EXPECT_FALSE(policykg::ZeroArray<std::uint8_t>(1000).mapped());
  EXPECT_FALSE(policykg::ZeroArray<std::uint8_t>(0).mapped());
  EXPECT_TRUE(policykg::ZeroArray<std::uint8_t>(std::size_t{1} << 20).mapped());
  EXPECT_TRUE(policykg::ZeroArray<std::uint32_t>(300'000).mapped());  // 1.2 MB
  every_element_is_zero_then_what_was_written<std::uint8_t>(1000);
  every_element_is_zero_then_what_was_written<std::uint8_t>(1'362'027);         // not a whole huge page
  every_element_is_zero_then_what_was_written<std::uint32_t>(std::size_t{1} << 20);  // two, exactly
  every_element_is_zero_then_what_was_written<std::uint32_t>(3'000'001);
}

}  // namespace
