#include "tests/conformance/result_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "tests/conformance/suite.hpp"

namespace policykg::conformance {

namespace {

using Row = std::vector<std::optional<rdf::Term>>;

std::string unescape_xml(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    auto semi = s.find(';', i);
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      unsigned long cp = ent[1] == 'x' ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                       : std::stoul(std::string(ent.substr(1)));
      policykg::utf8_append(out, static_cast<char32_t>(cp));
    }
    i = semi;
  }
  return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = std::string(name) + "=";
  auto at = tag.find(key);
  while (at != std::string_view::npos && at > 0 && tag[at - 1] != ' ' && tag[at - 1] != '\n' && tag[at - 1] != '\t')
    at = tag.find(key, at + 1);
  if (at == std::string_view::npos) return {};
  char q = tag[at + key.size()];
  auto end = tag.find(q, at + key.size() + 1);
  return unescape_xml(tag.substr(at + key.size() + 1, end - at - key.size() - 1));
}

rdf::Term normalise(rdf::Term t) {
  if (t.is_literal() && t.datatype == std::string(rdf::kXsd) + "string") t.datatype.clear();
  for (auto& c : t.lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

rdf::QueryResult read_srx(const std::string& text) {
  rdf::QueryResult r;
  auto boolean = text.find("<boolean>");
  if (boolean != std::string::npos) {
    r.kind = rdf::QueryResult::Kind::Boolean;
    r.boolean = text.compare(boolean + 9, 4, "true") == 0;
    return r;
  }
  std::size_t pos = 0;
  while ((pos = text.find("<variable", pos)) != std::string::npos) {
    auto end = text.find('>', pos);
    r.variables.push_back(attribute(std::string_view(text).substr(pos, end - pos), "name"));
    pos = end;
  }
  pos = 0;
  while ((pos = text.find("<result", pos)) != std::string::npos) {
    if (text.compare(pos, 8, "<results") == 0) {
      pos += 8;
      continue;
    }
    auto tag_end = text.find('>', pos);
    Row row(r.variables.size());
    if (text[tag_end - 1] == '/') {
      r.rows.push_back(row);
      pos = tag_end;
      continue;
    }
    auto end = text.find("</result>", pos);
    std::size_t b = pos;
    while ((b = text.find("<binding", b)) != std::string::npos && b < end) {
      auto btag_end = text.find('>', b);
      std::string name = attribute(std::string_view(text).substr(b, btag_end - b), "name");
      auto close = text.find("</binding>", btag_end);
      std::string_view inner = std::string_view(text).substr(btag_end + 1, close - btag_end - 1);
      auto lt = inner.find('<');
      auto gt = inner.find('>', lt);
      std::string_view tag = inner.substr(lt, gt - lt + 1);
      rdf::Term t;
      bool self_closing = tag.size() > 1 && tag[tag.size() - 2] == '/';
      std::string content;
      if (!self_closing) {
        auto cend = inner.rfind("</");
        content = unescape_xml(inner.substr(gt + 1, cend - gt - 1));
      }
      if (tag.rfind("<uri", 0) == 0) t = rdf::Term::iri(content);
      else if (tag.rfind("<bnode", 0) == 0) t = rdf::Term::blank(content);
      else {
        t = rdf::Term::literal(content);
        t.lang = attribute(tag, "xml:lang");
        t.datatype = attribute(tag, "datatype");
      }
      auto it = std::find(r.variables.begin(), r.variables.end(), name);
      if (it != r.variables.end()) row[static_cast<std::size_t>(it - r.variables.begin())] = normalise(t);
      b = close;
    }
    r.rows.push_back(std::move(row));
    pos = end;
  }
  return r;
}

rdf::QueryResult read_srj(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  rdf::QueryResult r;
  if (j.contains("boolean")) {
    r.kind = rdf::QueryResult::Kind::Boolean;
    r.boolean = j["boolean"].get<bool>();
    return r;
  }
  for (const auto& v : j["head"]["vars"]) r.variables.push_back(v.get<std::string>());
  for (const auto& b : j["results"]["bindings"]) {
    Row row(r.variables.size());
    for (std::size_t i = 0; i < r.variables.size(); ++i) {
      if (!b.contains(r.variables[i])) continue;
      const auto& v = b[r.variables[i]];
      std::string type = v["type"], value = v["value"];
      rdf::Term t;
      if (type == "uri") t = rdf::Term::iri(value);
      else if (type == "bnode") t = rdf::Term::blank(value);
      else {
        t = rdf::Term::literal(value);
        if (v.contains("xml:lang")) t.lang = v["xml:lang"];
        if (v.contains("datatype")) t.datatype = v["datatype"];
      }
      row[i] = normalise(t);
    }
    r.rows.push_back(std::move(row));
  }
  return r;
}

// Numbers of one datatype compare by value: the suite's files write "1.0E2" where an engine may
// write "100.0E0" or keep the data's "1E2", and both are the same literal value.
bool same_number(const rdf::Term& a, const rdf::Term& b) {
  static const std::set<std::string> numeric = {std::string(rdf::kXsd) + "integer", std::string(rdf::kXsd) + "decimal",
                                                std::string(rdf::kXsd) + "double", std::string(rdf::kXsd) + "float"};
  if (!a.is_literal() || !b.is_literal() || a.datatype != b.datatype || !numeric.count(a.datatype)) return false;
  char* end_a = nullptr;
  char* end_b = nullptr;
  double x = std::strtod(a.value.c_str(), &end_a), y = std::strtod(b.value.c_str(), &end_b);
  return *end_a == '\0' && *end_b == '\0' && x == y;
}

bool term_match(const std::optional<rdf::Term>& a, const std::optional<rdf::Term>& b,
                std::map<std::string, std::string>& map, std::map<std::string, std::string>& back) {
  if (!a || !b) return !a && !b;
  if (a->is_blank() != b->is_blank()) return false;
  if (!a->is_blank()) return *a == *b || same_number(*a, *b);
  auto f = map.find(a->value);
  auto r = back.find(b->value);
  if (f == map.end() && r == back.end()) {
    map[a->value] = b->value;
    back[b->value] = a->value;
    return true;
  }
  return f != map.end() && f->second == b->value;
}

template <class Item, class MatchFn>
bool match_all(const std::vector<Item>& exp, const std::vector<Item>& act, bool ordered, MatchFn match) {
  if (exp.size() != act.size()) return false;
  std::vector<bool> used(act.size(), false);
  std::map<std::string, std::string> map, back;
  std::function<bool(std::size_t)> go = [&](std::size_t i) -> bool {
    if (i == exp.size()) return true;
    for (std::size_t j = ordered ? i : 0; j < (ordered ? i + 1 : act.size()); ++j) {
      if (used[j]) continue;
      auto saved_map = map;
      auto saved_back = back;
      if (match(exp[i], act[j], map, back)) {
        used[j] = true;
        if (go(i + 1)) return true;
        used[j] = false;
      }
      map = std::move(saved_map);
      back = std::move(saved_back);
    }
    return false;
  };
  return go(0);
}

}  // namespace

rdf::QueryResult read_result_file(const std::filesystem::path& file) {
  auto ext = file.extension().string();
  if (ext != ".srx" && ext != ".srj") throw std::runtime_error("unsupported result file " + file.string());
  return read_result_text(slurp(file), ext == ".srx" ? ResultSyntax::Xml : ResultSyntax::Json);
}

rdf::QueryResult read_result_text(const std::string& text, ResultSyntax syntax) {
  return syntax == ResultSyntax::Xml ? read_srx(text) : read_srj(text);
}

bool same_solutions(const rdf::QueryResult& expected, const rdf::QueryResult& actual, bool ordered) {
  if (expected.kind != actual.kind) return false;
  if (expected.kind == rdf::QueryResult::Kind::Boolean) return expected.boolean == actual.boolean;
  // align the actual columns on the expected variables
  std::vector<Row> exp = expected.rows, act;
  for (const auto& row : actual.rows) {
    Row r(expected.variables.size());
    for (std::size_t i = 0; i < expected.variables.size(); ++i) {
      auto it = std::find(actual.variables.begin(), actual.variables.end(), expected.variables[i]);
      if (it != actual.variables.end()) r[i] = row[static_cast<std::size_t>(it - actual.variables.begin())];
    }
    act.push_back(std::move(r));
  }
  for (const auto& v : actual.variables)
    if (std::find(expected.variables.begin(), expected.variables.end(), v) == expected.variables.end()) {
      // a variable the expected results do not list must be unbound everywhere
      auto idx = static_cast<std::size_t>(std::find(actual.variables.begin(), actual.variables.end(), v) - actual.variables.begin());
      for (const auto& row : actual.rows)
        if (row[idx]) return false;
    }
  auto row_match = [](const Row& a, const Row& b, auto& map, auto& back) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!term_match(a[i], b[i], map, back)) return false;
    return true;
  };
  return match_all(exp, act, ordered, row_match);
}

bool isomorphic(const std::vector<rdf::Triple>& a, const std::vector<rdf::Triple>& b) {
  std::set<rdf::Triple> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  std::vector<rdf::Triple> va(sa.begin(), sa.end()), vb(sb.begin(), sb.end());
  auto triple_match = [](const rdf::Triple& x, const rdf::Triple& y, auto& map, auto& back) {
    return term_match(x.s, y.s, map, back) && term_match(x.p, y.p, map, back) && term_match(normalise(x.o), normalise(y.o), map, back);
  };
  return match_all(va, vb, false, triple_match);
}

}  // namespace policykg::conformance
