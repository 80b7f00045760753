// Gazetteer loader: data/gazetteer/*.json into entities and known documents, checked for
// dangling parents and locations so that every IRI the builder emits is described. Files are read
// strictly (builder/json_file.hpp): an unknown key or a value of the wrong type is an error at its
// file, line and column.
#include "builder/gazetteer.hpp"

#include <algorithm>
#include <set>

#include "builder/json_file.hpp"
#include "core/error.hpp"

namespace policykg::builder {

std::string_view kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::Agency: return "Agency";
    case EntityKind::District: return "District";
    case EntityKind::Zone: return "Zone";
    case EntityKind::Region: return "Region";
    case EntityKind::Infrastructure: return "Infrastructure";
    case EntityKind::Event: return "Event";
    case EntityKind::Programme: return "Programme";
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
  if (name == "Programme") return EntityKind::Programme;
  throw Error(Error::Category::Input, where, "unknown entity kind '" + std::string(name) + "'");
}

Gazetteer Gazetteer::load(const std::filesystem::path& dir) {
  Gazetteer g;
  std::set<std::string> ids;
  for (const char* name : {"agencies.json", "districts.json", "zones.json", "regions.json", "infrastructure.json"}) {
    auto path = dir / name;
    if (!std::filesystem::exists(path)) continue;
    const JsonFile file(path);
    JsonObject j = file.root();
    const JsonValue kind_value = j.at("kind");
    const std::string kind_text = kind_value.as_string();
    EntityKind kind{};
    try {
      kind = kind_from_name(kind_text, path.string());
    } catch (const Error& e) {
      kind_value.fail(e.what());
    }
    for (const JsonValue& v : j.at("entries").as_array()) {
      JsonObject e(v);
      GazetteerEntity ent;
      const JsonValue id = e.at("id");
      ent.id = id.as_string();
      ent.kind = kind;
      ent.name = e.at("name").as_string();
      e.get("aliases", ent.aliases);
      std::vector<std::string> misspellings;
      e.get("misspellings", misspellings);
      for (auto& m : misspellings) ent.aliases.push_back(std::move(m));
      e.get("parent", ent.parent);
      e.get("located_in", ent.located_in);
      e.get("name_zh", ent.name_zh);
      if (e.has("wikidata")) {
        const JsonValue item = e.at("wikidata");
        ent.wikidata = item.as_string();
        if (ent.wikidata.size() < 2 || ent.wikidata[0] != 'Q' || ent.wikidata[1] == '0' ||
            !std::all_of(ent.wikidata.begin() + 1, ent.wikidata.end(), [](char c) { return c >= '0' && c <= '9'; }))
          item.fail("a Wikidata item is Q and a number (\"Q956\"), not '" + ent.wikidata + "'");
        // The stored Wikidata page that confirms the item: checked here, kept in the file only.
        const JsonValue source = e.at("wikidata_source");
        if (const std::string page = source.as_string(); !page.starts_with("https://www.wikidata.org/"))
          source.fail("the page that confirms the item is a www.wikidata.org page, not '" + page + "'");
      } else if (e.has("wikidata_source")) {
        e.at("wikidata_source").fail("a source without a \"wikidata\" item");
      }
      e.finish();
      if (!ids.insert(ent.id).second) id.fail("entity '" + ent.id + "' listed twice");
      g.entities.push_back(std::move(ent));
    }
    j.finish();
  }
  for (const auto& e : g.entities) {
    if (!e.parent.empty() && !ids.count(e.parent))
      throw Error(Error::Category::Input, (dir / "agencies.json").string(),
                  "'" + e.id + "' names an unlisted parent '" + e.parent + "'");
    if (!e.located_in.empty() && !ids.count(e.located_in))
      throw Error(Error::Category::Input, (dir / "zones.json").string(),
                  "'" + e.id + "' lies in an unlisted place '" + e.located_in + "'");
  }
  auto path = dir / "documents.json";
  if (std::filesystem::exists(path)) {
    const JsonFile file(path);
    JsonObject j = file.root();
    for (const JsonValue& v : j.array("series")) {
      JsonObject s(v);
      DocumentSeries series{s.at("code").as_string(), s.at("slug").as_string(), {}, {}};
      s.get("issuer", series.issuer);
      s.get("type", series.type);
      s.finish();
      g.series.push_back(std::move(series));
    }
    for (const JsonValue& v : j.array("documents")) {
      JsonObject d(v);
      KnownDocument k;
      k.id = d.at("id").as_string();
      d.get("identifier", k.identifier);
      d.get("title", k.title);
      d.get("aliases", k.aliases);
      k.type = "Document";
      d.get("type", k.type);
      d.get("issuer", k.issuer);
      d.finish();
      if (!k.issuer.empty() && !ids.count(k.issuer)) d.at("issuer").fail("'" + k.id + "' names an unlisted issuer");
      g.documents.push_back(std::move(k));
    }
    j.finish();
  }
  return g;
}

const GazetteerEntity* Gazetteer::find(std::string_view id) const {
  for (const auto& e : entities)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace policykg::builder
