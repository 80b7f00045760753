// `policykg stats` of a graph an endpoint holds: the same numbers as validate::graph_stats, counted
// by the endpoint in four aggregate queries instead of read triple by triple.
#pragma once

#include "remote/endpoint.hpp"
#include "validate/graph_stats.hpp"

namespace policykg::remote {

/// Counts the endpoint's default graph as a set of triples (a triple in two of the graphs it
/// merges counts once). Throws what Endpoint::select throws.
validate::GraphStats graph_stats(Endpoint& endpoint);

}  // namespace policykg::remote
