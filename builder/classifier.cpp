// Classifier: keyword hits per concept outside names; the instrument type with most hits (the
// clause's first action weighing three, the first type listed winning a tie), every sector with
// a hit.
#include "builder/classifier.hpp"

#include <algorithm>
#include <array>

#include "builder/normalized_text.hpp"

namespace policykg::builder {

bool is_masked(const Masked& masked, std::size_t begin, std::size_t end) {
  for (const auto& [b, e] : masked) {
    if (b >= end) break;
    if (e > begin) return true;
  }
  return false;
}

void Classifier::Keywords::add(std::string_view keyword, std::size_t payload) {
  if (keyword.ends_with('*')) prefixes.add(keyword.substr(0, keyword.size() - 1), payload);
  else words.add(keyword, payload);
}

Classifier::Classifier(const ClassificationRules& rules) : rules_(rules) {
  // Payload: the concept's index. A keyword listed under two concepts counts for the first.
  for (std::size_t c = 0; c < rules.instrument_types.size(); ++c) {
    const auto& type = rules.instrument_types[c];
    for (const auto& k : type.keywords) instruments_.add(k, c);
    for (const auto& k : type.actions) actions_.add(k, c);
    if (type.concept_name == rules.passive_permissions.concept_name) passive_permission_ = c;
    for (const auto& n : rules.named_instruments)
      if (n.concept_name == type.concept_name)
        for (const auto& id : n.entities) named_instruments_.emplace(id, c);  // under two: the earlier
  }
  for (std::size_t c = 0; c < rules.sectors.size(); ++c)
    for (const auto& k : rules.sectors[c].keywords) sectors_.add(k, c);
  for (const auto& k : rules.ignored) ignored_.add(k, 0);
  for (const auto& k : rules.light_verbs) light_verbs_.add(k, 0);
  for (const auto& k : rules.scope_cues) scope_cues_.add(k, 0);
  for (const auto& k : rules.beneficiaries.cues) beneficiary_cues_.add(k, 0);
  for (const auto& k : rules.beneficiaries.heads) beneficiary_heads_.add(k, 0);
}

Masked Classifier::with_beneficiaries(const NormalizedText& text, Masked masked) const {
  if (rules_.beneficiaries.cues.empty()) return masked;
  std::vector<PhraseTable::Hit> cues, heads;
  beneficiary_cues_.each(text, {}, [&](const PhraseTable::Hit& h) { cues.push_back(h); });
  if (cues.empty()) return masked;
  beneficiary_heads_.each(text, {}, [&](const PhraseTable::Hit& h) { heads.push_back(h); });
  std::sort(heads.begin(), heads.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  const std::string& lower = text.lower();
  const std::size_t before = masked.size();
  for (const auto& c : cues)
    for (const auto& h : heads) {
      if (h.begin <= c.end) continue;
      const std::string_view between(lower.data() + c.end, h.begin - c.end);
      if (between.find_first_of(",;:.()") != std::string_view::npos ||
          static_cast<std::size_t>(std::count(between.begin(), between.end(), ' ')) > rules_.beneficiaries.max_words)
        continue;
      // A bracket right after the head says whom it includes: "for vocational colleges
      // (including technical schools)".
      std::size_t end = h.end;
      const std::size_t open = lower.find_first_not_of(' ', end);
      if (open != std::string::npos && lower[open] == '(')
        if (const std::size_t close = lower.find(')', open); close != std::string::npos) end = close + 1;
      masked.emplace_back(c.begin, end);
      break;  // the nearest head
    }
  if (masked.size() != before) std::sort(masked.begin(), masked.end());
  return masked;
}

Masked Classifier::with_scopes(const NormalizedText& text, Masked masked) const {
  if (rules_.scope_cues.empty()) return masked;
  const std::string& lower = text.lower();
  const std::size_t before = masked.size();
  scope_cues_.each(text, {}, [&](const PhraseTable::Hit& h) {
    // The list runs to the end of its last item: the comma after its conjunction ("X, Y, and Z,"),
    // a semicolon or the clause's end; brackets inside an item are part of it.
    int depth = 0;
    bool last_item = false;
    std::size_t end = h.end;
    for (; end < lower.size(); ++end) {
      const char ch = lower[end];
      if (ch == '(') ++depth;
      else if (ch == ')') depth = depth > 0 ? depth - 1 : 0;
      else if (depth == 0 && (ch == ';' || ch == '.' || (ch == ',' && last_item))) break;
      else if (depth == 0 && ch == ' ')
        for (const auto& conj : rules_.conjunctions)
          if (opens_at(lower, end + 1, conj)) last_item = true;
    }
    masked.emplace_back(h.begin, end);
  });
  if (masked.size() != before) std::sort(masked.begin(), masked.end());
  return masked;
}

Masked Classifier::with_ignored(const NormalizedText& text, const Masked& masked) const {
  Masked out = masked;
  ignored_.each(text, {}, [&](const PhraseTable::Hit& h) { out.emplace_back(h.begin, h.end); });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> Classifier::sectors(const NormalizedText& text, const Masked& names,
                                             std::vector<Classification::At>* at) const {
  return sectors_outside(text, with_ignored(text, names), at);
}

std::vector<std::size_t> Classifier::sectors_outside(const NormalizedText& text, const Masked& masked,
                                                     std::vector<Classification::At>* at) const {
  std::vector<std::pair<std::size_t, Classification::At>> hits;  // (sector, where), in text order per table
  sectors_.each(text, masked, [&](const PhraseTable::Hit& h) { hits.push_back({h.payload, {h.begin, h.end}}); });
  // By sector, the earliest hit first.
  std::sort(hits.begin(), hits.end());
  std::vector<std::size_t> out;
  for (const auto& [sector, where] : hits) {
    if (!out.empty() && out.back() == sector) continue;
    out.push_back(sector);
    if (at) at->push_back(where);
  }
  return out;
}

Classification Classifier::classify(std::string_view lower) const {
  return classify(NormalizedText(lower, {0, lower.size()}));
}

Classification Classifier::classify(
    const NormalizedText& text, const Masked& names, std::size_t action, const Masked* sector_names,
    const std::vector<std::pair<std::string_view, Classification::At>>& named) const {
  const Masked masked = with_ignored(text, names);
  Classification c;
  // Scores on the stack for as many types as rules usually list.
  std::array<int, 16> few{};
  std::vector<int> many;
  const std::size_t types = rules_.instrument_types.size();
  int* score = few.data();
  if (types > few.size()) {
    many.assign(types, 0);
    score = many.data();
  }
  std::vector<std::pair<std::size_t, Classification::At>> hits;  // (type, where)
  // An ignored phrase inside a longer instrument keyword counts as that keyword ("solely
  // foreign-funded" is market access, though "foreign-funded" alone is no cue).
  const Masked ignored = with_ignored(text, {});
  instruments_.each(text, with_scopes(text, names), [&](const PhraseTable::Hit& h) {
    for (const auto& [b, e] : ignored)
      if (b < h.end && h.begin < e && !(h.begin <= b && e <= h.end && e - b < h.end - h.begin)) return;
    ++score[h.payload];
    hits.push_back({h.payload, {h.begin, h.end}});
  });
  // A listed programme or platform counts as a keyword of what it is, once however often named
  // ("Qualified Domestic Institutional Investor ("QDII")").
  std::vector<std::string_view> counted;
  for (const auto& [entity, at] : named) {
    const auto it = named_instruments_.find(entity);
    if (it == named_instruments_.end() || std::find(counted.begin(), counted.end(), entity) != counted.end()) continue;
    counted.push_back(entity);
    ++score[it->second];
    hits.push_back({it->second, at});
  }
  // The leading action: the one at `action`, or after a light verb there, the first one after it
  // (the light verb's own entry only when none follows); of two at one place, the longer ("provide
  // convenience" over "provide"). A light verb that follows a light verb leads on in turn: in
  // "work to improve the … innovation center" or "explore ways of attracting professionals" the
  // object of the second verb decides.
  std::vector<PhraseTable::Hit> light;
  light_verbs_.each(text, masked, [&](const PhraseTable::Hit& h) { light.push_back(h); });
  auto light_end_at = [&](std::size_t at) {
    std::size_t end = 0;
    for (const auto& h : light)
      if (h.begin == at && h.end > end) end = h.end;
    return end;
  };
  struct Action {
    std::size_t type = Classification::kNone;
    Classification::At at{};
    bool better_than(const Action& o) const {
      return o.type == Classification::kNone || at.first < o.at.first ||
             (at.first == o.at.first && at.second > o.at.second);
    }
  };
  std::vector<Action> acts;
  actions_.each(text, masked, [&](const PhraseTable::Hit& h) { acts.push_back({h.payload, {h.begin, h.end}}); });
  // The first action at or after `from`, or a keyword of the verb's object before it: "explore the
  // pilot program …".
  auto first_after = [&](std::size_t from) {
    Action a;
    for (const auto& x : acts)
      if (x.at.first >= from && x.better_than(a)) a = x;
    for (const auto& [type, at] : hits)
      if (at.first >= from && (a.type == Classification::kNone || at.first < a.at.first)) a = {type, at};
    return a;
  };
  // Whether [from, to) stays inside one action: no punctuation, no conjunction ("encourage
  // investors to strengthen cooperation … and explore new modes" holds two actions).
  const std::string& lower = text.lower();
  auto same_action = [&](std::size_t from, std::size_t to) {
    const std::string_view between(lower.data() + from, to - from);
    if (between.find_first_of(",;:") != std::string_view::npos) return false;
    return std::none_of(rules_.conjunctions.begin(), rules_.conjunctions.end(),
                        [&](const std::string& conj) { return find_word(between, conj) != std::string_view::npos; });
  };
  Action lead, fallback;
  for (const auto& x : acts)
    if (x.at.first == action && x.better_than(fallback)) fallback = x;
  std::size_t light_end = light_end_at(action);
  if (light_end == 0) {
    lead = fallback;
  } else {
    lead = first_after(light_end);
    // A light verb found as the lead passes the lead on, unless a longer action starts there
    // ("promote the facilitation").
    while (lead.type != Classification::kNone) {
      const std::size_t end = light_end_at(lead.at.first);
      if (end == 0 || end <= light_end || lead.at.second > end || !same_action(light_end, lead.at.first)) break;
      light_end = end;
      const Action next = first_after(end);
      if (next.type == Classification::kNone) break;  // nothing follows: the light verb's own entry
      lead = next;
    }
  }
  if (lead.type == Classification::kNone) lead = fallback;
  // A permission whose object is a thing to be handled ("allow exhibits to be filed for records")
  // sets a procedure, not the entry of a provider ("allow foreign banks to participate").
  if (passive_permission_ != Classification::kNone && lead.type != Classification::kNone &&
      lead.type != passive_permission_) {
    const std::string_view verb(lower.data() + lead.at.first, lead.at.second - lead.at.first);
    if (std::find(rules_.passive_permissions.verbs.begin(), rules_.passive_permissions.verbs.end(), verb) !=
        rules_.passive_permissions.verbs.end()) {
      const std::size_t passive = lower.find(" " + rules_.passive_permissions.marker + " ", lead.at.second);
      if (!rules_.passive_permissions.marker.empty() && passive != std::string::npos &&
          same_action(lead.at.second, passive)) {
        for (const auto& [type, at] : hits)
          if (at == lead.at && type == lead.type) {  // the verb's own keyword moves with it
            --score[type];
            ++score[passive_permission_];
          }
        lead.type = passive_permission_;
      }
    }
  }
  const std::size_t acted = lead.type;
  const Classification::At acted_at = lead.at;
  if (acted != Classification::kNone) score[acted] += 3;
  int best = 0;
  for (std::size_t i = 0; i < types; ++i)
    if (score[i] > best) {
      best = score[i];
      c.instrument = i;
    }
  if (c.instrument != Classification::kNone) {
    c.by_action = acted == c.instrument;
    if (c.by_action) {
      c.instrument_at = acted_at;
    } else {
      std::sort(hits.begin(), hits.end());  // by type, then position: the type's first keyword
      auto first = std::lower_bound(hits.begin(), hits.end(), std::make_pair(c.instrument, Classification::At{}));
      if (first != hits.end()) c.instrument_at = first->second;
    }
  }
  c.sectors = sectors_outside(text, with_beneficiaries(text, sector_names ? with_ignored(text, *sector_names) : masked),
                              &c.sector_at);
  return c;
}

}  // namespace policykg::builder
