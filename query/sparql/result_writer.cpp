// Result writers: SPARQL 1.1 Query Results JSON, XML, CSV and TSV as the W3C specifies them, an
// aligned table for people, and graph results through rdf::serialize.
#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/utf8.hpp"
#include "query/prefixes.hpp"
#include "query/sparql/sparql.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::query {

namespace {

struct FormatInfo {
  ResultFormat format;
  std::string_view name, media;
};
constexpr std::array<FormatInfo, 8> kFormats{{
    {ResultFormat::Table, "table", "text/plain; charset=utf-8"},
    {ResultFormat::Json, "json", "application/sparql-results+json"},
    {ResultFormat::Xml, "xml", "application/sparql-results+xml"},
    {ResultFormat::Csv, "csv", "text/csv; charset=utf-8"},
    {ResultFormat::Tsv, "tsv", "text/tab-separated-values; charset=utf-8"},
    {ResultFormat::Turtle, "turtle", "text/turtle"},
    {ResultFormat::NTriples, "ntriples", "application/n-triples"},
    {ResultFormat::JsonLd, "jsonld", "application/ld+json"},
}};

bool is_graph_format(ResultFormat f) {
  return f == ResultFormat::Turtle || f == ResultFormat::NTriples || f == ResultFormat::JsonLd;
}

// Control characters XML 1.0 forbids (all of C0 but tab, line feed and carriage return) become
// U+FFFD, so that any literal gives a well-formed document.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// TSV cells are terms in Turtle/N-Triples syntax; plain integers, decimals and doubles stay bare.
std::string tsv_term(const rdf::Term& t) {
  if (t.is_literal() && t.lang.empty()) {
    const std::string xsd(rdf::kXsd);
    if (t.datatype == xsd + "integer" && !t.value.empty() &&
        t.value.find_first_not_of("+-0123456789") == std::string::npos)
      return t.value;
  }
  return t.to_ntriples();
}

// A cell for people: IRIs shortened with the predefined prefixes, literals as their text alone
// (line breaks as spaces); `raw` keeps the exact terms (<iri>, "text"@lang).
std::string table_cell(const rdf::Term& t, std::string_view base, bool raw) {
  if (t.is_iri()) return raw ? "<" + t.value + ">" : compact_iri(t.value, base);
  if (t.is_blank()) return "_:" + t.value;
  std::string v = t.value;
  std::replace(v.begin(), v.end(), '\n', ' ');
  if (raw && !t.lang.empty()) return "\"" + v + "\"@" + t.lang;
  return v;
}

// Display width in terminal columns: code points, wide East Asian characters counting two.
std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_step(s, i);
    width += len >= 3 ? 2 : 1;
    i += len;
  }
  return width;
}

std::string write_json(const Results& r) {
  nlohmann::ordered_json doc;
  doc["head"] = nlohmann::ordered_json::object();
  if (r.kind == rdf::QueryResult::Kind::Boolean) {
    doc["boolean"] = r.boolean;
    return doc.dump(2) + "\n";
  }
  doc["head"]["vars"] = r.variables;
  auto bindings = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json b = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      const auto& t = *row[i];
      nlohmann::ordered_json v;
      v["type"] = t.is_iri() ? "uri" : t.is_blank() ? "bnode" : "literal";
      v["value"] = t.value;
      if (!t.lang.empty()) v["xml:lang"] = t.lang;
      else if (t.is_literal() && !t.datatype.empty()) v["datatype"] = t.datatype;
      b[r.variables[i]] = std::move(v);
    }
    bindings.push_back(std::move(b));
  }
  doc["results"]["bindings"] = std::move(bindings);
  if (r.truncated) doc["policykg:truncated"] = true;
  return doc.dump(2) + "\n";
}

