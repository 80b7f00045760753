#include "server/content_negotiation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/text.hpp"

namespace policykg::server {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// How specifically `range` matches `type/subtype`: -1 no match, 0 */*, 1 type/*, 2 exact.
int specificity(const MediaRange& range, std::string_view type, std::string_view subtype) {
  if (range.type == "*") return range.subtype == "*" ? 0 : -1;
  if (range.type != type) return -1;
  if (range.subtype == "*") return 1;
  return range.subtype == subtype ? 2 : -1;
}

}  // namespace

std::vector<MediaRange> parse_accept(std::string_view accept) {
  std::vector<MediaRange> ranges;
  while (!accept.empty()) {
    auto comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view media = trim(item.substr(0, semi));
    auto slash = media.find('/');
    if (media.empty() || slash == std::string_view::npos) continue;
    MediaRange range{ascii_lower(trim(media.substr(0, slash))), ascii_lower(trim(media.substr(slash + 1))), 1.0};
    if (range.type.empty() || range.subtype.empty()) continue;
    while (semi != std::string_view::npos) {
      item = item.substr(semi + 1);
      semi = item.find(';');
      std::string_view param = trim(item.substr(0, semi));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        std::string value(param.substr(2));
        char* end = nullptr;
        double q = std::strtod(value.c_str(), &end);
        if (end != value.c_str()) range.q = std::clamp(q, 0.0, 1.0);
      }
    }
    ranges.push_back(std::move(range));
  }
  return ranges;
}

std::optional<std::size_t> negotiate(std::string_view accept, const std::vector<std::string_view>& offers) {
  if (offers.empty()) return std::nullopt;
  auto ranges = parse_accept(accept);
  if (trim(accept).empty()) return 0;
  std::optional<std::size_t> best;
  double best_q = 0.0;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    std::string offer = ascii_lower(offers[i]);
    auto slash = offer.find('/');
    std::string_view type = std::string_view(offer).substr(0, slash);
    std::string_view subtype = slash == std::string::npos ? std::string_view{} : std::string_view(offer).substr(slash + 1);
    int best_spec = -1;
    double q = 0.0;
    for (const auto& range : ranges) {
      int spec = specificity(range, type, subtype);
      if (spec > best_spec) {
        best_spec = spec;
        q = range.q;
      }
    }
    if (best_spec >= 0 && q > best_q) {
      best_q = q;
      best = i;
    }
  }
  return best;
}

}  // namespace policykg::server
