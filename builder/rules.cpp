// Rules loader: data/rules/*.json into plain structs; a missing key keeps the default.
#include "builder/rules.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "rdf/error.hpp"

namespace policykg::builder {

namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(Error::Category::Input, file.string(), "cannot read the rules file");
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    throw Error(Error::Category::Input, file.string(), std::string("bad JSON: ") + e.what());
  }
}

// Throws when `j` holds a key outside `known` (a misspelt key would otherwise be ignored).
void only_keys(const json& j, std::initializer_list<const char*> known, const std::filesystem::path& file) {
  for (const auto& [key, value] : j.items()) {
    bool listed = false;
    for (const char* k : known) listed = listed || key == k;
    if (!listed) throw Error(Error::Category::Input, file.string(), "unknown key '" + key + "'");
  }
}

template <typename T>
void get(const json& j, const char* key, T& out) {
  if (j.contains(key)) out = j.at(key).get<T>();
}

std::vector<ConceptKeywords> concepts(const json& j, const char* key) {
  std::vector<ConceptKeywords> out;
  if (!j.contains(key)) return out;
  for (const auto& c : j.at(key)) {
    ConceptKeywords k{c.at("concept").get<std::string>(), c.at("keywords").get<std::vector<std::string>>(), {}};
    get(c, "actions", k.actions);
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

Rules Rules::load(const std::filesystem::path& dir) {
  Rules r;
  std::filesystem::path file;
  try {
    file = dir / "structure.json";
    json s = read_json(file);
    auto& st = r.structure;
    get(s, "title_keywords", st.title_keywords);
    get(s, "breadcrumb_markers", st.breadcrumb_markers);
    get(s, "reply_keywords", st.reply_keywords);
    get(s, "addressee_openings", st.addressee_openings);
    if (s.contains("document_types"))
      for (const auto& t : s.at("document_types"))
        st.document_types.push_back({t.at("keyword").get<std::string>(), t.at("type").get<std::string>()});
    get(s, "annex_list_headers", st.annex_list_headers);
    get(s, "annex_start_words", st.annex_start_words);
    get(s, "article_words", st.article_words);
    get(s, "finite_verbs", st.finite_verbs);
    get(s, "pronoun_subjects", st.pronoun_subjects);
    get(s, "heading_max_words", st.heading_max_words);
    get(s, "numbered_heading_max_words", st.numbered_heading_max_words);
    get(s, "abbreviations", st.abbreviations);
    get(s, "leading_conjunctions", st.leading_conjunctions);
    get(s, "validity_cues", st.validity_cues);
    get(s, "defined_term_cues", st.defined_term_cues);
    get(s, "months", st.months);
    get(s, "number_words", st.number_words);
    get(s, "measure_label_max_chars", st.measure_label_max_chars);
    get(s, "heading_label_max_chars", st.heading_label_max_chars);

    file = dir / "entity_patterns.json";
    json e = read_json(file);
    get(e, "stop_words", r.entity_patterns.stop_words);
    get(e, "connectors", r.entity_patterns.connectors);
    only_keys(e, {"comment", "stop_words", "connectors", "patterns"}, file);
    for (const auto& p : e.at("patterns")) {
      only_keys(p, {"kind", "head", "before_words", "tail_words", "id_prefix", "drop_head", "year_after", "connectors"},
                file);
      EntityPattern ep;
      ep.kind = p.at("kind").get<std::string>();
      ep.head = p.at("head").get<std::string>();
      get(p, "before_words", ep.before_words);
      get(p, "tail_words", ep.tail_words);
      ep.id_prefix = p.at("id_prefix").get<std::string>();
      get(p, "drop_head", ep.drop_head);
      get(p, "year_after", ep.year_after);
      get(p, "connectors", ep.connectors);
      r.entity_patterns.patterns.push_back(std::move(ep));
    }

    file = dir / "citations.json";
    json c = read_json(file);
    get(c, "title_starts", r.citations.title_starts);
    get(c, "title_connectors", r.citations.title_connectors);
    get(c, "generic_names", r.citations.generic_names);
    get(c, "issuer_cues", r.citations.issuer_cues);
    get(c, "back_references", r.citations.back_references);
    get(c, "defined_terms", r.citations.defined_terms);

    file = dir / "relations.json";
    json rel = read_json(file);
    only_keys(rel,
              {"comment", "dependency_cues", "back_dependency_cues", "prerequisite_cues", "named_prerequisite_cues", "creation_verbs",
               "infrastructure_heads", "infrastructure_max_words", "keep_in_force_cues", "prevail_cues",
               "prevail_latter", "prevail_former", "plan_responsibility_cues", "implementation_headings",
               "together_with", "passive_agent_cue", "scope_cues", "exclusion_cues", "exclusion_max_words", "removal_cues",
               "place_continuations", "unlocated_places", "lead_cues", "coordinate_cues", "supervise_cues", "leadership_cues",
               "approval_cues", "addressee_cues"},
              file);
    auto& rr = r.relations;
    get(rel, "dependency_cues", rr.dependency_cues);
    get(rel, "back_dependency_cues", rr.back_dependency_cues);
    get(rel, "prerequisite_cues", rr.prerequisite_cues);
    get(rel, "named_prerequisite_cues", rr.named_prerequisite_cues);
    get(rel, "creation_verbs", rr.creation_verbs);
    get(rel, "infrastructure_heads", rr.infrastructure_heads);
    get(rel, "infrastructure_max_words", rr.infrastructure_max_words);
    get(rel, "keep_in_force_cues", rr.keep_in_force_cues);
    get(rel, "prevail_cues", rr.prevail_cues);
    get(rel, "prevail_latter", rr.prevail_latter);
    get(rel, "prevail_former", rr.prevail_former);
    get(rel, "plan_responsibility_cues", rr.plan_responsibility_cues);
    get(rel, "implementation_headings", rr.implementation_headings);
    get(rel, "together_with", rr.together_with);
    get(rel, "scope_cues", rr.scope_cues);
    get(rel, "exclusion_cues", rr.exclusion_cues);
    get(rel, "exclusion_max_words", rr.exclusion_max_words);
    get(rel, "removal_cues", rr.removal_cues);
    get(rel, "place_continuations", rr.place_continuations);
    get(rel, "unlocated_places", rr.unlocated_places);
    get(rel, "lead_cues", rr.lead_cues);
    get(rel, "coordinate_cues", rr.coordinate_cues);
    get(rel, "supervise_cues", rr.supervise_cues);
    get(rel, "leadership_cues", rr.leadership_cues);
    get(rel, "approval_cues", rr.approval_cues);
    get(rel, "addressee_cues", rr.addressee_cues);

    file = dir / "conditions.json";
    json cond = read_json(file);
    for (const auto& x : cond.at("conditions")) {
      ConditionRule rule{x.at("condition").get<std::string>(), x.at("phrases").get<std::vector<std::string>>()};
      get(x, "extends", rule.extends);
      get(x, "max_words", rule.max_words);
      r.conditions.push_back(std::move(rule));
    }

    file = dir / "classification.json";
    json cl = read_json(file);
    r.classification.instrument_types = concepts(cl, "instrument_types");
    r.classification.sectors = concepts(cl, "sectors");
    get(cl, "ignored", r.classification.ignored);
    if (cl.contains("statements")) {
      const json& sr = cl.at("statements");
      get(sr, "headings", r.classification.statements.headings);
      get(sr, "openings", r.classification.statements.openings);
      get(sr, "phrases", r.classification.statements.phrases);
    }
  } catch (const nlohmann::json::exception& ex) {
    throw Error(Error::Category::Input, file.string(), std::string("bad rules: ") + ex.what());
  }
  return r;
}

}  // namespace policykg::builder
