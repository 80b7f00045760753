// Relation rules (see the header). Units are walked in document order; the clauses of one
// sentence are analysed together so that a subject ("Xicheng District shall ...") carries over
// to the clauses after it, and force between documents ("shall continue to be effective ...
// the latter shall prevail") is read over the whole sentence.
//
// Why this file is over 600 lines: it is one class, DocumentRelator, whose readings share one
// document's state as they go (the entities and citations registered so far, the subject a
// sentence carries over its clauses, the term a reply defines as "the Plan", the measures indexed
// for the prerequisites read after the last unit). What a clause's words say by themselves, with
// no such state, is ClauseReader's (clause_reader.cpp).
#include "builder/relation_rules.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "builder/clause_reader.hpp"
#include "builder/measure_splitter.hpp"
#include "builder/normalized_text.hpp"
#include "builder/slug.hpp"
#include "core/utf8.hpp"

namespace policykg::builder {

namespace {

void add_all(PhraseTable& t, const std::vector<std::string>& phrases) {
  for (std::size_t i = 0; i < phrases.size(); ++i) t.add(phrases[i], i);
}

// Cuts a label at a word boundary, marking the cut with an ellipsis.
std::string shorten(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) {
    cut = max;
    cut = utf8_char_start(s, cut);
  }
  s.resize(cut);
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ' ')) s.pop_back();
  s += "…";
  return s;
}

/// Words of the source a fact was read from: [start, end) in code points, and the words.
struct Point {
  std::size_t start = 0, end = 0;
  std::string words;
};

bool is_place(EntityKind k) { return k == EntityKind::District || k == EntityKind::Zone || k == EntityKind::Region; }
bool can_be_responsible(EntityKind k) { return k == EntityKind::Agency || k == EntityKind::District; }

// What a clause says about who acts (refs in Facts::nodes).
struct Subject {
  bool stated = false;  ///< the clause has its own "shall"
  std::size_t shall = 0;  ///< where "shall" is, when stated
  RefSet parties;       ///< stated in the active voice
  RefSet agents;        ///< "shall be ... by X"
  RefSet partners;      ///< "together with X": among the parties, coordinating
  struct Named {
    Ref ref;
    std::size_t begin, end;  ///< the name, in the clause's normalised text
    std::string_view rule;
  };
  std::vector<Named> named;  ///< where each party, agent and partner is named
};

class DocumentRelator {
 public:
  DocumentRelator(const SourceText& src, const RelationContext& ctx, Facts& facts)
      : src_(src), t_(src.bytes()), ctx_(ctx), rules_(ctx.rules), facts_(facts), clause_(ctx) {
    for (std::size_t c = 0; c < rules_.conditions.size(); ++c)
      for (std::size_t i = 0; i < rules_.conditions[c].phrases.size(); ++i) condition_rule_.push_back(c);
    for (const auto& t : rules_.classification.instrument_types)
      instrument_refs_.push_back(facts_.concepts.ref(t.concept_name));
    for (const auto& t : rules_.classification.sectors) sector_refs_.push_back(facts_.concepts.ref(t.concept_name));
  }

  void relate_main(const ParsedDocument& pd, const std::string& doc_id, const std::string& fallback_label) {
    DocumentFacts& d = facts_.document(doc_id);
    d.parsed = true;
    fill_document(d, pd, fallback_label);
    for (const auto& m : entities_in(pd.addressees))
      if (m.kind == EntityKind::Agency) d.addressed_to.insert(m.entity);
    for (const auto& m : entities_in(pd.signer))
      if (m.kind == EntityKind::Agency) d.issued_by.insert(m.entity);
    // Without a signature, a title that names its author ("Official Reply of the State Council
    // to …") names the issuer: the title's first agency.
    if (d.issued_by.empty())
      for (const auto& m : entities_in(pd.title))
        if (m.kind == EntityKind::Agency) {
          d.issued_by.insert(m.entity);
          break;
        }
    for (const auto& a : pd.annex_list) {
      std::string id = annex_id(doc_id, a.number);
      DocumentFacts& ad = facts_.document(id);
      std::string title = collapse_whitespace(src_.view(a.title));
      if (ad.title.empty()) {
        ad.title = title;
        ad.label = title;
        ad.type = ctx_.citations.type_of_title(title);
      }
      facts_.document(doc_id).has_annex.insert(id);
    }
    for (const auto& annex : pd.annexes) {
      std::string id = annex_id(doc_id, annex.annex_number);
      DocumentFacts& ad = facts_.document(id);
      ad.parsed = true;
      fill_document(ad, annex, facts_.document(id).label.empty() ? fallback_label + " annex " + annex.annex_number
                                                                   : facts_.document(id).label);
      facts_.document(doc_id).has_annex.insert(id);
    }
    DocumentFacts& main = facts_.document(doc_id);
    if (main.type == "OfficialReply")
      for (const auto& a : main.has_annex)
        if (facts_.document(a).type == "Plan") facts_.document(doc_id).approves.insert(a);
    relate_units(doc_id, pd);
    for (const auto& annex : pd.annexes) relate_units(annex_id(doc_id, annex.annex_number), annex);
  }

 private:
  void fill_document(DocumentFacts& d, const ParsedDocument& pd, const std::string& fallback_label) {
    std::string title = collapse_whitespace(src_.view(pd.title));
    if (!title.empty()) {
      d.title = title;
      d.label = title;
    } else if (d.label.empty()) {
      d.label = fallback_label;
    }
    if (pd.kind == DocumentKind::Reply) d.type = "OfficialReply";
    else if (pd.kind == DocumentKind::Plan) d.type = "Plan";
    else if (!title.empty()) d.type = ctx_.citations.type_of_title(title);
    if (pd.issued) d.issued = *pd.issued;
    if (pd.published) d.published = *pd.published;
  }

  std::vector<Mention> entities_in(Span s) {
    if (s.empty()) return {};
    NormalizedText nt(t_, s);
    auto ms = ctx_.recogniser.find(nt);
    for (const auto& m : ms) register_entity(m);
    return ms;
  }

  // "for a period of three years" -> "P3Y": the first cue followed by a number and a unit.
  std::string validity(const NormalizedText& nt) const {
    const std::string& lower = nt.lower();
    for (const auto& cue : ctx_.validity_cues.scan(nt)) {
      std::size_t i = cue.end;
      while (i < lower.size() && lower[i] == ' ') ++i;
      std::size_t e = lower.find(' ', i);
      if (e == std::string::npos) continue;
      std::string n = lower.substr(i, e - i);
      long value = -1;
      if (!n.empty() && n.size() <= 6 && std::all_of(n.begin(), n.end(), is_digit)) value = std::stol(n);
      for (std::size_t w = 0; w < rules_.structure.number_words.size(); ++w)
        if (rules_.structure.number_words[w] == n) value = static_cast<long>(w);
      if (value <= 0) continue;
      for (const auto& unit : rules_.structure.validity_units)
        if (lower.compare(e + 1, unit.word.size(), unit.word) == 0) return "P" + std::to_string(value) + unit.designator;
    }
    return {};
  }

