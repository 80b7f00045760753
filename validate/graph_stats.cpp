#include "validate/graph_stats.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "validate/prefixed_name.hpp"
#include "validate/shacl_vocabulary.hpp"

namespace policykg::validate {

namespace {

std::vector<Count> ranked(const std::map<std::string, std::size_t>& counts) {
  std::vector<Count> out;
  for (const auto& [iri, n] : counts) out.push_back({iri, n});
  std::stable_sort(out.begin(), out.end(), [](const Count& a, const Count& b) { return a.count > b.count; });
  return out;
}

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

}  // namespace

GraphStats graph_stats(const rdf::Model& model) {
  GraphStats stats;
  std::map<std::string, std::size_t> classes, properties;
  std::set<rdf::Term> subjects, typed;
  model.match({}, [&](const rdf::Triple& t) {
    ++stats.triples;
    subjects.insert(t.s);
    ++properties[t.p.value];
    if (t.p.value == sh::rdf_type && !t.o.is_literal()) {
      ++classes[t.o.value];
      typed.insert(t.s);
    }
    return true;
  });
  stats.subjects = subjects.size();
  stats.instances = typed.size();
  stats.classes = ranked(classes);
  stats.properties = ranked(properties);
  return stats;
}

std::string to_table(const GraphStats& stats, std::string_view base) {
  std::string out;
  out += "triples    " + std::to_string(stats.triples) + "\n";
  out += "subjects   " + std::to_string(stats.subjects) + "\n";
  out += "instances  " + std::to_string(stats.instances) + "\n";
  auto section = [&](const char* title, const std::vector<Count>& counts) {
    std::size_t width = 1;
    for (const auto& c : counts) width = std::max(width, std::to_string(c.count).size());
    out += "\n";
    out += title;
    out += " (" + std::to_string(counts.size()) + ")\n";
    for (const auto& c : counts) out += "  " + pad_left(std::to_string(c.count), width) + "  " + prefixed_name(c.iri, base) + "\n";
  };
  section("classes", stats.classes);
  section("properties", stats.properties);
  return out;
}

nlohmann::ordered_json to_json(const GraphStats& stats) {
  nlohmann::ordered_json j;
  j["triples"] = stats.triples;
  j["subjects"] = stats.subjects;
  j["instances"] = stats.instances;
  auto list = [](const std::vector<Count>& counts) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& c : counts) a.push_back({{"iri", c.iri}, {"count", c.count}});
    return a;
  };
  j["classes"] = list(stats.classes);
  j["properties"] = list(stats.properties);
  return j;
}

}  // namespace policykg::validate
