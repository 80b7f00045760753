// A comparison written out: a readable table, JSON, a self-contained side-by-side HTML page, and
// the alignment as RDF (pol:continues, pol:revises, pol:unchangedFrom, with the similarity on a
// qualified pol:Continuation node) for the graph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/diff.hpp"
#include "rdf/term.hpp"

namespace policykg::diff {

/// The table of rows (change, unit, old, new, similarity, facts changed) and then the word-level
/// difference of each reworded unit ([-deleted-] {+inserted+}); `base` shortens IRIs to id:.
std::string to_text(const Diff& diff, std::string_view base);

/// {"old": {...}, "new": {...}, "summary": {"unchanged": N, ...}, "units": [{"change", "relation",
/// "similarity", "old", "new", "words", "facts"}]}; diff/README.md shows one.
nlohmann::ordered_json to_json(const Diff& diff);

/// One HTML page, style inline and no script, the old version on the left and the new on the
/// right, deleted words struck through and inserted words marked.
std::string to_html(const Diff& diff);
/// The page's style sheet (what a server's Content-Security-Policy must allow by hash).
std::string_view html_style();

/// The alignment as triples, for each pair of roots compared: a pol:Comparison
/// ({new document}/comparison/{old document's path}) with pol:oldVersion, pol:newVersion,
/// pol:addedUnit and pol:removedUnit; for each matched unit, pol:continues and pol:revises or
/// pol:unchangedFrom to its old unit and a pol:Continuation ({comparison}/continuation/N) with
/// pol:continuedUnit, pol:similarity (xsd:decimal), pol:changeKind and pol:inComparison. Throws
/// Error(Usage) when the two versions share unit IRIs (two versions of one file given the same
/// name): the alignment could not tell them apart.
std::vector<rdf::Triple> record(const Diff& diff, std::string_view base);

}  // namespace policykg::diff