  void register_entity(const Mention& m) {
    auto [it, fresh] = facts_.entities.try_emplace(m.entity);
    EntityFacts& e = it->second;  // a std::map's elements stay put while add_known() inserts others
    if (fresh) {
      e.id = m.entity;
      e.kind = m.kind;
      if (const GazetteerEntity* g = ctx_.gazetteer.find(m.entity)) {
        add_known(*g);
      } else {
        e.label = clause_.strip_article(m.surface);
      }
    }
    std::string_view surface = clause_.strip_article(m.surface);
    if (!same_folded(surface, e.label)) {
      bool listed = std::any_of(e.alt_labels.begin(), e.alt_labels.end(),
                                [&](const std::string& a) { return same_folded(a, surface); });
      if (!listed) e.alt_labels.emplace(surface);
    }
  }

  void add_known(const GazetteerEntity& g) {
    EntityFacts& e = facts_.entities[g.id];
    e.id = g.id;
    e.kind = g.kind;
    e.label = g.name;
    for (const auto& a : g.aliases)
      if (!same_folded(clause_.strip_article(a), g.name)) e.alt_labels.emplace(clause_.strip_article(a));
    e.parent = g.parent;
    e.located_in = g.located_in;
    e.name_zh = g.name_zh;
    e.wikidata = g.wikidata;
    for (const std::string* up : {&g.parent, &g.located_in})
      if (!up->empty() && !facts_.entities.count(*up))
        if (const GazetteerEntity* p = ctx_.gazetteer.find(*up)) add_known(*p);
  }

  void register_citation(const Citation& c) {
    DocumentFacts& d = facts_.document(c.doc);
    // A parsed document keeps its own title and type; its number and issuer are added.
    if (!d.parsed && d.title.empty() && !c.title.empty()) {
      std::string title = c.title;
      for (const auto& k : ctx_.gazetteer.documents)
        if (k.id == c.doc && !k.title.empty()) title = k.title;
      d.title = title;
      d.label = title;
    }
    if (d.identifier.empty() && !c.identifier.empty()) d.identifier = c.identifier;
    if (d.year == 0) d.year = c.year;
    if (d.label.empty()) d.label = !c.identifier.empty() ? c.identifier : c.doc;
    if (!d.parsed && d.type == "Document" && !c.type.empty()) d.type = c.type;
    if (!c.issuer.empty()) {
      d.issued_by.insert(c.issuer);
      if (const GazetteerEntity* g = ctx_.gazetteer.find(c.issuer)) add_known(*g);
    }
  }

  std::string resolve(const Citation& c, const std::string& doc_id) const {
    if (c.kind == Citation::Kind::Document) return c.doc;
    if (c.kind != Citation::Kind::DefinedTerm) return {};
    const DocumentFacts& d = facts_.documents.at(doc_id);
    if (d.type == "Plan") return doc_id;
    // A text that approves no annex of its own: the document it defined as "the Plan", if any.
    if (d.approves.empty() && !defined_doc_.empty()) return defined_doc_;
    if (d.type == "Document") return doc_id;
    if (d.approves.size() == 1) return *d.approves.begin();
    return {};
  }

  // Whether a citation at [begin, end) ends with or is followed by its definition as a term
  // ("(hereinafter referred to as the "Plan")").
  bool defines_term(const std::string& lower, std::size_t begin, std::size_t end) const {
    const std::size_t window = rules_.structure.defined_term_window_chars;
    const std::size_t from = std::max(begin, end > window ? end - window : 0);
    const std::string_view after = std::string_view(lower).substr(from, end - from + window);
    return std::any_of(rules_.structure.defined_term_cues.begin(), rules_.structure.defined_term_cues.end(),
                       [&](const std::string& cue) { return !cue.empty() && after.find(fold(cue)) != std::string_view::npos; });
  }

  Subject subject_of(const NormalizedText& nt, const std::vector<Mention>& all, const std::vector<Citation>& cites) {
    Subject s;
    const std::string& lower = nt.lower();
    const auto& rr = rules_.relations;
    const auto verb = clause_.subject_verb(lower);
    const std::size_t shall = verb.first;
    if (shall == std::string::npos) return s;
    s.stated = true;
    s.shall = shall;
    // The subject runs from the last comma outside parentheses before "shall".
    std::size_t from = 0;
    int depth = 0;
    for (std::size_t k = 0; k < shall; ++k) {
      if (lower[k] == '(') ++depth;
      else if (lower[k] == ')' && depth > 0) --depth;
      else if (lower[k] == ',' && depth == 0) from = k + 1;
    }
    // Names inside a cited title or number are not subjects.
    std::vector<const Mention*> ms;
    for (const auto& m : all)
      if (std::none_of(cites.begin(), cites.end(), [&](const Citation& c) { return m.begin >= c.begin && m.end <= c.end; }))
        ms.push_back(&m);
    std::size_t i = shall + verb.second;
    while (i < lower.size() && lower[i] == ' ') ++i;
    // Adverbs between "shall" and the verb: "shall be separately issued".
    auto next_word = [&](std::size_t& k) {
      std::size_t e = k;
      while (e < lower.size() && is_alnum(lower[e])) ++e;
      std::string w = lower.substr(k, e - k);
      k = e;
      while (k < lower.size() && lower[k] == ' ') ++k;
      return w;
    };
    std::size_t k = i;
    std::string w = next_word(k);
    while (is_adverb(w, rr)) w = next_word(k);
    bool passive = listed(rr.passive_auxiliaries, w);
    if (!passive) {
      for (const Mention* m : ms)
        if (m->begin >= from && m->end <= shall && can_be_responsible(m->kind)) {
          s.parties.insert(node(m->entity));
          s.named.push_back({node(m->entity), m->begin, m->end, "subject of shall"});
        }
      // "X shall, together with Y, ...": Y acts too.
      ctx_.together_with.each(nt, false, [&](const PhraseTable::Hit& h) {
        if (h.begin < shall) return;
        for (const Mention* m : ms)
          if (m->begin >= h.end && m->begin <= h.end + rr.party_window_chars && can_be_responsible(m->kind)) {
            s.parties.insert(node(m->entity));
            s.partners.insert(node(m->entity));
            s.named.push_back({node(m->entity), h.begin, m->end, "together with"});
          }
      });
    } else {
      const std::string& cue = rr.passive_agent_cue;
      for (std::size_t by = find_word(lower, cue, shall); by != std::string::npos; by = find_word(lower, cue, by + cue.size())) {
        const std::size_t after = by + cue.size() + 1;  // past the cue and its space
        for (const Mention* m : ms)
          if (m->begin >= after && m->begin <= after + rr.passive_agent_window_chars && can_be_responsible(m->kind)) {
            s.agents.insert(node(m->entity));
            s.named.push_back({node(m->entity), by, m->end, "agent of a passive shall"});
          }
      }
    }
    return s;
  }

