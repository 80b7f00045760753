// Rules loader: data/rules/*.json into plain structs; a missing key keeps the default. Files are
// read strictly (builder/json_file.hpp): an unknown key or a value of the wrong type is an error
// at its file, line and column.
#include "builder/rules.hpp"

#include "builder/json_file.hpp"

namespace policykg::builder {

namespace {

std::vector<ConceptKeywords> concepts(JsonObject& j, const char* key) {
  std::vector<ConceptKeywords> out;
  for (const JsonValue& v : j.array(key)) {
    JsonObject c(v);
    ConceptKeywords k{c.at("concept").as_string(), c.at("keywords").as_strings(), {}};
    c.get("actions", k.actions);
    c.finish();
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

Rules Rules::load(const std::filesystem::path& dir) {
  Rules r;
  {
    const JsonFile file(dir / "structure.json");
    JsonObject s = file.root();
    auto& st = r.structure;
    s.get("title_keywords", st.title_keywords);
    s.get("breadcrumb_markers", st.breadcrumb_markers);
    s.get("reply_keywords", st.reply_keywords);
    s.get("addressee_openings", st.addressee_openings);
    for (const JsonValue& v : s.array("document_types")) {
      JsonObject t(v);
      st.document_types.push_back({t.at("keyword").as_string(), t.at("type").as_string()});
      t.finish();
    }
    s.get("annex_list_headers", st.annex_list_headers);
    s.get("annex_start_words", st.annex_start_words);
    s.get("article_words", st.article_words);
    s.get("finite_verbs", st.finite_verbs);
    s.get("pronoun_subjects", st.pronoun_subjects);
    s.get("heading_max_words", st.heading_max_words);
    s.get("numbered_heading_max_words", st.numbered_heading_max_words);
    s.get("abbreviations", st.abbreviations);
    s.get("leading_conjunctions", st.leading_conjunctions);
    s.get("validity_cues", st.validity_cues);
    s.get("defined_term_cues", st.defined_term_cues);
    s.get("months", st.months);
    s.get("number_words", st.number_words);
    s.get("measure_label_max_chars", st.measure_label_max_chars);
    s.get("heading_label_max_chars", st.heading_label_max_chars);
    s.get("measure_label_dropped_openings", st.measure_label_dropped_openings);
    s.get("defined_term_window_chars", st.defined_term_window_chars);
    for (const JsonValue& v : s.array("validity_units")) {
      JsonObject u(v);
      st.validity_units.push_back({u.at("word").as_string(), u.at("designator").as_string()});
      u.finish();
    }
    s.get("title_search_paragraphs", st.title_search_paragraphs);
    s.get("title_max_words", st.title_max_words);
    s.get("annex_title_max_words", st.annex_title_max_words);
    s.get("header_max_words", st.header_max_words);
    s.get("closing_max_words", st.closing_max_words);
    s.finish();
  }
  {
    const JsonFile file(dir / "entity_patterns.json");
    JsonObject e = file.root();
    e.get("stop_words", r.entity_patterns.stop_words);
    e.get("connectors", r.entity_patterns.connectors);
    for (const JsonValue& v : e.at("patterns").as_array()) {
      JsonObject p(v);
      EntityPattern ep;
      ep.kind = p.at("kind").as_string();
      ep.head = p.at("head").as_string();
      p.get("before_words", ep.before_words);
      p.get("tail_words", ep.tail_words);
      ep.id_prefix = p.at("id_prefix").as_string();
      p.get("drop_head", ep.drop_head);
      p.get("year_after", ep.year_after);
      p.get("connectors", ep.connectors);
      p.finish();
      r.entity_patterns.patterns.push_back(std::move(ep));
    }
    e.get("tail_openers", r.entity_patterns.tail_openers);
    e.get("tail_articles", r.entity_patterns.tail_articles);
    e.get("tail_conjunctions", r.entity_patterns.tail_conjunctions);
    e.get("ordinal_suffixes", r.entity_patterns.ordinal_suffixes);
    e.get("gerund_suffixes", r.entity_patterns.gerund_suffixes);
    e.get("gerund_min_chars", r.entity_patterns.gerund_min_chars);
    if (e.has("quoted_names")) {
      JsonObject q(e.at("quoted_names"));
      auto& quoted = r.entity_patterns.quoted;
      quoted.kind = q.at("kind").as_string();
      quoted.id_prefix = q.at("id_prefix").as_string();
      q.get("max_words", quoted.max_words);
      q.get("not_after", quoted.not_after);
      q.finish();
    }
    if (e.has("listed_names")) {
      JsonObject l(e.at("listed_names"));
      l.get("max_words", r.entity_patterns.list_item_max_words);
      for (const JsonValue& v : l.at("cues").as_array()) {
        JsonObject c(v);
        r.entity_patterns.list_cues.push_back(
            {c.at("after").as_string(), c.at("kind").as_string(), c.at("id_prefix").as_string()});
        c.finish();
      }
      l.finish();
    }
    e.finish();
  }
  {
    const JsonFile file(dir / "citations.json");
    JsonObject c = file.root();
    c.get("title_starts", r.citations.title_starts);
    c.get("title_connectors", r.citations.title_connectors);
    c.get("generic_names", r.citations.generic_names);
    c.get("issuer_cues", r.citations.issuer_cues);
    c.get("back_references", r.citations.back_references);
    c.get("defined_terms", r.citations.defined_terms);
    c.get("number_markers", r.citations.number_markers);
    c.get("known_title_min_chars", r.citations.known_title_min_chars);
    c.get("generic_name_determiners", r.citations.generic_name_determiners);
    c.get("generic_name_max_words", r.citations.generic_name_max_words);
    c.get("generic_name_continuations", r.citations.generic_name_continuations);
    c.get("number_issuer_window_chars", r.citations.number_issuer_window_chars);
    c.get("issuer_cue_window_chars", r.citations.issuer_cue_window_chars);
    c.get("title_issuer_window_chars", r.citations.title_issuer_window_chars);
    c.finish();
  }
  {
    const JsonFile file(dir / "relations.json");
    JsonObject rel = file.root();
    auto& rr = r.relations;
    rel.get("subject_verbs", rr.subject_verbs);
    rel.get("adverb_suffixes", rr.adverb_suffixes);
    rel.get("adverb_min_chars", rr.adverb_min_chars);
    rel.get("adverbs", rr.adverbs);
    rel.get("not_adverbs", rr.not_adverbs);
    rel.get("opening_frames", rr.opening_frames);
    rel.get("passive_auxiliaries", rr.passive_auxiliaries);
    rel.get("passive_purposes", rr.passive_purposes);
    rel.get("dependency_cues", rr.dependency_cues);
    rel.get("dependency_cue_window_chars", rr.dependency_cue_window_chars);
    rel.get("back_dependency_cues", rr.back_dependency_cues);
    rel.get("prerequisite_cues", rr.prerequisite_cues);
    rel.get("named_prerequisite_cues", rr.named_prerequisite_cues);
    rel.get("prerequisite_name_window_chars", rr.prerequisite_name_window_chars);
    rel.get("prerequisite_skip_words", rr.prerequisite_skip_words);
    rel.get("prerequisite_word_min_chars", rr.prerequisite_word_min_chars);
    rel.get("prerequisite_min_words", rr.prerequisite_min_words);
    rel.get("prerequisite_max_words", rr.prerequisite_max_words);
    rel.get("creation_verbs", rr.creation_verbs);
    rel.get("infrastructure_heads", rr.infrastructure_heads);
    rel.get("infrastructure_min_words", rr.infrastructure_min_words);
    rel.get("infrastructure_max_words", rr.infrastructure_max_words);
    rel.get("keep_in_force_cues", rr.keep_in_force_cues);
    rel.get("prevail_cues", rr.prevail_cues);
    rel.get("prevail_latter", rr.prevail_latter);
    rel.get("prevail_former", rr.prevail_former);
    rel.get("plan_responsibility_cues", rr.plan_responsibility_cues);
    rel.get("implementation_headings", rr.implementation_headings);
    rel.get("together_with", rr.together_with);
    rel.get("passive_agent_cue", rr.passive_agent_cue);
    rel.get("passive_agent_window_chars", rr.passive_agent_window_chars);
    rel.get("party_window_chars", rr.party_window_chars);
    rel.get("scope_cues", rr.scope_cues);
    rel.get("exclusion_cues", rr.exclusion_cues);
    rel.get("exclusion_max_words", rr.exclusion_max_words);
    rel.get("removal_cues", rr.removal_cues);
    rel.get("place_continuations", rr.place_continuations);
    rel.get("unlocated_places", rr.unlocated_places);
    rel.get("lead_cues", rr.lead_cues);
    rel.get("coordinate_cues", rr.coordinate_cues);
    rel.get("supervise_cues", rr.supervise_cues);
    rel.get("leadership_cues", rr.leadership_cues);
    rel.get("approval_cues", rr.approval_cues);
    rel.get("addressee_cues", rr.addressee_cues);
    rel.get("conjunctions", rr.conjunctions);
    rel.get("articles", rr.articles);
    rel.get("label_articles", rr.label_articles);
    rel.finish();
  }
  {
    const JsonFile file(dir / "conditions.json");
    JsonObject cond = file.root();
    for (const JsonValue& v : cond.at("conditions").as_array()) {
      JsonObject x(v);
      ConditionRule rule{x.at("condition").as_string(), x.at("phrases").as_strings()};
      x.get("extends", rule.extends);
      x.get("max_words", rule.max_words);
      x.finish();
      r.conditions.push_back(std::move(rule));
    }
    cond.finish();
  }
  {
    const JsonFile file(dir / "classification.json");
    JsonObject cl = file.root();
    r.classification.instrument_types = concepts(cl, "instrument_types");
    r.classification.sectors = concepts(cl, "sectors");
    cl.get("ignored", r.classification.ignored);
    cl.get("light_verbs", r.classification.light_verbs);
    cl.get("scope_cues", r.classification.scope_cues);
    if (cl.has("passive_permissions")) {
      JsonObject pp(cl.at("passive_permissions"));
      pp.get("verbs", r.classification.passive_permissions.verbs);
      pp.get("marker", r.classification.passive_permissions.marker);
      pp.get("concept", r.classification.passive_permissions.concept_name);
      pp.finish();
    }
    for (const JsonValue& v : cl.array("named_instruments")) {
      JsonObject x(v);
      r.classification.named_instruments.push_back(
          {x.at("concept").as_string(), x.at("entities").as_strings()});
      x.finish();
    }
    if (cl.has("beneficiaries")) {
      JsonObject b(cl.at("beneficiaries"));
      b.get("cues", r.classification.beneficiaries.cues);
      b.get("heads", r.classification.beneficiaries.heads);
      b.get("max_words", r.classification.beneficiaries.max_words);
      b.finish();
    }
    if (cl.has("statements")) {
      JsonObject sr(cl.at("statements"));
      sr.get("headings", r.classification.statements.headings);
      sr.get("openings", r.classification.statements.openings);
      sr.get("phrases", r.classification.statements.phrases);
      sr.finish();
    }
    cl.finish();
    r.classification.conjunctions = r.relations.conjunctions;
  }
  return r;
}

}  // namespace policykg::builder