std::string write_xml(const Results& r) {
  auto text = [](std::string_view s) { return rdf::xml_escaped(s, rdf::XmlPlace::Content); };
  std::string out = "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n";
  if (r.kind == rdf::QueryResult::Kind::Boolean) {
    out += "  </head>\n  <boolean>" + std::string(r.boolean ? "true" : "false") + "</boolean>\n</sparql>\n";
    return out;
  }
  for (const auto& v : r.variables) out += "    <variable name=\"" + rdf::xml_escaped(v) + "\"/>\n";
  out += "  </head>\n  <results>\n";
  for (const auto& row : r.rows) {
    out += "    <result>\n";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) continue;
      const auto& t = *row[i];
      out += "      <binding name=\"" + rdf::xml_escaped(r.variables[i]) + "\">";
      if (t.is_iri()) out += "<uri>" + text(t.value) + "</uri>";
      else if (t.is_blank()) out += "<bnode>" + text(t.value) + "</bnode>";
      else if (!t.lang.empty()) out += "<literal xml:lang=\"" + rdf::xml_escaped(t.lang) + "\">" + text(t.value) + "</literal>";
      else if (!t.datatype.empty()) out += "<literal datatype=\"" + rdf::xml_escaped(t.datatype) + "\">" + text(t.value) + "</literal>";
      else out += "<literal>" + text(t.value) + "</literal>";
      out += "</binding>\n";
    }
    out += "    </result>\n";
  }
  return out + "  </results>\n</sparql>\n";
}

std::string write_separated(const Results& r, bool tsv) {
  const std::string sep = tsv ? "\t" : ",";
  const std::string eol = tsv ? "\n" : "\r\n";
  std::string out;
  for (std::size_t i = 0; i < r.variables.size(); ++i) out += (i ? sep : "") + (tsv ? "?" : "") + r.variables[i];
  out += eol;
  for (const auto& row : r.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += sep;
      if (!row[i]) continue;
      out += tsv ? tsv_term(*row[i]) : csv_field(row[i]->is_blank() ? "_:" + row[i]->value : row[i]->value);
    }
    out += eol;
  }
  return out;
}

std::string write_table(const Results& r, std::string_view base, bool raw) {
  if (r.kind == rdf::QueryResult::Kind::Boolean) return r.boolean ? "true\n" : "false\n";
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const auto& v : r.variables) widths.push_back(display_width(v) + 1);
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(row[i] ? table_cell(*row[i], base, raw) : "");
      widths[i] = std::max(widths[i], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto pad = [](const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, display_width(s)), ' '); };
  std::string out;
  for (std::size_t i = 0; i < r.variables.size(); ++i) out += (i ? " | " : "") + pad("?" + r.variables[i], widths[i]);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";
  for (std::size_t i = 0; i < widths.size(); ++i) out += (i ? "-+-" : "") + std::string(widths[i], '-');
  out += "\n";
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) text += (i ? " | " : "") + pad(line[i], widths[i]);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row" : " rows");
  if (r.truncated) out += " (truncated by --limit)";
  return out + "\n";
}

}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  if (name == "ttl") return ResultFormat::Turtle;
  if (name == "nt") return ResultFormat::NTriples;
  if (name == "json-ld") return ResultFormat::JsonLd;
  return std::nullopt;
}

std::string_view media_type(ResultFormat f) {
  return std::find_if(kFormats.begin(), kFormats.end(), [f](const auto& i) { return i.format == f; })->media;
}

std::string write_results(const Results& results, ResultFormat format, std::string_view base, bool raw) {
  if (results.kind == rdf::QueryResult::Kind::Graph) {
    switch (format) {
      case ResultFormat::Turtle: case ResultFormat::Table: return rdf::serialize(results.triples, rdf::Format::Turtle, base);
      case ResultFormat::NTriples: return rdf::serialize(results.triples, rdf::Format::NTriples, base);
      case ResultFormat::JsonLd: return rdf::serialize(results.triples, rdf::Format::JsonLd, base);
      default: throw Error(Error::Category::Usage, "--format", "a graph result is written as turtle, ntriples or jsonld");
    }
  }
  if (is_graph_format(format))
    throw Error(Error::Category::Usage, "--format", "variable bindings and booleans are written as table, json, xml, csv or tsv");
  switch (format) {
    case ResultFormat::Json: return write_json(results);
    case ResultFormat::Xml: return write_xml(results);
    case ResultFormat::Csv:
    case ResultFormat::Tsv:
      if (results.kind == rdf::QueryResult::Kind::Boolean)
        throw Error(Error::Category::Usage, "--format", "an ASK result has no CSV or TSV form; use json, xml or table");
      return write_separated(results, format == ResultFormat::Tsv);
    default: return write_table(results, base, raw);
  }
}

}  // namespace policykg::query