  std::string unit_label(const Unit& u) const {
    auto& st = rules_.structure;
    std::string heading = collapse_whitespace(src_.view(u.heading));
    while (!heading.empty() && (heading.back() == '.' || heading.back() == ':')) heading.pop_back();
    switch (u.kind) {
      case UnitKind::Section:
      case UnitKind::Task:
        return shorten(u.number.empty() ? heading : u.number + ". " + heading, st.heading_label_max_chars);
      case UnitKind::Initiative:
        if (!heading.empty()) return shorten(u.number.empty() ? heading : u.number + ". " + heading, st.heading_label_max_chars);
        [[fallthrough]];
      case UnitKind::Provision: {
        // Only as much text as the label can show is collapsed.
        const std::size_t limit = st.measure_label_max_chars + 16;
        std::string body = collapse_whitespace(src_.view(u.children.empty() ? u.span : u.children.front().span), limit);
        return shorten((u.number.empty() ? std::string() : u.number + ". ") + body, st.measure_label_max_chars);
      }
      case UnitKind::Measure: {
        std::string text = collapse_whitespace(src_.view(u.span), st.measure_label_max_chars + 16);
        auto starts_folded = [&](std::string_view lead) {
          return text.size() >= lead.size() &&
                 std::equal(lead.begin(), lead.end(), text.begin(), [](char a, char b) {
                   return a == (is_upper(b) ? static_cast<char>(b - 'A' + 'a') : b);
                 });
        };
        bool dropped = false;
        for (const auto& opening : st.measure_label_dropped_openings)
          for (std::string_view after : {", ", " "}) {
            const std::string lead = opening + std::string(after);
            if (dropped || opening.empty() || !starts_folded(lead) || text.size() <= lead.size() + 3) continue;
            text = text.substr(lead.size());
            dropped = true;
          }
        if (is_lower(text[0])) text[0] = static_cast<char>(text[0] - 'a' + 'A');
        return shorten(text, st.measure_label_max_chars);
      }
    }
    return {};
  }

  void relate_units(const std::string& doc_id, const ParsedDocument& pd) {
    doc_id_ = doc_id;
    defined_doc_.clear();
    counters_ = {};
    measures_.clear();
    std::size_t first_unit = facts_.units.size();
    doc_ref_ = node(doc_id);
    for (std::size_t i = 0; i < pd.units.size(); ++i)
      walk(pd.units[i], UnitFacts::kNoUnit, i + 1, i + 1, false, false);
    link_prerequisites();
    // A document references what its units reference.
    // (Sorted once: a long document may cite many documents, more than a RefSet is for.)
    std::vector<Ref> refs;
    for (std::size_t u = first_unit; u < facts_.units.size(); ++u)
      refs.insert(refs.end(), facts_.units[u].references.begin(), facts_.units[u].references.end());
    std::sort(refs.begin(), refs.end());
    refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
    DocumentFacts& d = facts_.document(doc_id);
    for (Ref r : refs)
      if (r != doc_ref_) d.references.insert(facts_.nodes[r]);
  }

  Ref node(const std::string& id) { return facts_.nodes.ref(id); }

  // Adds the names of `refs` to a document's set.
  void insert_names(std::set<std::string>& to, const RefSet& refs) const {
    for (Ref r : refs) to.insert(facts_.nodes[r]);
  }

  // The IRI path of a unit's child: the document's for top-level units.
  std::string child_id(std::size_t parent, std::string_view kind, std::size_t n) const {
    const std::string& prefix = parent == UnitFacts::kNoUnit ? doc_id_ : facts_.units[parent].id;
    std::string id;
    id.reserve(prefix.size() + kind.size() + 4);
    id += prefix;
    id += kind;
    id += std::to_string(n);
    return id;
  }

  // A child's citation key: its parent's and its ordinal (T9.5 and 2 make T9.5.2); a unit with no
  // parent unit is `letter` and its ordinal.
  std::string child_key(std::size_t parent, std::string_view letter, std::size_t n) const {
    if (parent == UnitFacts::kNoUnit) return std::string(letter) + std::to_string(n);
    return facts_.units[parent].key + "." + std::to_string(n);
  }

  struct Walked {
    RefSet active;  ///< responsible parties stated in the unit's measures
  };

  Walked walk(const Unit& u, std::size_t parent, std::size_t position, std::size_t ordinal,
              bool implementation, bool statements) {
    std::string id, key;
    switch (u.kind) {
      case UnitKind::Provision:
        id = doc_id_ + "/provision/" + std::to_string(++counters_[0]);
        key = "P" + std::to_string(counters_[0]);
        break;
      case UnitKind::Section:
        id = doc_id_ + "/section/" + std::to_string(++counters_[1]);
        key = "S" + std::to_string(counters_[1]);
        break;
      case UnitKind::Task:
        id = doc_id_ + "/task/" + std::to_string(++counters_[2]);
        key = "T" + std::to_string(counters_[2]);
        break;
      case UnitKind::Initiative:
        id = child_id(parent, "/initiative/", ordinal);
        key = child_key(parent, "I", ordinal);
        break;
      case UnitKind::Measure:
        id = child_id(parent, "/measure/", ordinal);
        key = child_key(parent, "M", ordinal);
        break;
    }
    facts_.units.emplace_back();
    std::size_t index = facts_.units.size() - 1;
    {
      UnitFacts& f = facts_.units[index];
      f.id = std::move(id);
      f.key = std::move(key);
      f.parent = parent;
      f.document = doc_ref_;
      f.kind = u.kind;
      f.position = position;
      f.number = u.number;
      f.text = src_.view(u.span);
      f.start = src_.code_point(u.span.begin);
      f.end = src_.code_point(u.span.end);
      f.label = unit_label(u);
    }
    if (!u.heading.empty()) {
      NormalizedText nt(t_, u.heading);
      auto ms = ctx_.recogniser.find(nt);
      for (const auto& m : ms) {
        register_entity(m);
        Ref e = node(m.entity);
        facts_.units[index].mentions.insert(e);
        if (is_place(m.kind)) facts_.units[index].applies_to.insert(e);
      }
      for (const auto& c : ctx_.citations.find(nt, ms)) {
        std::string doc = resolve(c, doc_id_);
        if (c.kind == Citation::Kind::Document) register_citation(c);
        if (!doc.empty() && doc != doc_id_) facts_.units[index].references.insert(node(doc));
      }
      if (u.kind == UnitKind::Section) {
        for (const auto& ih : rules_.relations.implementation_headings)
          if (same_folded(src_.view(u.heading), ih)) implementation = true;
        for (const auto& sh : rules_.classification.statements.headings)
          if (same_folded(collapse_whitespace(src_.view(u.heading)), sh)) {
          statements = true;
          if (ctx_.evidence)
            statement_heading_ = {src_.code_point(u.heading.begin), src_.code_point(u.heading.end),
                                  collapse_whitespace(src_.view(u.heading))};
        }
      }
    }
    Walked result;
    // Children: measures grouped by sentence, other units one by one.
    std::size_t i = 0;
    std::size_t initiatives = 0, measures = 0;
    while (i < u.children.size()) {
      const Unit& c = u.children[i];
      if (c.kind != UnitKind::Measure) {
        Walked w = walk(c, index, i + 1, ++initiatives, implementation, statements);
        result.active.insert(w.active);
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < u.children.size() && u.children[j].kind == UnitKind::Measure && u.children[j].sentence == c.sentence) ++j;
      RefSet active = sentence(u.children, i, j, measures, index, statements);
      measures += j - i;
      result.active.insert(active);
      i = j;
    }
    if (u.kind == UnitKind::Provision) {
      facts_.units[index].responsible.insert(result.active);
      // A reply's articles naming who acts make them responsible for the plan it approves.
      const DocumentFacts& d = facts_.documents.at(doc_id_);
      std::set<std::string> plans = d.approves;
      for (const auto& p : plans) insert_names(facts_.document(p).responsible, result.active);
    }
    if (u.kind == UnitKind::Section && implementation && facts_.documents.at(doc_id_).type != "OfficialReply")
      insert_names(facts_.document(doc_id_).responsible, result.active);
    return result;
  }

