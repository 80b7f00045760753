// The HTML the server writes: escaping, the common page frame, and terms as links (instance IRIs
// to their pages, ontology terms to the ontology's documentation, other IRIs as they are).
#pragma once

#include <string>
#include <string_view>

#include "rdf/term.hpp"
#include "server/graph_snapshot.hpp"
#include "server/iri_map.hpp"

namespace policykg::server {

/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view s);
/// Percent-encodes everything but RFC 3986's unreserved characters: for a query parameter.
std::string url_encode(std::string_view s);
/// An http: or https: IRI (any case): the only ones the pages turn into links.
bool is_web_iri(std::string_view iri);

/// A complete page: title, the site's navigation, `body` (HTML) and `head` (extra HTML for <head>).
std::string html_page(std::string_view title, std::string_view body, std::string_view head = {});

/// Writes terms as HTML with readable names from the data and the ontology.
class Linker {
 public:
  Linker(const IriMap& map, const GraphSnapshot& data, const GraphSnapshot& ontology)
      : map_(map), data_(data), ontology_(ontology) {}
  /// The readable name of an IRI: its label, else its compact form.
  std::string name(std::string_view iri) const;
  /// Where a link to `iri` points: its local path when the server publishes it, else the IRI.
  std::string href(std::string_view iri) const;
  /// An IRI as an <a> with its name; blank nodes and literals as text (literals with their
  /// language or datatype).
  std::string term(const rdf::Term& t) const;
  const IriMap& map() const { return map_; }

 private:
  const IriMap& map_;
  const GraphSnapshot& data_;
  const GraphSnapshot& ontology_;
};

}  // namespace policykg::server
