// Reading SPARQL results XML and JSON (the suite's .srx and .srj files, and what the binary
// writes) and comparing them as the suite specifies: solutions as multisets with blank nodes
// matched up to renaming, order only under ORDER BY, graphs by isomorphism.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rdf/query_result.hpp"
#include "rdf/term.hpp"

namespace policykg::conformance {

/// Expected bindings or boolean from a .srx or .srj file.
rdf::QueryResult read_result_file(const std::filesystem::path& file);
/// Bindings or boolean from SPARQL results XML or JSON text; throws on JSON that does not parse.
enum class ResultSyntax { Xml, Json };
rdf::QueryResult read_result_text(const std::string& text, ResultSyntax syntax);

/// Whether two solution sequences are equal up to blank node renaming; `ordered` compares them
/// position by position.
bool same_solutions(const rdf::QueryResult& expected, const rdf::QueryResult& actual, bool ordered);

/// Whether two graphs are isomorphic (blank nodes matched up to renaming).
bool isomorphic(const std::vector<rdf::Triple>& a, const std::vector<rdf::Triple>& b);

}  // namespace policykg::conformance