  // Analyses the clauses [from, to) of one sentence; returns the parties stated in the active voice.
  RefSet sentence(const std::vector<Unit>& siblings, std::size_t from, std::size_t to, std::size_t measures_before,
                  std::size_t parent, bool statements) {
    RefSet carried;  // subject carried over to later clauses
    struct Carried {
      Ref ref;
      Point at;
    };
    std::vector<Carried> carried_at;  // where the carried subject was named
    RefSet all_active;
    std::vector<std::pair<std::string, std::size_t>> earlier_docs;  // documents cited so far, with clause
    bool keep = false;
    for (std::size_t k = from; k < to; ++k) {
      const Unit& m = siblings[k];
      std::string id = child_id(parent, "/measure/", measures_before + (k - from) + 1);
      facts_.units.emplace_back();
      std::size_t index = facts_.units.size() - 1;
      UnitFacts* f = &facts_.units[index];
      f->id = std::move(id);
      f->key = child_key(parent, "M", measures_before + (k - from) + 1);
      f->parent = parent;
      f->document = doc_ref_;
      f->kind = UnitKind::Measure;
      f->position = k + 1;
      f->text = src_.view(m.span);
      f->start = src_.code_point(m.span.begin);
      f->end = src_.code_point(m.span.end);
      f->label = unit_label(m);

      NormalizedText nt(t_, m.span);
      auto ms = ctx_.recogniser.find(nt);
      auto cites = ctx_.citations.find(nt, ms);
      Subject s = subject_of(nt, ms, cites);
      RefSet responsible;
      if (s.stated) {
        carried = s.parties;
        carried_at.clear();
        for (const auto& n : s.named)
          if (s.parties.contains(n.ref)) carried_at.push_back({n.ref, points(nt, n.begin, n.end)});
        responsible = s.parties;
        responsible.insert(s.agents);
        for (const auto& n : s.named) note(*f, Evidence::Kind::Responsible, n.ref, points(nt, n.begin, n.end), n.rule);
      } else {
        responsible = carried;
        for (const auto& c : carried_at)
          note(*f, Evidence::Kind::Responsible, c.ref, c.at, "subject carried from earlier in the sentence");
      }
      all_active.insert(s.stated ? s.parties : carried);
      const Masked masked = clause_.names_in(nt, ms, cites);
      auto exclusions = ctx_.exclusion_cues.scan(nt);
      auto scopes = ctx_.scope_cues.scan(nt);
      for (const auto& e : ms) {
        // "Beijing Industrial Finance Center": a place that only begins a longer name is no place.
        if (is_place(e.kind) && (clause_.starts_longer_name(nt, e.end) || clause_.ends_longer_name(nt, e.begin, e.end))) continue;
        // A name inside a cited title or number belongs to the document cited, not to the clause
        // (its issuer named in the clause's words, "the action plan made by X", is the clause's).
        if (std::any_of(cites.begin(), cites.end(), [&](const Citation& c) {
              return c.kind == Citation::Kind::Document && c.begin <= e.begin && e.end <= c.end &&
                     !(c.issuer == e.entity && clause_.after_by(nt.lower(), e.begin));
            }))
          continue;
        register_entity(e);
        Ref r = node(e.entity);
        f->mentions.insert(r);
        // "the relevant departments of the State Council" names the State Council too.
        if (const GazetteerEntity* g = ctx_.gazetteer.find(e.entity); g && !g->parent.empty())
          if (const GazetteerEntity* p = ctx_.gazetteer.find(g->parent);
              p && nt.lower().substr(e.begin, e.end - e.begin).find(fold(p->name)) != std::string::npos) {
            add_known(*p);
            f->mentions.insert(node(p->id));
          }
        if (!is_place(e.kind)) continue;
        const auto& unlocated = rules_.relations.unlocated_places;
        if (std::find(unlocated.begin(), unlocated.end(), e.entity) != unlocated.end()) continue;
        // "the strategy of coordinated development of <a region>": the strategy's scope.
        if (std::any_of(scopes.begin(), scopes.end(), [&](const PhraseTable::Hit& h) { return h.end + 1 == e.begin; }))
          continue;
        if (std::size_t cue = clause_.excluded(nt, exclusions, e.begin); cue != ClauseReader::kNotExcluded) {
          f->excludes.insert(r);
          note(*f, Evidence::Kind::Excludes, r, points(nt, cue, e.end), "exclusion cue");
        } else if (!f->applies_to.contains(r)) {
          f->applies_to.insert(r);
          note(*f, Evidence::Kind::AppliesTo, r, points(nt, e.begin, e.end), "place named");
        }
      }
      for (Ref r : responsible) {
        f->responsible.insert(r);
        auto it = facts_.entities.find(facts_.nodes[r]);
        if (it != facts_.entities.end() && it->second.kind == EntityKind::District && !f->applies_to.contains(r)) {
          f->applies_to.insert(r);
          for (const auto& e : f->evidence)
            if (e.kind == Evidence::Kind::Responsible && e.object == r) {
              note(*f, Evidence::Kind::AppliesTo, r, {e.start, e.end, e.words}, "district that acts");
              break;
            }
        }
      }
      assign_roles(nt, ms, s, responsible, *f);
      const std::string& lower = nt.lower();
      // Citations: references, dependencies, force.
      std::vector<std::string> ordered;  // documents in this clause in order, back references expanded
      const auto back_cues = cites.empty() ? std::vector<PhraseTable::Hit>{} : ctx_.back_dependency_cues.scan(nt);
      for (const auto& c : cites) {
        if (c.kind == Citation::Kind::BackReference) {  // "the above Official Replies": each of them
          for (const auto& [doc, clause] : earlier_docs)
            if (clause < k) {
              ordered.push_back(doc);
              if (doc == doc_id_ || f->references.contains(node(doc))) continue;
              f->references.insert(node(doc));
              note(*f, Evidence::Kind::References, node(doc), points(nt, c.begin, c.end), "back reference");
            }
          continue;
        }
        if (c.kind == Citation::Kind::Document && defined_doc_.empty() && defines_term(lower, c.begin, c.end))
          defined_doc_ = c.doc;
        std::string doc = resolve(c, doc_id_);
        if (doc.empty()) continue;
        if (c.kind == Citation::Kind::Document) register_citation(c);
        ordered.push_back(doc);
        earlier_docs.emplace_back(doc, k);
        if (doc == doc_id_) continue;  // the plan a measure belongs to is neither cited nor relied on
        f->references.insert(node(doc));
        note(*f, Evidence::Kind::References, node(doc), points(nt, c.begin, c.end), "citation");
        if (clause_.cue_before(lower, c.begin)) {
          f->depends_on.insert(node(doc));
          note(*f, Evidence::Kind::DependsOn, node(doc), points(nt, c.begin, c.end), "dependency cue before a citation");
        } else {
          for (const auto& h : back_cues)
            if (h.begin >= c.end) {
              f->depends_on.insert(node(doc));
              note(*f, Evidence::Kind::DependsOn, node(doc), points(nt, h.begin, h.end), "dependency cue after a citation");
              break;
            }
        }
      }
      if (ctx_.keep_in_force.any(nt)) keep = true;
      if (ctx_.prevail.any(nt) && ordered.size() >= 2) {
        bool latter = ctx_.latter.any(nt), former = ctx_.former.any(nt);
        if (latter || former) {
          std::string winner = latter ? ordered.back() : ordered.front();
          for (const auto& d : ordered)
            if (d != winner) facts_.document(winner).prevails_over.insert(d);
        }
      }
      // Plan-level responsibility stated in so many words ("organize the implementation of the Plan").
      if (ctx_.plan_responsibility.any(nt) && !s.parties.empty())
        for (const auto& c : cites)
          if (c.kind == Citation::Kind::DefinedTerm)
            if (std::string plan = resolve(c, doc_id_); !plan.empty())
              insert_names(facts_.document(plan).responsible, s.parties);
      if (facts_.documents.at(doc_id_).valid_for.empty())
        if (std::string v = validity(nt); !v.empty()) facts_.document(doc_id_).valid_for = v;
      // Prerequisites named directly: "rely on the platform of <a named centre>"; a zone named
      // there ("based on the concept of <a zone> and <a zone>") is relied on, not where the
      // clause applies. After a named cue the name comes at once ("under the Madrid system",
      // "take <a park> as the core"), and a zone is also where the clause applies.
      const auto prerequisites = ctx_.prerequisite_cues.scan(nt);
      std::vector<PhraseTable::Hit> named_relied_on;  // cues that named what the clause relies on
      auto named_prerequisites = [&](const std::vector<PhraseTable::Hit>& cues, bool at_once) {
        for (const auto& h : cues) {
          const std::size_t stop = std::min(lower.find_first_of(";.", h.end), lower.size());
          std::size_t last = 0;  // the end of the last name taken, when the next may join it
          for (const auto& e : ms) {
            if (e.begin < h.end || e.end > stop) continue;
            if (e.kind != EntityKind::Infrastructure && e.kind != EntityKind::Zone) continue;
            const bool near = at_once ? e.begin == h.end + 1 && lower[h.end] == ' '
                                      : e.begin <= h.end + rules_.relations.prerequisite_name_window_chars &&
                                            lower.find(',', h.end) >= e.begin;
            std::string_view between =
                last ? std::string_view(lower).substr(last, e.begin - last) : std::string_view();
            const bool joined = last && clause_.joins_names(between);
            if (!near && !joined) continue;
            last = e.end;
            if (named_relied_on.empty() || named_relied_on.back().begin != h.begin)
              named_relied_on.push_back(h);
            const Ref r = node(e.entity);
            f->depends_on.insert(r);
            note(*f, Evidence::Kind::DependsOn, r, points(nt, h.begin, e.end), "prerequisite cue");
            if (!at_once && e.kind == EntityKind::Zone && f->applies_to.contains(r)) {
              f->applies_to.erase(r);
              std::erase_if(f->evidence,
                            [&](const Evidence& x) { return x.kind == Evidence::Kind::AppliesTo && x.object == r; });
            }
          }
        }
      };
      named_prerequisites(prerequisites, false);
      named_prerequisites(ctx_.named_prerequisite_cues.scan(nt), true);
      // Conditions (the text's own words), unless the clause removes them; classification.
      const Masked restrictions = conditions_of(nt, masked, *f);
      Point statement_at{};
      const char* statement_rule = nullptr;
      if (statements) {
        statement_at = statement_heading_;
        statement_rule = "statement heading";
      } else if (auto cue = clause_.statement_cue(nt)) {
        statement_at = points(nt, cue->first, cue->second);
        statement_rule = "statement cue";
      }
      f->statement = statement_rule != nullptr;
      if (f->statement) {  // a statement sets no action: nothing to restrict, rely on or classify
        f->conditions.clear();
        f->depends_on.clear();
        std::erase_if(f->evidence, [](const Evidence& e) {
          return e.kind == Evidence::Kind::Condition || e.kind == Evidence::Kind::DependsOn;
        });
        note(*f, Evidence::Kind::Statement, 0, statement_at, statement_rule);
      } else {
        // A listed platform or programme says what it serves ("QDII" is finance): its name is
        // masked for the instrument, not for the sector.
        const bool named_platform = std::any_of(ms.begin(), ms.end(), [](const Mention& e) {
          return e.known && e.kind == EntityKind::Infrastructure;
        });
        // Nor does a restriction or a prerequisite say what the clause is about: "services with
        // high added value and advanced technologies" or "products based on digital technologies"
        // are no technology measure, and what a clause relies on is not what it does ("take
        // advantage of the free-visa transit policy, and support the opening-up …" opens demand).
        Masked sector_masked = named_platform ? clause_.names_in(nt, ms, cites, false) : masked;
        sector_masked.insert(sector_masked.end(), restrictions.begin(), restrictions.end());
        auto relied = [&](const PhraseTable::Hit& h) {  // up to the next punctuation or "and"
          std::size_t end = std::min(lower.find_first_of(",;.", h.end), lower.size());
          for (const auto& c : rules_.relations.conjunctions)
            if (!c.empty()) end = std::min(end, lower.find(" " + c + " ", h.end));
          return std::make_pair(h.begin, end);
        };
        Masked relied_on, named_opening;
        for (const auto& h : prerequisites) relied_on.push_back(relied(h));
        for (const auto& h : named_relied_on) named_opening.push_back(relied(h));
        sector_masked.insert(sector_masked.end(), relied_on.begin(), relied_on.end());
        std::sort(sector_masked.begin(), sector_masked.end());
        Masked instrument_masked = masked;
        instrument_masked.insert(instrument_masked.end(), restrictions.begin(), restrictions.end());
        instrument_masked.insert(instrument_masked.end(), relied_on.begin(), relied_on.end());
        std::sort(instrument_masked.begin(), instrument_masked.end());
        // A clause that opens with what it relies on acts after it: in "rely on the platform of X
        // and work to promote …" the action is "work to promote", and in "take the <park> as the
        // core and speed up …" it is "speed up". So does one that opens with a restriction
        // ("according to certain regulations, commend …") or a frame up to a comma ("for the
        // vehicles imported …, allow …"), and a passive that closes at a comma before its purpose
        // acts in the purpose ("the … principle shall be abided by, to strengthen …").
        std::size_t action = clause_.action_start(nt);
        // The action moves past an opening ending at `end`, the comma, the conjunction and
        // adverbs after it, unless nothing follows.
        bool moved = true;
        auto move_past = [&](std::size_t end) {
          const std::size_t at = skip_words(lower, end, [this](std::string_view word) {
            return listed(rules_.relations.conjunctions, word) || is_adverb(word, rules_.relations);
          });
          if (at >= lower.size() || at == action) return;
          action = at;
          moved = true;
        };
        while (moved) {
          moved = false;
          for (const Masked* opening :
               std::initializer_list<const Masked*>{&relied_on, &named_opening, &restrictions})
            for (const auto& [b, e] : *opening)
              if (b == action && e > b) move_past(e);
          for (const auto& frame : rules_.relations.opening_frames)
            if (opens_at(lower, action, frame)) {
              const std::size_t comma = lower.find(',', action);
              if (comma != std::string::npos && comma < lower.find(';', action)) move_past(comma);
              break;
            }
          const auto& aux = rules_.relations.passive_auxiliaries;
          if (std::any_of(aux.begin(), aux.end(), [&](const std::string& a) { return opens_at(lower, action, a); }))
            if (const std::size_t comma = lower.find(", ", action);
                comma != std::string::npos && comma < lower.find(';', action))
              for (const auto& purpose : rules_.relations.passive_purposes)
                if (opens_at(lower, comma + 2, purpose)) {
                  move_past(comma + 2 + purpose.size());
                  break;
                }
        }
        // A listed programme or platform says what instrument it is, unless the clause only
        // relies on it or names it in a restriction.
        std::vector<std::pair<std::string_view, Classification::At>> named;
        for (const auto& e : ms) {
          if (!e.known || e.kind != EntityKind::Infrastructure) continue;
          auto inside = [&e](const Masked& spans) {
            return std::any_of(spans.begin(), spans.end(), [&e](const auto& sp) {
              return sp.first < e.end && e.begin < sp.second;
            });
          };
          if (!inside(restrictions) && !inside(relied_on) && !inside(named_opening))
            named.emplace_back(e.entity, Classification::At{e.begin, e.end});
        }
        Classification cl =
            ctx_.classifier.classify(nt, instrument_masked, action, &sector_masked, named);
        if (cl.instrument != Classification::kNone) {
          f->instrument = instrument_refs_[cl.instrument];
          note(*f, Evidence::Kind::Instrument, f->instrument, points(nt, cl.instrument_at.first, cl.instrument_at.second),
               cl.by_action ? "leading action" : "instrument keywords");
        }
        // A clause's sectors are its own: a heading's words name what its clauses share, not
        // what each of them does.
        for (std::size_t i = 0; i < cl.sectors.size(); ++i) {
          f->sectors.insert(sector_refs_[cl.sectors[i]]);
          note(*f, Evidence::Kind::Sector, sector_refs_[cl.sectors[i]],
               points(nt, cl.sector_at[i].first, cl.sector_at[i].second), "sector keyword");
        }
      }
      measures_.push_back({index, std::move(nt)});
    }
    if (keep) {
      DocumentFacts& d = facts_.document(doc_id_);
      for (const auto& [doc, clause] : earlier_docs)
        if (doc != doc_id_) d.keeps_in_force.insert(doc);
    }
    return all_active;
  }

