// Content negotiation: picks the representation an Accept header prefers (RFC 9110 §12.5.1),
// q-values and wildcards included; ties go to the server's order of offers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policykg::server {

/// One media range of an Accept header.
struct MediaRange {
  std::string type;     ///< "text", "*"
  std::string subtype;  ///< "turtle", "*"
  double q = 1.0;
};

/// Parses an Accept header; malformed ranges are skipped.
std::vector<MediaRange> parse_accept(std::string_view accept);

/// The index in `offers` (media types such as "text/turtle") the header prefers, nullopt when it
/// accepts none of them (406). An empty header accepts anything: the first offer.
std::optional<std::size_t> negotiate(std::string_view accept, const std::vector<std::string_view>& offers);

}  // namespace policykg::server
