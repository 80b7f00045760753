#include "server/representation.hpp"

#include <openssl/evp.h>

#include <cctype>

#include "rdf/model.hpp"
#include "server/content_negotiation.hpp"
#include "server/iri_map.hpp"

namespace policykg::server {

std::optional<Representation> choose_representation(const Request& req, bool with_html) {
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

void set_alternates(Response& res, const std::string& html_path,
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

void send_triples(Response& res, const std::vector<rdf::Triple>& triples, rdf::Format format,
                  const std::string& base) {
  res.set_content(rdf::serialize(triples, format, base), content_type({false, format}));
}

void send_error(Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(std::string(message) + "\n", "text/plain; charset=utf-8");
}

void send_not_acceptable(Response& res, std::string_view available) {
  send_error(res, 406, "Not Acceptable: available as " + std::string(available));
}

std::string origin(const Request& req) {
  std::string host = req.get_header_value("Host");
  if (host.empty()) host = req.local_addr + ":" + std::to_string(req.local_port);
  // A Host header is only trusted as far as it looks like host[:port].
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' || c == '[' || c == ']'))
      return "http://" + req.local_addr + ":" + std::to_string(req.local_port);
  return "http://" + host;
}

namespace {

std::string sha256_base64(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  unsigned char out[4 * EVP_MAX_MD_SIZE / 3 + 4];
  int n = EVP_EncodeBlock(out, digest, static_cast<int>(size));
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// The text as the browser hashes it: an HTML parser reads CR LF and a lone CR as LF.
std::string as_parsed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 == text.size() || text[i + 1] != '\n') out += '\n';
  }
  return out;
}

}  // namespace

std::string inline_hashes(std::string_view page, std::string_view tag) {
  std::string sources;
  const std::string open = "<" + std::string(tag), close = "</" + std::string(tag) + ">";
  for (std::size_t at = page.find(open); at != std::string_view::npos; at = page.find(open, at)) {
    std::size_t start = page.find('>', at);
    std::size_t end = start == std::string_view::npos ? start : page.find(close, start);
    if (end == std::string_view::npos) break;
    std::string_view opening = page.substr(at, start - at);
    if (opening.find("src=") == std::string_view::npos && opening.find("application/json") == std::string_view::npos)
      sources += " 'sha256-" + sha256_base64(as_parsed(page.substr(start + 1, end - start - 1))) + "'";
    at = end + close.size();
  }
  return sources;
}

}  // namespace policykg::server