  // The code points of the source under normalised bytes [begin, end) of a clause.
  Point points(const NormalizedText& nt, std::size_t begin, std::size_t end) const {
    if (begin >= end || !ctx_.evidence) return {};
    Span sp = nt.source(begin, end);
    return {src_.code_point(sp.begin), src_.code_point(sp.end), nt.text().substr(begin, end - begin)};
  }

  // Records where a fact comes from, when the build asks for evidence.
  void note(UnitFacts& f, Evidence::Kind kind, std::size_t object, Point at, std::string_view rule) const {
    if (ctx_.evidence) f.evidence.push_back({kind, object, at.start, at.end, at.words, rule});
  }

  // Who does what in a clause: each acting party implements, unless the clause's action names
  // another role ("intensify guidance and coordination": coordinate; "supervision, inspection":
  // supervise; "take the lead"); a party "together with" the subject coordinates; "under the
  // leadership of X" makes X lead; a reply's clause approving ("hereby approved") names its
  // issuer approving, and one handing over the implementation ("for your earnest
  // implementation") names its addressees.
  void assign_roles(const NormalizedText& nt, const std::vector<Mention>& ms, const Subject& s, const RefSet& responsible,
                    UnitFacts& f) {
    auto add = [&](Ref agent, Role role, Point at, std::string_view rule) {
      Responsibility r{agent, role};
      if (std::find(f.roles.begin(), f.roles.end(), r) != f.roles.end()) return;
      f.roles.push_back(r);
      note(f, Evidence::Kind::Role, f.roles.size() - 1, at, rule);
    };
    const std::size_t action = s.stated ? s.shall : 0;
    struct Found {
      Role role;
      Point at;
      std::string_view rule;
    };
    std::vector<Found> clause_roles;
    auto scan = [&](const PhraseTable& cues, Role role, std::string_view rule) {
      for (const auto& h : cues.scan(nt))
        if (h.begin >= action) {
          clause_roles.push_back({role, points(nt, h.begin, h.end), rule});
          break;
        }
    };
    scan(ctx_.lead_cues, Role::Lead, "lead cue");
    scan(ctx_.coordinate_cues, Role::Coordinate, "coordination cue");
    scan(ctx_.supervise_cues, Role::Supervise, "supervision cue");
    for (Ref r : responsible) {
      Point named{};
      for (const auto& e : f.evidence)
        if (e.kind == Evidence::Kind::Responsible && e.object == r) named = {e.start, e.end, e.words};
      if (s.partners.contains(r)) add(r, Role::Coordinate, named, "together with");
      else if (clause_roles.empty()) add(r, Role::Implement, named, "acting party");
      else
        for (const auto& c : clause_roles) add(r, c.role, c.at, c.rule);
    }
    ctx_.leadership_cues.each(nt, false, [&](const PhraseTable::Hit& h) {
      for (const auto& m : ms)
        if (m.begin >= h.end && m.begin <= h.end + rules_.relations.party_window_chars && can_be_responsible(m.kind)) {
          register_entity(m);
          const Ref r = node(m.entity);
          f.responsible.insert(r);
          note(f, Evidence::Kind::Responsible, r, points(nt, h.begin, m.end), "under the leadership of");
          add(r, Role::Lead, points(nt, h.begin, m.end), "under the leadership of");
        }
    });
    const DocumentFacts& d = facts_.documents.at(doc_id_);
    if (d.type != "OfficialReply") return;
    for (const auto& h : ctx_.approval_cues.scan(nt)) {
      for (const auto& issuer : d.issued_by) add(node(issuer), Role::Approve, points(nt, h.begin, h.end), "approval cue");
      break;
    }
    for (const auto& h : ctx_.addressee_cues.scan(nt)) {
      for (const auto& to : d.addressed_to) add(node(to), Role::Addressee, points(nt, h.begin, h.end), "addressee cue");
      break;
    }
  }

