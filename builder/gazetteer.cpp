// Gazetteer loader: data/gazetteer/*.json into entities and known documents, checked for
// dangling parents and locations so that every IRI the builder emits is described.
#include "builder/gazetteer.hpp"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "rdf/error.hpp"

namespace policykg::builder {

std::string_view kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::Agency: return "Agency";
    case EntityKind::District: return "District";
    case EntityKind::Zone: return "Zone";
    case EntityKind::Region: return "Region";
    case EntityKind::Infrastructure: return "Infrastructure";
    case EntityKind::Event: return "Event";
  }
  return "Agency";
}

EntityKind kind_from_name(std::string_view name, const std::string& where) {
  if (name == "Agency") return EntityKind::Agency;
  if (name == "District") return EntityKind::District;
  if (name == "Zone") return EntityKind::Zone;
  if (name == "Region") return EntityKind::Region;
  if (name == "Infrastructure") return EntityKind::Infrastructure;
  if (name == "Event") return EntityKind::Event;
  throw Error(Error::Category::Input, where, "unknown entity kind '" + std::string(name) + "'");
}

namespace {

using nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key) {
  return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}
std::string string_or_empty(const json& j, const char* key) {
  return j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : std::string();
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
  Gazetteer g;
  std::set<std::string> ids;
  for (const char* name : {"agencies.json", "districts.json", "zones.json", "regions.json", "infrastructure.json"}) {
    auto file = dir / name;
    if (!std::filesystem::exists(file)) continue;
    std::ifstream in(file);
    try {
      json j = json::parse(in);
      EntityKind kind = kind_from_name(j.at("kind").get<std::string>(), file.string());
      for (const auto& e : j.at("entries")) {
        GazetteerEntity ent;
        ent.id = e.at("id").get<std::string>();
        ent.kind = kind;
        ent.name = e.at("name").get<std::string>();
        ent.aliases = strings(e, "aliases");
        for (auto& m : strings(e, "misspellings")) ent.aliases.push_back(std::move(m));
        ent.parent = string_or_empty(e, "parent");
        ent.located_in = string_or_empty(e, "located_in");
        if (!ids.insert(ent.id).second)
          throw Error(Error::Category::Input, file.string(), "entity '" + ent.id + "' listed twice");
        g.entities.push_back(std::move(ent));
      }
    } catch (const json::exception& ex) {
      throw Error(Error::Category::Input, file.string(), std::string("bad gazetteer: ") + ex.what());
    }
  }
  for (const auto& e : g.entities) {
    if (!e.parent.empty() && !ids.count(e.parent))
      throw Error(Error::Category::Input, (dir / "agencies.json").string(),
                  "'" + e.id + "' names an unlisted parent '" + e.parent + "'");
    if (!e.located_in.empty() && !ids.count(e.located_in))
      throw Error(Error::Category::Input, (dir / "zones.json").string(),
                  "'" + e.id + "' lies in an unlisted place '" + e.located_in + "'");
  }
  auto file = dir / "documents.json";
  if (std::filesystem::exists(file)) {
    std::ifstream in(file);
    try {
      json j = json::parse(in);
      if (j.contains("series"))
        for (const auto& s : j.at("series"))
          g.series.push_back({s.at("code").get<std::string>(), s.at("slug").get<std::string>(),
                              string_or_empty(s, "issuer"), string_or_empty(s, "type")});
      if (j.contains("documents"))
        for (const auto& d : j.at("documents")) {
          KnownDocument k;
          k.id = d.at("id").get<std::string>();
          k.identifier = string_or_empty(d, "identifier");
          k.title = string_or_empty(d, "title");
          k.aliases = strings(d, "aliases");
          k.type = d.contains("type") ? d.at("type").get<std::string>() : "Document";
          k.issuer = string_or_empty(d, "issuer");
          if (!k.issuer.empty() && !ids.count(k.issuer))
            throw Error(Error::Category::Input, file.string(), "'" + k.id + "' names an unlisted issuer");
          g.documents.push_back(std::move(k));
        }
    } catch (const json::exception& ex) {
      throw Error(Error::Category::Input, file.string(), std::string("bad gazetteer: ") + ex.what());
    }
  }
  return g;
}

const GazetteerEntity* Gazetteer::find(std::string_view id) const {
  for (const auto& e : entities)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace policykg::builder
