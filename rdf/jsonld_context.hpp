// A JSON-LD context reduced to what policykg reads and writes: prefixes and term definitions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace policykg::rdf {

struct TermDefinition {
  std::string iri;
  std::string type;      ///< "@id", a datatype IRI (expanded), or empty
  std::string language;  ///< language of plain strings under this term, or empty
};

class JsonLdContext {
 public:
  /// `context` is the value of "@context" (an object). Throws Error(Syntax) naming `where`.
  JsonLdContext(const nlohmann::json& context, std::string_view where);

  /// Expands a term, compact IRI or absolute IRI; `vocab` says whether terms apply (keys, @type).
  std::string expand(std::string_view value, bool vocab) const;
  /// The term definition of a key, when the key is a term.
  const TermDefinition* term(std::string_view key) const;
  /// The shortest compact IRI (prefix:local) for an IRI, or the IRI itself.
  std::string compact_iri(std::string_view iri) const;
  /// Terms whose IRI is `iri`, in name order.
  std::vector<std::pair<std::string, const TermDefinition*>> terms_for(std::string_view iri) const;

 private:
  std::map<std::string, std::string, std::less<>> prefixes_;
  std::map<std::string, TermDefinition, std::less<>> terms_;
  std::string language_;  ///< the context's default @language
};

}  // namespace policykg::rdf
