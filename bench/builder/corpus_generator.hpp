// A deterministic corpus of documents shaped like the seed: the same reply and plan with the
// districts permuted, the initiatives of each task reordered and the dates moved, so that every
// document differs and the same index always gives the same text.
#pragma once

#include <cstddef>
#include <string>

namespace policykg::bench {

/// Document `index` of the corpus derived from `seed` (the seed document's text).
std::string generate_document(std::size_t index, const std::string& seed);

}  // namespace policykg::bench
