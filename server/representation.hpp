// Choosing and writing a resource's representation: the machine formats and HTML by Accept,
// Vary and Link headers, error bodies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/message.hpp"

#include "rdf/format.hpp"
#include "rdf/term.hpp"

namespace policykg::server {

/// A representation: HTML or one of the machine formats.
struct Representation {
  bool html = false;
  rdf::Format format = rdf::Format::Turtle;
};

/// The representation the request's Accept header prefers among Turtle, N-Triples, JSON-LD,
/// RDF/XML (and HTML when `with_html`); nullopt when it accepts none of them.
std::optional<Representation> choose_representation(const Request& req, bool with_html);

/// The media type of a representation ("text/html; charset=utf-8", "text/turtle", ...).
std::string content_type(const Representation& r);

/// Sets "Link: <href>; rel=alternate; type=..." for every representation of a resource;
/// `path_of` gives the path of each (nullopt for HTML: no HTML alternate).
void set_alternates(Response& res, const std::string& html_path,
                    const std::string& data_path_without_extension);

/// Serialises `triples` in `format` as the response body.
void send_triples(Response& res, const std::vector<rdf::Triple>& triples, rdf::Format format,
                  const std::string& base);

/// A plain-text error: status and one line.
void send_error(Response& res, int status, std::string_view message);
/// 406 listing what the resource is available as.
void send_not_acceptable(Response& res, std::string_view available);

/// " 'sha256-…'" for the text of every inline <tag> element of `page` ("script", "style"), as a
/// Content-Security-Policy source list allowing exactly those; scripts that hold data
/// (type="application/json") are not run and need none.
std::string inline_hashes(std::string_view page, std::string_view tag);

/// "http://host:port" as the client addressed the server (Host header), for absolute links.
std::string origin(const Request& req);

}  // namespace policykg::server
