// Relation rules: from one parsed text and the mentions and citations in it to facts:
// responsibility (the subject of "shall", joint, "together with", passive "by X", inherited by
// the clauses of a sentence), places (appliesTo), mentions, citations (references), prerequisites
// (dependsOn), conditions, force between documents (keepsInForce, prevailsOver), plan-level
// responsibility, dates, validity, addressees, issuer, annexes and approval.
#pragma once

#include <string>
#include <vector>

#include "builder/citation_recogniser.hpp"
#include "builder/classifier.hpp"
#include "builder/document.hpp"
#include "builder/facts.hpp"
#include "builder/phrase_table.hpp"
#include "builder/recogniser.hpp"
#include "builder/rules.hpp"
#include "builder/source_text.hpp"

namespace policykg::builder {

/// Everything the rules read, built once per corpus.
struct RelationContext {
  RelationContext(const Gazetteer& gazetteer, const Rules& rules, const TitleRegistry& titles);

  const Gazetteer& gazetteer;
  const Rules& rules;
  Recogniser recogniser;
  CitationRecogniser citations;
  Classifier classifier;
  PhraseTable conditions, dependency_cues, back_dependency_cues, prerequisite_cues, named_prerequisite_cues,
      creation_verbs, keep_in_force, prevail, latter, former, plan_responsibility, implementation_headings,
      together_with, validity_cues, scope_cues, exclusion_cues, removal_cues,
      statement_openings, statement_phrases, lead_cues, coordinate_cues, supervise_cues, leadership_cues, approval_cues,
      addressee_cues;
  bool evidence = false;  ///< record where each derived fact comes from (UnitFacts::evidence)
};

/// Adds to `facts` the documents, units and entities of one parsed text whose main document
/// has the IRI path `doc_id` (annexes get `doc_id`/annex/N); `fallback_label` labels a document
/// without a title.
void relate(const SourceText& text, const ParsedDocument& parsed, const std::string& doc_id,
            const std::string& fallback_label, const RelationContext& context, Facts& facts);

/// The IRI path of annex `number` of document `doc_id`.
std::string annex_id(const std::string& doc_id, const std::string& number);

}  // namespace policykg::builder
