// Rules: the patterns, cue phrases and keywords the builder reads from data/rules/, so that the
// code holds mechanisms and the data holds English and the domain.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace policykg::builder {

/// data/rules/structure.json: how documents are laid out.
struct StructureRules {
  std::vector<std::string> title_keywords;
  std::vector<std::string> breadcrumb_markers;
  std::vector<std::string> reply_keywords;
  /// Words in a header paragraph after which its addressees are named, up to the next comma
  /// ("The State Council presents its compliments to X and Y and, with reference to …").
  std::vector<std::string> addressee_openings;
  struct TypeKeyword {
    std::string keyword;
    std::string type;  ///< pol: local name: OfficialReply, Plan
  };
  std::vector<TypeKeyword> document_types;
  std::vector<std::string> annex_list_headers;
  std::vector<std::string> annex_start_words;
  std::vector<std::string> article_words;
  std::vector<std::string> finite_verbs;
  std::vector<std::string> pronoun_subjects;
  std::size_t heading_max_words = 25;
  std::size_t numbered_heading_max_words = 45;
  std::vector<std::string> abbreviations;
  std::vector<std::string> leading_conjunctions;
  std::vector<std::string> validity_cues;
  std::vector<std::string> defined_term_cues;
  std::vector<std::string> months;
  std::vector<std::string> number_words;
  std::size_t measure_label_max_chars = 72;
  std::size_t heading_label_max_chars = 96;
  /// Words a measure's label leaves out when the clause opens with them and a comma or space
  /// ("we shall"), lower case: the label starts at the action.
  std::vector<std::string> measure_label_dropped_openings;
  /// How many bytes after a citation a defined-term cue may end ("(hereinafter referred to as …)").
  std::size_t defined_term_window_chars = 48;
  /// The units a validity cue's number counts ("for a period of three years": P3Y): the word's
  /// start (lower case) and the ISO 8601 duration designator.
  struct ValidityUnit {
    std::string word;
    std::string designator;
  };
  std::vector<ValidityUnit> validity_units;
  /// The title is the first title-like paragraph of the first `title_search_paragraphs`, of at
  /// most `title_max_words` words; an annex's first paragraph is its title up to
  /// `annex_title_max_words`. A header paragraph (date, addressees) has at most
  /// `header_max_words`; the closing lines (signer, date) at most `closing_max_words`.
  std::size_t title_search_paragraphs = 6;
  std::size_t title_max_words = 80;
  std::size_t annex_title_max_words = 60;
  std::size_t header_max_words = 40;
  std::size_t closing_max_words = 10;
};

/// data/rules/entity_patterns.json: names no gazetteer lists.
struct EntityPattern {
  std::string kind;  ///< Agency, District, Zone, Region, Infrastructure, Event, Programme
  std::string head;
  std::size_t before_words = 0;
  std::size_t tail_words = 0;
  std::string id_prefix;
  bool drop_head = false;
  bool year_after = false;  ///< a year right after the name belongs to it ("Expo 2019")
  /// Words that join name words of this pattern besides EntityPatternRules::connectors ("in":
  /// "Fair for Trade in Services").
  std::vector<std::string> connectors;
};
struct EntityPatternRules {
  std::vector<std::string> stop_words;
  std::vector<std::string> connectors;
  std::vector<EntityPattern> patterns;
  /// Words that open a pattern's tail ("of", "for": "Ministry of Finance"); a place after a
  /// capitalised word and one of them ends a longer name ("Perception of Beijing").
  std::vector<std::string> tail_openers;
  /// Articles a tail may open with ("of the X"); a tail conjunction followed by one joins two
  /// names and ends the tail ("… of the Communist Party of China and the State Council").
  std::vector<std::string> tail_articles;
  std::vector<std::string> tail_conjunctions;
  /// Suffixes after digits that make an ordinal, a word of an event's name ("19th").
  std::vector<std::string> ordinal_suffixes;
  /// Suffixes of a gerund ("Supporting"), not part of a name when it opens a sentence, for words
  /// of at least `gerund_min_chars` characters.
  std::vector<std::string> gerund_suffixes;
  std::size_t gerund_min_chars = 5;
  /// A name in quotation marks ("Beijing Services", “Open Beijing”): each word capitalised, a
  /// connector, a digit or "+", the first and last capitalised, at most `max_words` words; never
  /// right after one of `not_after` (an abbreviation in brackets, a defined short name).
  struct Quoted {
    std::string kind;  ///< empty: no quoted names
    std::string id_prefix;
    std::size_t max_words = 6;
    std::vector<std::string> not_after;
  } quoted;
  /// Names listed after a cue ("four exemplary projects … namely, Beijing Efficiency, Beijing
  /// Standards, and Beijing Credit"): each item of the list that is a run of capitalised words
  /// (connectors between them), at most `max_words` words, and no other name, is one of `kind`.
  struct ListCue {
    std::string after;  ///< the cue, lower case
    std::string kind;
    std::string id_prefix;
  };
  std::vector<ListCue> list_cues;
  std::size_t list_item_max_words = 8;
};

