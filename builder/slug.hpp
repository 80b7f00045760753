// Slugs: the readable, stable path segments of instance IRIs.
#pragma once

#include <string>
#include <string_view>

namespace policykg::builder {

/// Lower-case ASCII letters and digits joined by single hyphens; apostrophes vanish
/// ("People's" -> "peoples"); other non-ASCII characters become "u<hex>"; at most `max`
/// bytes, cut at a hyphen. Never empty ("x" when nothing is left).
std::string slugify(std::string_view text, std::size_t max = 100);

}  // namespace policykg::builder