  // Conditions in the text's words: each cue outside names, extended to the end of its phrase
  // where the rule says so; none when a removal cue ("lift the restriction") comes before it.
  // Where they stand in the normalised text, ascending.
  Masked conditions_of(const NormalizedText& nt, const Masked& masked, UnitFacts& f) {
    Masked spans;
    const std::string& lower = nt.lower();
    std::size_t removal = std::string::npos;
    for (const auto& h : ctx_.removal_cues.scan(nt)) {
      removal = h.begin;
      break;
    }
    ctx_.conditions.each(nt, false, [&](const PhraseTable::Hit& h) {
      if (is_masked(masked, h.begin, h.end) || (removal != std::string::npos && removal < h.begin)) return;
      const ConditionRule& rule = rules_.conditions[condition_rule_[h.payload]];
      std::size_t end = h.end;
      if (rule.extends) {
        std::size_t stop = std::min(lower.find_first_of(",;.)", h.end), lower.size());
        std::size_t words = 0;
        for (std::size_t k = h.end; k < stop; ++k)
          if (lower[k] == ' ' && k + 1 < stop && ++words > rule.max_words) {
            stop = k;
            break;
          }
        end = stop;
        while (end > h.end && lower[end - 1] == ' ') --end;
      }
      spans.emplace_back(h.begin, end);
      const Ref r = facts_.literals.ref(nt.text().substr(h.begin, end - h.begin));
      if (f.conditions.contains(r)) return;
      f.conditions.insert(r);
      note(f, Evidence::Kind::Condition, r, points(nt, h.begin, end), "condition cue");
    });
    return spans;
  }

