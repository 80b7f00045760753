// RDF collections (rdf:first / rdf:rest) as the shapes graph writes sh:in, sh:or and paths.
#pragma once

#include <vector>

#include "rdf/model.hpp"
#include "rdf/term.hpp"

namespace policykg::validate {

/// The members of the list starting at `head`, in order; throws Error(Input) naming the list
/// when it is malformed (a missing rdf:first, a branch or a cycle).
std::vector<rdf::Term> read_list(const rdf::Model& model, const rdf::Term& head);

}  // namespace policykg::validate
