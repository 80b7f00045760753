// Gazetteer: the entities and documents the builder knows by name, read from data/gazetteer/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace policykg::builder {

enum class EntityKind { Agency, District, Zone, Region, Infrastructure, Event, Programme };

/// The pol: class local name of a kind ("Agency", ...), and back (throws on an unknown name).
std::string_view kind_name(EntityKind kind);
EntityKind kind_from_name(std::string_view name, const std::string& where);

struct GazetteerEntity {
  std::string id;  ///< IRI path under the instance base: "district/haidian"
  EntityKind kind = EntityKind::Agency;
  std::string name;
  std::vector<std::string> aliases;  ///< other names and misspellings
  std::string parent;                ///< agency id (org:subOrganizationOf)
  std::string located_in;            ///< place id (pol:locatedIn), zones only
  std::string name_zh;               ///< official Chinese name (skos:prefLabel@zh), districts so far
  std::string wikidata;              ///< Wikidata item ("Q956"): skos:exactMatch its entity IRI
};

struct KnownDocument {
  std::string id;  ///< "doc/state-council-2015-81"
  std::string identifier;
  std::string title;
  std::vector<std::string> aliases;
  std::string type;  ///< OfficialReply, Plan or Document
  std::string issuer;
};

/// A document-number prefix ("Guo Han") and what it says about the document.
struct DocumentSeries {
  std::string code;
  std::string slug;
  std::string issuer;
  std::string type;
};

struct Gazetteer {
  std::vector<GazetteerEntity> entities;
  std::vector<KnownDocument> documents;
  std::vector<DocumentSeries> series;

  /// Reads agencies.json, districts.json, zones.json, regions.json, infrastructure.json and documents.json (each
  /// optional) and checks that every parent and location is listed; throws
  /// policykg::Error(Input) naming the file, and the line, column and key of an unknown key, a key
  /// given twice or a value of the wrong type.
  static Gazetteer load(const std::filesystem::path& dir);
  const GazetteerEntity* find(std::string_view id) const;
};

}  // namespace policykg::builder
