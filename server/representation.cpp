#include "server/representation.hpp"

#include <cctype>

#include "rdf/model.hpp"
#include "server/content_negotiation.hpp"
#include "server/iri_map.hpp"

namespace policykg::server {

std::optional<Representation> choose_representation(const httplib::Request& req, bool with_html) {
  // Turtle first: clients that accept anything get data, browsers ask for text/html by name.
  std::vector<std::string_view> offers = {"text/turtle", "application/x-turtle", "application/n-triples",
                                          "application/ld+json", "application/rdf+xml"};
  std::vector<Representation> reps = {{false, rdf::Format::Turtle}, {false, rdf::Format::Turtle},
                                      {false, rdf::Format::NTriples}, {false, rdf::Format::JsonLd},
                                      {false, rdf::Format::RdfXml}};
  if (with_html) {
    offers.insert(offers.end(), {"text/html", "application/xhtml+xml"});
    reps.insert(reps.end(), {{true, {}}, {true, {}}});
  }
  auto chosen = negotiate(req.get_header_value("Accept"), offers);
  if (!chosen) return std::nullopt;
  return reps[*chosen];
}

std::string content_type(const Representation& r) {
  if (r.html) return "text/html; charset=utf-8";
  std::string type(rdf::media_type(r.format));
  if (r.format == rdf::Format::Turtle || r.format == rdf::Format::NTriples) type += "; charset=utf-8";
  return type;
}

void set_alternates(httplib::Response& res, const std::string& html_path,
                    const std::string& data_path_without_extension) {
  std::string link;
  auto add = [&link](const std::string& href, std::string_view type) {
    if (!link.empty()) link += ", ";
    link += "<" + href + ">; rel=\"alternate\"; type=\"" + std::string(type) + "\"";
  };
  if (!html_path.empty()) add(html_path, "text/html");
  for (auto f : kMachineFormats)
    add(data_path_without_extension + "." + std::string(served_extension(f)), rdf::media_type(f));
  res.set_header("Link", link);
}

void send_triples(httplib::Response& res, const std::vector<rdf::Triple>& triples, rdf::Format format,
                  const std::string& base) {
  res.set_content(rdf::serialize(triples, format, base), content_type({false, format}));
}

void send_error(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(std::string(message) + "\n", "text/plain; charset=utf-8");
}

void send_not_acceptable(httplib::Response& res, std::string_view available) {
  send_error(res, 406, "Not Acceptable: available as " + std::string(available));
}

std::string origin(const httplib::Request& req) {
  std::string host = req.get_header_value("Host");
  if (host.empty()) host = req.local_addr + ":" + std::to_string(req.local_port);
  // A Host header is only trusted as far as it looks like host[:port].
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' || c == '[' || c == ']'))
      return "http://" + req.local_addr + ":" + std::to_string(req.local_port);
  return "http://" + host;
}

}  // namespace policykg::server