/// data/rules/citations.json: how documents are cited.
struct CitationRules {
  std::vector<std::string> title_starts;
  std::vector<std::string> title_connectors;
  std::vector<std::string> generic_names;
  std::vector<std::string> issuer_cues;
  std::vector<std::string> back_references;
  std::vector<std::string> defined_terms;
  /// Words before a document number ("No. 81 [2015]", "Guo Han [2007] No. 76").
  std::vector<std::string> number_markers;
  /// Known titles shorter than this (folded, in bytes) identify no document.
  std::size_t known_title_min_chars = 12;
  /// A generic name runs back over at most `generic_name_max_words` words before it, up to a
  /// determiner ("the big data action plan"); a continuation after it takes the words up to the
  /// next punctuation into the title ("… action plan made by X to promote …").
  std::vector<std::string> generic_name_determiners;
  std::size_t generic_name_max_words = 5;
  std::vector<std::string> generic_name_continuations;
  /// How many bytes after its place the issuer's name may start: after a number and its comma
  /// ("No. 81 [2015], the State Council"), after an issuer cue ("made by X"), after a title
  /// start ("Official Reply of the State Council").
  std::size_t number_issuer_window_chars = 8;
  std::size_t issuer_cue_window_chars = 4;
  std::size_t title_issuer_window_chars = 12;
};

/// data/rules/relations.json: cues of relations. Cues and words are lower case; windows count
/// bytes of the clause's normalised text.
struct RelationRules {
  /// The verb between a clause's subject and its action ("X shall …"), the first in the clause;
  /// words after it of at least `adverb_min_chars` characters ending in an adverb suffix ("-ly"),
  /// and the `adverbs` listed ("further"), are skipped to reach the action; a passive auxiliary
  /// there ("shall be …") makes the clause passive, its agents named after `passive_agent_cue`.
  std::vector<std::string> subject_verbs;
  std::vector<std::string> adverb_suffixes;
  std::size_t adverb_min_chars = 4;
  std::vector<std::string> adverbs;
  /// Verbs that end like an adverb ("apply", "rely", "supply"): never skipped.
  std::vector<std::string> not_adverbs;
  /// Words that open a frame before a clause's action, up to the first comma ("for the vehicles
  /// imported …, allow …"): the action is the first word after the comma.
  std::vector<std::string> opening_frames;
  std::vector<std::string> passive_auxiliaries;
  /// Words after a comma that close a passive action with its purpose ("the … principle shall be
  /// abided by, to strengthen …"): the action is the purpose.
  std::vector<std::string> passive_purposes;
  std::vector<std::string> dependency_cues;
  /// How many bytes before a citation a dependency cue may stand (after the last semicolon).
  std::size_t dependency_cue_window_chars = 60;
  /// Words after a citation that act on it through a pronoun ("organize the implementation
  /// thereof", "organize its implementation"): the clause depends on the document cited.
  std::vector<std::string> back_dependency_cues;
  std::vector<std::string> prerequisite_cues;
  /// Cues a named infrastructure or zone must follow at once to be relied on ("under the Madrid
  /// system", "take the <park> as the core"); a zone named so is also where the clause applies.
  std::vector<std::string> named_prerequisite_cues;
  /// How many bytes after a prerequisite cue a named infrastructure or zone may start.
  std::size_t prerequisite_name_window_chars = 24;
  /// A prerequisite some measure builds is named by its first `prerequisite_max_words` words of
  /// at least `prerequisite_word_min_chars` characters, skip words aside, and needs
  /// `prerequisite_min_words` of them.
  std::vector<std::string> prerequisite_skip_words;
  std::size_t prerequisite_word_min_chars = 4;
  std::size_t prerequisite_min_words = 2;
  std::size_t prerequisite_max_words = 6;
  std::vector<std::string> creation_verbs;
  /// Last words of a prerequisite that no measure builds but that names an infrastructure
  /// ("platform", "system"), and the longest such name in words.
  std::vector<std::string> infrastructure_heads;
  std::size_t infrastructure_min_words = 3;
  std::size_t infrastructure_max_words = 8;
  std::vector<std::string> keep_in_force_cues;
  std::vector<std::string> prevail_cues;
  std::vector<std::string> prevail_latter;
  std::vector<std::string> prevail_former;
  std::vector<std::string> plan_responsibility_cues;
  std::vector<std::string> implementation_headings;
  std::vector<std::string> together_with;
  /// The word before the agent of a passive clause ("shall be organized by X"), whose name starts
  /// at most `passive_agent_window_chars` bytes after the word and its space; a party named after
  /// together_with or leadership_cues starts at most `party_window_chars` bytes after the cue.
  std::string passive_agent_cue;
  std::size_t passive_agent_window_chars = 5;
  std::size_t party_window_chars = 5;
  /// Words before a place that exclude it ("excluding", "except"): pol:excludes, not appliesTo.
  /// Words just before a place that make it a strategy's scope, not where the clause applies.
  std::vector<std::string> scope_cues;
  std::vector<std::string> exclusion_cues;
  /// How many words may stand between an exclusion cue and the place it excludes.
  std::size_t exclusion_max_words = 4;
  /// Capitalised words after a place that name a spot inside it ("Avenue"): the place stays one.
  /// Any other capitalised word after a place makes it part of a longer name, and no place.
  std::vector<std::string> place_continuations;
  /// Places (entity ids) so wide that naming them locates no measure (the country itself):
  /// mentioned, never pol:appliesTo.
  std::vector<std::string> unlocated_places;
  /// Roles (pol:role) of the parties of a clause, read after "shall": lead, coordinate or guide,
  /// supervise (else implement); "under the leadership of X" (X leads); in a reply, approving
  /// ("hereby approved": its issuer) and handing over ("for your earnest implementation": its
  /// addressees).
  std::vector<std::string> lead_cues, coordinate_cues, supervise_cues, leadership_cues, approval_cues, addressee_cues;
  /// Words that remove a requirement ("lift the restriction"): conditions after them are not
  /// the measure's conditions.
  std::vector<std::string> removal_cues;
  /// Conjunctions joining names ("X and Y"), ending a prerequisite's words, or opening a clause
  /// without a subject verb ("and improve …").
  std::vector<std::string> conjunctions;
  /// Articles skipped before an infrastructure's name ("based on the … platform").
  std::vector<std::string> articles;
  /// Articles left out of an entity's label, lower case or capitalised ("the State Council"),
  /// and skipped between "by" and an issuer ("made by the X").
  std::vector<std::string> label_articles;
};

