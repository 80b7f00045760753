// Private to rdf/: Turtle, N-Triples and N-Quads read with serd. Raptor's readers of these
// corrupt their heap on language tags over 255 characters and take minutes over many prefixes;
// raptor reads RDF/XML only.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "rdf/format.hpp"
#include "rdf/parser.hpp"
#include "rdf/term.hpp"

namespace policykg::rdf {

/// Called with the range of the text [from, to) before serd is given it, e.g. to check it and to
/// let go of what came before; what it throws stops the read.
using SerdPaging = std::function<void(std::size_t from, std::size_t to)>;

/// Reads `text` as below, giving each triple to `sink` in document order, with `paging` (when not
/// null) called before each piece. The Turtle nesting check is the caller's.
void read_with_serd(std::string_view text, Format format, std::string_view base, std::string_view where,
                    const TripleSink& sink, const SerdPaging* paging);

/// Reads `text` (already checked by check_text) in `format`, Turtle, N-Triples or N-Quads, against
/// `base` ("file:///" when empty). Turtle blank nodes get labels new to every call; N-Triples and
/// N-Quads labels are kept as written. Throws Error(Syntax) at "where:line:column" on bad syntax, an
/// undeclared prefix, a language tag that is not one (is_language_tag), a term longer than
/// kMaxTermBytes, or N-Quads in more than one graph (the model holds one; the graph name of
/// quads all in one graph is not kept).
std::vector<Triple> read_with_serd(std::string_view text, Format format, std::string_view base, std::string_view where);

}  // namespace policykg::rdf