  // "based on the credit commitment system": the measure of the same document that builds it.
  // An index from each word to the measures that create something and contain it keeps this
  // linear in long documents.
  void link_prerequisites() {
    const auto& rr = rules_.relations;
    // Views into the clauses' folded text, which measures_ keeps unchanged while this runs.
    auto each_word = [&rr](std::string_view text, std::size_t max, auto&& fn) {
      std::size_t p = 0, n = 0;
      while (p < text.size() && n < max) {
        while (p < text.size() && !is_alnum(text[p])) ++p;
        std::size_t e = p;
        while (e < text.size() && (is_alnum(text[e]) || text[e] == '-')) ++e;
        std::string_view w = text.substr(p, e - p);
        if (w.size() >= rr.prerequisite_word_min_chars && !listed(rr.prerequisite_skip_words, w)) {
          fn(w);
          ++n;
        }
        p = e;
      }
    };
    // The words of the measures that create something, with the measure's position in measures_,
    // sorted by the word's hash first (integers compare faster than words): the measures listed
    // under a word are one run, in document order.
    struct Listing {
      std::size_t hash;
      std::string_view word;
      std::size_t measure;
      bool operator<(const Listing& o) const {
        if (hash != o.hash) return hash < o.hash;
        if (word != o.word) return word < o.word;
        return measure < o.measure;
      }
      bool operator==(const Listing&) const = default;
    };
    const std::hash<std::string_view> hash_of;
    std::vector<Listing> creators;
    bool indexed = false;
    using Run = std::pair<std::vector<Listing>::const_iterator, std::vector<Listing>::const_iterator>;
    std::vector<std::string_view> words;
    std::vector<Run> runs;  // each word's listings
    for (std::size_t mi = 0; mi < measures_.size(); ++mi) {
      const auto& [index, nt] = measures_[mi];
      if (facts_.units[index].statement) continue;  // relies on nothing
      const std::string& lower = nt.lower();
      auto hits = ctx_.prerequisite_cues.scan(nt);
      if (hits.empty()) continue;
      if (!indexed) {
        for (std::size_t k = 0; k < measures_.size(); ++k)
          if (ctx_.creation_verbs.any(measures_[k].text))
            each_word(measures_[k].text.lower(), SIZE_MAX,
                      [&](std::string_view w) { creators.push_back({hash_of(w), w, k}); });
        std::sort(creators.begin(), creators.end());
        creators.erase(std::unique(creators.begin(), creators.end()), creators.end());
        indexed = true;
      }
      auto conditions = ctx_.conditions.scan(nt);
      for (const auto& h : hits) {
        // "based on laws and regulations" is a condition, not a prerequisite.
        if (std::any_of(conditions.begin(), conditions.end(),
                        [&](const PhraseTable::Hit& c) { return c.begin <= h.begin && h.begin < c.end; }))
          continue;
        std::size_t stop = lower.find_first_of(",;.", h.end);
        const std::size_t phrase_end = stop == std::string::npos ? lower.size() : stop;
        words.clear();
        each_word(std::string_view(lower).substr(h.end, phrase_end - h.end), rr.prerequisite_max_words,
                  [&](std::string_view w) { words.push_back(w); });
        if (words.size() < std::max<std::size_t>(rr.prerequisite_min_words, 1)) continue;
        // The words of the prerequisite as written, from its first word to its last counted one.
        const std::string_view named(words.front().data(),
                                     static_cast<std::size_t>(words.back().data() + words.back().size() - words.front().data()));
        // The first measure in document order, other than this one, listed under every word:
        // the rarest word's run is walked in order, each measure looked up in the other runs
        // (within a run only the measure differs), so a long document's common words cost a
        // binary search, not a pass over their runs.
        runs.clear();
        for (std::string_view w : words) {
          const std::size_t word_hash = hash_of(w);
          auto from = std::lower_bound(creators.begin(), creators.end(), Listing{word_hash, w, 0});
          auto to = std::upper_bound(from, creators.end(), Listing{word_hash, w, SIZE_MAX});
          runs.emplace_back(from, to);
        }
        auto rarest = std::min_element(runs.begin(), runs.end(),
                                       [](const Run& a, const Run& b) { return a.second - a.first < b.second - b.first; });
        auto listed = [](const Run& run, std::size_t k) {
          return std::ranges::binary_search(run.first, run.second, k, {}, &Listing::measure);
        };
        bool linked = false;
        for (auto it = rarest->first; it != rarest->second && !linked; ++it) {
          const std::size_t k = it->measure;
          if (k == mi || !std::all_of(runs.begin(), runs.end(), [&](const Run& r) { return listed(r, k); })) continue;
          // The measure must name it in the same words, in the same order ("credit commitment
          // system" is not built by "a credit supervision system centered on credit commitment").
          if (measures_[k].text.lower().find(named) == std::string::npos) continue;
          auto& deps = facts_.units[index].depends_on_units;
          if (std::find(deps.begin(), deps.end(), measures_[k].index) == deps.end()) {
            deps.push_back(measures_[k].index);
            note(facts_.units[index], Evidence::Kind::DependsOnUnit, measures_[k].index, points(nt, h.begin, phrase_end),
                 "prerequisite some measure builds");
          }
          linked = true;
        }
        if (linked) continue;
        if (Ref r = link_infrastructure(index, nt.text(), lower, h.end, phrase_end); r != UnitFacts::kNoRef)
          note(facts_.units[index], Evidence::Kind::DependsOn, r, points(nt, h.begin, phrase_end),
               "prerequisite named as infrastructure");
      }
    }
  }

