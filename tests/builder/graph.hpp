// Test helper: a built graph with lookups by subject, predicate and object (IRI paths under the
// default base may be written "id:doc/...", terms "pol:Measure").
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "builder/builder.hpp"
#include "builder/gazetteer.hpp"
#include "builder/rules.hpp"
#include "ontology/terms.hpp"
#include "rdf/term.hpp"

namespace policykg::test {

inline std::string expand(const std::string& s) {
  if (s.rfind("id:", 0) == 0) return std::string(ns::kDefaultBase) + s.substr(3);
  if (s.rfind("pol:", 0) == 0) return ns::pol(s.substr(4));
  if (s == "a") return std::string(std_terms::rdf_type);
  return s;
}

struct Graph {
  std::vector<rdf::Triple> triples;

  std::vector<rdf::Term> objects(const std::string& s, const std::string& p) const {
    std::vector<rdf::Term> out;
    const std::string subject = expand(s), predicate = expand(p);
    for (const auto& t : triples)
      if (t.s.value == subject && t.p.value == predicate) out.push_back(t.o);
    return out;
  }
  std::set<std::string> object_values(const std::string& s, const std::string& p) const {
    std::set<std::string> out;
    for (const auto& o : objects(s, p)) out.insert(o.value);
    return out;
  }
  std::string one(const std::string& s, const std::string& p) const {
    auto os = objects(s, p);
    return os.size() == 1 ? os.front().value : std::string("<" + std::to_string(os.size()) + " values>");
  }
  bool has(const std::string& s, const std::string& p, const std::string& o) const {
    return object_values(s, p).count(expand(o)) > 0;
  }
  std::vector<std::string> of_type(const std::string& cls) const {
    std::vector<std::string> out;
    const std::string type = expand(cls);
    for (const auto& t : triples)
      if (t.p.value == std_terms::rdf_type && t.o.value == type) out.push_back(t.s.value);
    return out;
  }
  std::vector<std::string> subjects(const std::string& p, const std::string& o) const {
    std::vector<std::string> out;
    const std::string predicate = expand(p), object = expand(o);
    for (const auto& t : triples)
      if (t.p.value == predicate && t.o.value == object) out.push_back(t.s.value);
    return out;
  }
};

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path source_dir() { return POLICYKG_SOURCE_DIR; }
inline std::filesystem::path seed_file() {
  return source_dir() / "data/documents/state-council-reply-2019-beijing-service-sector-plan.txt";
}
inline std::filesystem::path test_data(const std::string& name) { return source_dir() / "tests/builder/data" / name; }
/// The project's rules and gazetteer (data/rules, data/gazetteer), loaded once.
inline const builder::Rules& project_rules() {
  static const builder::Rules rules = builder::Rules::load(source_dir() / "data/rules");
  return rules;
}
inline const builder::Gazetteer& project_gazetteer() {
  static const builder::Gazetteer gazetteer = builder::Gazetteer::load(source_dir() / "data/gazetteer");
  return gazetteer;
}

inline Graph build(const std::vector<std::filesystem::path>& files) { return Graph{builder::build_files(files)}; }
inline Graph build_string(const std::string& text, const std::string& name = "test.txt") {
  return Graph{builder::build_text(text, name)};
}

/// Code points of a UTF-8 string.
inline std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

/// Every unit's offsets reproduce its text: returns the number of units checked, -1 on a mismatch.
inline long check_offsets(const Graph& g, const std::string& text) {
  std::u32string cps = decode(text);
  const std::string text_predicate = ns::pol("text");
  long n = 0;
  for (const auto& t : g.triples) {
    if (t.p.value != text_predicate) continue;
    std::size_t start = std::stoul(g.one(t.s.value, "pol:sourceStart"));
    std::size_t end = std::stoul(g.one(t.s.value, "pol:sourceEnd"));
    if (end > cps.size() || start > end || cps.substr(start, end - start) != decode(t.o.value)) return -1;
    ++n;
  }
  return n;
}

}  // namespace policykg::test
