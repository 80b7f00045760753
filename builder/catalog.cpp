// Catalogue (see the header): a JSON object whose "documents" array holds one object per file.
#include "builder/catalog.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace policykg::builder {

namespace {

using nlohmann::json;

std::string text_field(const json& entry, const char* key, const std::string& where) {
  if (!entry.contains(key) || entry.at(key).is_null()) return {};
  if (!entry.at(key).is_string()) throw Error(Error::Category::Input, where, std::string("\"") + key + "\" is not a string");
  return entry.at(key).get<std::string>();
}

bool is_hex_digest(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1)
    throw Error(Error::Category::Internal, "sha256", "digest failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

Catalog Catalog::load_beside(const std::filesystem::path& dir) {
  const std::filesystem::path file = dir / kCatalogFile;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error(Error::Category::Io, file.string(), "cannot read the catalogue");
  return parse(text.str(), file.string());
}

Catalog Catalog::parse(std::string_view text, const std::string& name) {
  Catalog c;
  c.name_ = name;
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw Error(Error::Category::Input, Place::in(name, text, e.byte > 0 ? e.byte - 1 : 0), "bad JSON in the catalogue");
  }
  if (!j.is_object() || !j.contains("documents") || !j.at("documents").is_array())
    throw Error(Error::Category::Input, name, "a catalogue is an object with a \"documents\" array");
  std::size_t n = 0;
  for (const auto& entry : j.at("documents")) {
    const std::string where = name + ": documents[" + std::to_string(n++) + "]";
    if (!entry.is_object()) throw Error(Error::Category::Input, where, "an entry is an object");
    CatalogEntry e;
    e.file = text_field(entry, "file", where);
    e.source = text_field(entry, "source", where);
    e.title = text_field(entry, "title", where);
    e.language = text_field(entry, "language", where);
    e.retrieval = text_field(entry, "retrieval", where);
    e.sha256 = text_field(entry, "sha256", where);
    if (e.file.empty() || e.file.find('/') != std::string::npos)
      throw Error(Error::Category::Input, where, "\"file\" must name a file of the folder");
    if (!e.sha256.empty() && !is_hex_digest(e.sha256))
      throw Error(Error::Category::Input, where, "\"sha256\" must be 64 lower-case hex digits");
    if (e.language.empty()) e.language = "en";
    const std::string file = e.file;
    if (!c.entries_.emplace(file, std::move(e)).second)
      throw Error(Error::Category::Input, where, "\"" + file + "\" is listed twice");
  }
  return c;
}

const CatalogEntry* Catalog::find(const std::string& file) const {
  auto it = entries_.find(file);
  return it == entries_.end() ? nullptr : &it->second;
}

void Catalog::check(const std::filesystem::path& path, const std::string& digest) const {
  const CatalogEntry* e = find(path.filename().string());
  if (e == nullptr || e->sha256.empty() || e->sha256 == digest) return;
  throw Error(Error::Category::Input, path.string(),
              "sha256 " + digest + " differs from " + e->sha256 + " in " + name_ + " (the text changed, or the catalogue is stale)");
}

}  // namespace policykg::builder