/// data/rules/conditions.json: condition phrases. The condition is the text's own words: the
/// phrase, or with `extends` the phrase and what follows it up to the next comma, semicolon,
/// stop or closing parenthesis ("after obtaining the qualification of …"), at most `max_words`.
struct ConditionRule {
  std::string condition;  ///< the rule's name, for documentation
  std::vector<std::string> phrases;
  bool extends = false;
  std::size_t max_words = 12;
};

/// data/rules/classification.json: keyword rules naming pol: concepts by local name.
struct ConceptKeywords {
  std::string concept_name;
  std::vector<std::string> keywords;
  std::vector<std::string> actions = {};  ///< instrument types: verbs that decide when they lead the clause
};
/// Clauses that set no action (pol:Statement): under a heading of `statement_headings`, opening
/// with one of `statement_openings` (after "we shall" or the subject), or holding one of
/// `statement_phrases`.
struct StatementRules {
  std::vector<std::string> headings, openings, phrases;
};
struct ClassificationRules {
  std::vector<ConceptKeywords> instrument_types;
  std::vector<ConceptKeywords> sectors;
  std::vector<std::string> ignored;  ///< phrases whose words never count ("free trade zones")
  /// Verbs that lead into the clause's real action ("explore the pilot program", "encourage
  /// experts to find jobs"): when one leads the clause, the first action after it decides, and
  /// only without one does the light verb's own action entry.
  std::vector<std::string> light_verbs;
  /// Who benefits names no sector: "the financing costs for foreign trade companies" is no trade
  /// measure. A span from a cue ("for") over at most `max_words` words to one of `heads`, with
  /// no punctuation between, is masked for the sectors.
  struct Beneficiaries {
    std::vector<std::string> cues, heads;
    std::size_t max_words = 6;
  } beneficiaries;
  /// Cues of a list of the areas an action covers ("in such areas as"): the list names where the
  /// action applies, not what the state does, and its words count for no instrument type.
  std::vector<std::string> scope_cues;
  /// A permission whose object is to be handled ("allow exhibits to be filed"): when one of
  /// `verbs` leads and `marker` follows it in the same action, the lead is of `concept_name`.
  struct PassivePermissions {
    std::vector<std::string> verbs;
    std::string marker, concept_name;
  } passive_permissions;
  /// What a listed programme or platform is as an instrument, by its gazetteer id: a scheme that
  /// admits qualified investors to a market ("QDII") opens it, demand-side; a public service
  /// platform the state runs ("Single Window") supplies. A clause naming one counts it as a
  /// keyword of the concept, once per programme; its words still count for nothing.
  struct NamedInstruments {
    std::string concept_name;
    std::vector<std::string> entities;
  };
  std::vector<NamedInstruments> named_instruments;
  StatementRules statements;
  /// Words that join two actions ("and"): a light verb's object ends at one, or at punctuation.
  /// Not a key of classification.json: the conjunctions of relations.json.
  std::vector<std::string> conjunctions;
};

struct Rules {
  StructureRules structure;
  EntityPatternRules entity_patterns;
  CitationRules citations;
  RelationRules relations;
  std::vector<ConditionRule> conditions;
  ClassificationRules classification;

  /// Loads every file of `dir`; throws policykg::Error(Input) naming the file, line and column and
  /// what is wrong there: an unreadable file, bad JSON, an unknown key, a key given twice, a value
  /// of the wrong type, a missing required key.
  static Rules load(const std::filesystem::path& dir);
};

}  // namespace policykg::builder
