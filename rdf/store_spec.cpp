#include "rdf/store_spec.hpp"

#include "core/error.hpp"

namespace policykg::rdf {

namespace {
Error bad_spec(std::string_view spec, const std::string& why) {
  return Error(Error::Category::Usage, "store spec '" + std::string(spec) + "'", why);
}
}  // namespace

StoreSpec parse_store_spec(std::string_view spec) {
  StoreSpec out;
  if (spec.empty() || spec == "memory" || spec == "hashes") return out;
  auto colon = spec.find(':');
  if (colon == std::string_view::npos)
    throw bad_spec(spec, "unknown store kind; expected memory, sqlite:PATH, postgresql:... or virtuoso:...");
  auto kind = spec.substr(0, colon);
  auto rest = std::string(spec.substr(colon + 1));
  if (kind == "sqlite") {
    if (rest.empty()) throw bad_spec(spec, "sqlite needs a file path, as in sqlite:graph.db");
    out.kind = StoreSpec::Kind::Sqlite;
    out.location = rest;
    return out;
  }
  if (kind == "postgresql" || kind == "virtuoso") {
    // postgresql:DBNAME[,key=value...] with librdf's option names (host, port, user, password).
    out.kind = kind == "postgresql" ? StoreSpec::Kind::Postgresql : StoreSpec::Kind::Virtuoso;
    auto comma = rest.find(',');
    out.location = rest.substr(0, comma);
    if (out.location.empty()) throw bad_spec(spec, "needs a database name, as in " + std::string(kind) + ":kg,host=localhost");
    if (comma != std::string::npos) {
      std::string opts = rest.substr(comma + 1);
      std::string formatted;
      size_t start = 0;
      while (start <= opts.size()) {
        auto end = opts.find(',', start);
        auto pair = opts.substr(start, end == std::string::npos ? std::string::npos : end - start);
        auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0)
          throw bad_spec(spec, "option '" + pair + "' is not KEY=VALUE");
        if (pair.find('\'') != std::string::npos) throw bad_spec(spec, "option values may not contain quotes");
        if (!formatted.empty()) formatted += ",";
        formatted += pair.substr(0, eq) + "='" + pair.substr(eq + 1) + "'";
        if (end == std::string::npos) break;
        start = end + 1;
      }
      out.options = formatted;
    }
    return out;
  }
  throw bad_spec(spec, "unknown store kind '" + std::string(kind) + "'; expected memory, sqlite, postgresql or virtuoso");
}

}  // namespace policykg::rdf
