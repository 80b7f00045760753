// IRIs as RFC 3986 reads them: whether a reference is absolute, and a reference resolved against a
// base. Written once, for the SPARQL parser, its evaluator and any reader of relative references.
#pragma once

#include <string>
#include <string_view>

namespace policykg {

/// Whether `reference` is an absolute IRI (it starts with a scheme, RFC 3986 section 3.1).
bool is_absolute_iri(std::string_view reference);

/// Resolves `reference` against `base` (RFC 3986 section 5.2): dot segments removed, the base's
/// last segment replaced; a colon after what cannot be a scheme ("]:x") is part of a path.
std::string resolve_iri(std::string_view base, std::string_view reference);

}  // namespace policykg
