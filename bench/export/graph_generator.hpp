// A deterministic policy-shaped graph of about `target` triples for the export benchmark:
// documents, tasks, initiatives and measures (with text, offsets, positions), agencies in a
// hierarchy, districts and zones; measures carry parties, places and mentions.
#pragma once

#include <cstddef>
#include <vector>

#include "rdf/term.hpp"

namespace policykg::bench {

std::vector<rdf::Triple> generate_policy_graph(std::size_t target);

}  // namespace policykg::bench