  // A prerequisite no measure of the document builds, named as a platform, system or mechanism
  // ("based on the nationwide credit information sharing platform"): the infrastructure itself.
  // [from, to) is the normalised text after the cue up to the next comma, semicolon or stop.
  // The infrastructure's ref, or kNoRef when the phrase names none.
  Ref link_infrastructure(std::size_t unit, const std::string& text, const std::string& lower, std::size_t from,
                          std::size_t to) {
    const auto& rr = rules_.relations;
    while (from < to && lower[from] == ' ') ++from;
    while (to > from && lower[to - 1] == ' ') --to;
    for (const auto& article : rr.articles)
      if (opens_at(lower, from, article)) from += article.size() + 1;
    if (from >= to) return UnitFacts::kNoRef;
    std::string_view phrase(lower.data() + from, to - from);
    // Three words at least: "the existing platforms" names nothing in particular.
    std::size_t words = 1 + static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' '));
    if (words < rr.infrastructure_min_words || words > rr.infrastructure_max_words) return UnitFacts::kNoRef;
    if (!std::all_of(phrase.begin(), phrase.end(), [](char c) { return is_alnum(c) || c == ' ' || c == '-' || c == '\''; }))
      return UnitFacts::kNoRef;
    std::string_view last = phrase.substr(phrase.rfind(' ') + 1);
    if (std::find(rr.infrastructure_heads.begin(), rr.infrastructure_heads.end(), last) == rr.infrastructure_heads.end())
      return UnitFacts::kNoRef;
    Mention m;
    m.surface = text.substr(from, to - from);
    m.kind = EntityKind::Infrastructure;
    m.entity = "infrastructure/" + slugify(m.surface);
    register_entity(m);
    Ref r = node(m.entity);
    // A common noun ("the integrated government service platform") is relied on, not a name the
    // clause mentions.
    facts_.units[unit].depends_on.insert(r);
    return r;
  }

  const SourceText& src_;
  const std::string& t_;
  const RelationContext& ctx_;
  const Rules& rules_;
  Facts& facts_;
  std::string doc_id_;
  std::string defined_doc_;  ///< the document a text defines as "the Plan" when it approves no annex of its own
  Ref doc_ref_ = UnitFacts::kNoRef;
  std::array<std::size_t, 3> counters_{};
  struct MeasureText {
    std::size_t index;    ///< in facts_.units
    NormalizedText text;  ///< the clause
  };
  std::vector<MeasureText> measures_;
  std::vector<std::size_t> condition_rule_;  ///< by condition phrase payload, the rule's index
  Point statement_heading_{};               ///< the heading that makes the clauses under it statements
  std::vector<Ref> instrument_refs_;  ///< by rule index, in Facts::concepts
  std::vector<Ref> sector_refs_;      ///< by rule index, in Facts::concepts
  ClauseReader clause_;  ///< what each clause's words say, by the rules
};

}  // namespace

RelationContext::RelationContext(const Gazetteer& g, const Rules& r, const TitleRegistry& titles)
    : gazetteer(g), rules(r), recogniser(g, r.entity_patterns), citations(g, r, titles), classifier(r.classification) {
  std::size_t n = 0;
  for (const auto& c : r.conditions)
    for (const auto& p : c.phrases) conditions.add(p, n++);
  add_all(dependency_cues, r.relations.dependency_cues);
  add_all(back_dependency_cues, r.relations.back_dependency_cues);
  add_all(prerequisite_cues, r.relations.prerequisite_cues);
  add_all(named_prerequisite_cues, r.relations.named_prerequisite_cues);
  add_all(creation_verbs, r.relations.creation_verbs);
  add_all(keep_in_force, r.relations.keep_in_force_cues);
  add_all(prevail, r.relations.prevail_cues);
  add_all(latter, r.relations.prevail_latter);
  add_all(former, r.relations.prevail_former);
  add_all(plan_responsibility, r.relations.plan_responsibility_cues);
  add_all(implementation_headings, r.relations.implementation_headings);
  add_all(together_with, r.relations.together_with);
  add_all(scope_cues, r.relations.scope_cues);
  add_all(exclusion_cues, r.relations.exclusion_cues);
  add_all(removal_cues, r.relations.removal_cues);
  add_all(statement_openings, r.classification.statements.openings);
  add_all(statement_phrases, r.classification.statements.phrases);
  add_all(lead_cues, r.relations.lead_cues);
  add_all(coordinate_cues, r.relations.coordinate_cues);
  add_all(supervise_cues, r.relations.supervise_cues);
  add_all(leadership_cues, r.relations.leadership_cues);
  add_all(approval_cues, r.relations.approval_cues);
  add_all(addressee_cues, r.relations.addressee_cues);
  add_all(validity_cues, r.structure.validity_cues);
}

std::string annex_id(const std::string& doc_id, const std::string& number) { return doc_id + "/annex/" + number; }

void relate(const SourceText& text, const ParsedDocument& parsed, const std::string& doc_id,
            const std::string& fallback_label, const RelationContext& context, Facts& facts) {
  DocumentRelator r(text, context, facts);
  r.relate_main(parsed, doc_id, fallback_label);
}

}  // namespace policykg::builder
