// Counts for the pictures of a plan, from the triples: one pass to index what each subject says,
// then the structure tree in document order, then the measures numbered in that order and what
// each picture counts over them.
#include "export/plan_pictures.hpp"

#include <algorithm>
#include <climits>
#include <functional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "ontology/terms.hpp"

namespace policykg::exports {

namespace {

using Json = nlohmann::ordered_json;

// The structure is at most this deep (document, annex, section, task, initiative, measure, with
// room to spare); a longer chain of dcterms:isPartOf is a cycle or bad data and is cut there.
constexpr int kMaxDepth = 64;

// What the pictures read about one subject.
struct Subject {
  std::set<std::string> types;
  std::string label;
  int label_rank = INT_MAX;
  std::string label_zh;
  std::string parent;  ///< the first dcterms:isPartOf (sorted), else the document annexing it
  std::string annexed_by;
  long long position = LLONG_MAX;
  std::string number;
  std::string text;
  std::string document;  ///< pol:sourceDocument
  std::string issued;      ///< dcterms:issued (xsd:date)
  std::string year;        ///< dcterms:date (the year a document's number gives)
  std::string identifier;  ///< dcterms:identifier
  std::set<std::string> applies_to, responsible, qualified, sectors, instruments, located_in;
  std::string agent;
  std::set<std::string> roles;
  /// Links to other subjects that may be documents, by relation (pol:approves, pol:hasAnnex,
  /// pol:keepsInForce, pol:prevailsOver, pol:references): relation index in kDocumentLinks -> objects.
  std::map<int, std::set<std::string>> links;
};

// The links between documents the family timeline draws, in the order a link's relations are listed.
constexpr std::string_view kDocumentLinks[] = {pol::approves, pol::hasAnnex, pol::keepsInForce, pol::prevailsOver,
                                               pol::references};

// Lower is better: English, then untagged, then any other language but Chinese (kept apart, with
// the Chinese skos:prefLabel, as the name a district's boundary carries).
int label_rank(const rdf::Term& t) {
  if (t.lang == "en" || t.lang.starts_with("en-")) return 0;
  if (t.lang.empty()) return 1;
  return 2;
}

bool is_chinese(const std::string& lang) { return lang == "zh" || lang.starts_with("zh-"); }

std::string last_segment(const std::string& iri) {
  auto cut = iri.find_last_of("#/");
  return cut == std::string::npos || cut + 1 == iri.size() ? iri : iri.substr(cut + 1);
}

// The most specific class of the structure, or of the places and parties, by its local name.
std::string kind_of(const std::set<std::string>& types) {
  static const std::string_view kKinds[] = {pol::Measure,  pol::Initiative, pol::Task,    pol::Section,
                                            pol::Provision, pol::Plan,       pol::OfficialReply, pol::Document,
                                            pol::District, pol::Zone,       pol::Region,  pol::Agency};
  for (auto kind : kKinds)
    if (types.count(std::string(kind))) return last_segment(std::string(kind));
  return types.empty() ? std::string() : last_segment(*types.begin());
}

class Indexes {
 public:
  explicit Indexes(const std::vector<rdf::Triple>& triples) {
    const std::string type(std_terms::rdf_type), label(std_terms::rdfs_label), pref_label(std_terms::skos_prefLabel),
        part_of(std_terms::dcterms_isPartOf), issued(std_terms::dcterms_issued), year(std_terms::dcterms_date),
        identifier(std_terms::dcterms_identifier);
    const std::string has_annex(pol::hasAnnex), position(pol::position), number(pol::number), text(pol::text),
        source(pol::sourceDocument), applies(pol::appliesTo), responsible(pol::responsibleParty),
        qualified(pol::qualifiedResponsibility), agent(pol::agent), role(pol::role), sector(pol::sector),
        instrument(pol::instrumentType), located(pol::locatedIn);
    for (const auto& t : triples) {
      if (!t.s.is_iri()) continue;
      const std::string& p = t.p.value;
      if (t.o.is_literal()) {
        Subject& s = subjects[t.s.value];
        if (p == label || (p == pref_label && is_chinese(t.o.lang))) {
          if (is_chinese(t.o.lang)) {
            if (s.label_zh.empty() || t.o.value < s.label_zh) s.label_zh = t.o.value;
          } else if (int rank = label_rank(t.o); rank < s.label_rank || (rank == s.label_rank && t.o.value < s.label)) {
            s.label_rank = rank;
            s.label = t.o.value;
          }
        } else if (p == position) {
          try {
            s.position = std::min(s.position, std::stoll(t.o.value));
          } catch (const std::exception&) {  // not a number: ordered last, by IRI
          }
        } else if (p == number) {
          if (s.number.empty() || t.o.value < s.number) s.number = t.o.value;
        } else if (p == text) {
          if (s.text.empty() || t.o.value < s.text) s.text = t.o.value;
        } else if (p == issued) {
          if (s.issued.empty() || t.o.value < s.issued) s.issued = t.o.value;
        } else if (p == year) {
          if (s.year.empty() || t.o.value < s.year) s.year = t.o.value;
        } else if (p == identifier) {
          if (s.identifier.empty() || t.o.value < s.identifier) s.identifier = t.o.value;
        }
        continue;
      }
      if (!t.o.is_iri()) continue;
      const std::string& o = t.o.value;
      for (int k = 0; k < static_cast<int>(std::size(kDocumentLinks)); ++k)
        if (p == kDocumentLinks[k]) subjects[t.s.value].links[k].insert(o);
      if (p == type) subjects[t.s.value].types.insert(o);
      else if (p == part_of) {
        Subject& s = subjects[t.s.value];
        if (s.parent.empty() || o < s.parent) s.parent = o;
      } else if (p == has_annex) {
        Subject& s = subjects[o];
        if (s.annexed_by.empty() || t.s.value < s.annexed_by) s.annexed_by = t.s.value;
      } else if (p == source) {
        Subject& s = subjects[t.s.value];
        if (s.document.empty() || o < s.document) s.document = o;
      } else if (p == applies) subjects[t.s.value].applies_to.insert(o);
      else if (p == responsible) subjects[t.s.value].responsible.insert(o);
      else if (p == qualified) subjects[t.s.value].qualified.insert(o);
      else if (p == agent) {
        Subject& s = subjects[t.s.value];
        if (s.agent.empty() || o < s.agent) s.agent = o;
      } else if (p == role) subjects[t.s.value].roles.insert(o);
      else if (p == sector) subjects[t.s.value].sectors.insert(o);
      else if (p == instrument) subjects[t.s.value].instruments.insert(o);
      else if (p == located) subjects[t.s.value].located_in.insert(o);
    }
    for (auto& [iri, s] : subjects)
      if (s.parent.empty()) s.parent = s.annexed_by;
  }

  const Subject* find(const std::string& iri) const {
    auto it = subjects.find(iri);
    return it == subjects.end() ? nullptr : &it->second;
  }
  bool is_a(const std::string& iri, std::string_view cls) const {
    const Subject* s = find(iri);
    return s && s->types.count(std::string(cls));
  }

  std::map<std::string, Subject> subjects;
};

class Builder {
 public:
  Builder(const Indexes& idx, const PlanPicturesOptions& options) : idx_(idx), options_(options) {}

  Json run() {
    build_tree();
    number_measures();
    Json matrix = matrix_json();  // first: it numbers the roles
    Json out;
    out["documents"] = entries(documents_, [](Json&, const std::string&) {});
    out["measures"] = measures_json();
    out["sectors"] = entries(sectors_, [](Json&, const std::string&) {});
    out["instruments"] = entries(instruments_, [](Json&, const std::string&) {});
    out["roles"] = entries(roles_, [](Json&, const std::string&) {});
    out["tasks"] = entries(tasks_, [this](Json& e, const std::string& iri) {
      const Subject* s = idx_.find(iri);
      e["number"] = s ? s->number : "";
      e["document"] = index_of(documents_, document_of(iri));
    });
    out["places"] = entries(places_, [this](Json& e, const std::string& iri) {
      const Subject* s = idx_.find(iri);
      e["kind"] = s ? kind_of(s->types) : "";
      long long district = -1;
      if (s)
        for (const auto& up : s->located_in)
          if (idx_.is_a(up, pol::District)) {
            district = index_of(places_, up);
            break;
          }
      e["district"] = district;
    });
    out["map"] = map_json();
    out["matrix"] = std::move(matrix);
    out["tree"] = std::move(tree_);
    out["timeline"] = timeline_json();
    return out;
  }

 private:
  // A list of IRIs, each given one index in the order first met.
  struct Table {
    std::vector<std::string> order;
    std::unordered_map<std::string, long long> index;
    long long add(const std::string& iri) {
      auto [it, inserted] = index.try_emplace(iri, static_cast<long long>(order.size()));
      if (inserted) order.push_back(iri);
      return it->second;
    }
  };
  static long long index_of(const Table& table, const std::string& iri) {
    auto it = table.index.find(iri);
    return it == table.index.end() ? -1 : it->second;
  }

  std::string label_of(const std::string& iri) const {
    if (const Subject* s = idx_.find(iri); s && !s->label.empty()) return s->label;
    if (options_.labels)
      if (auto it = options_.labels->find(iri); it != options_.labels->end()) return it->second;
    return last_segment(iri);
  }

  template <class Extra>
  Json entries(const Table& table, Extra extra) const {
    Json out = Json::array();
    for (const auto& iri : table.order) {
      Json e = {{"iri", iri}, {"label", label_of(iri)}};
      extra(e, iri);
      out.push_back(std::move(e));
    }
    return out;
  }

  // Children of every unit, in their order (pol:position, then IRI), and the roots: the units
  // and documents with no parent, by date of issue, then IRI.
  void build_tree() {
    for (const auto& [iri, s] : idx_.subjects)
      if (!s.parent.empty()) {
        children_[s.parent].push_back(iri);
        has_parent_.insert(iri);
      }
    auto order = [this](const std::string& a, const std::string& b) {
      const Subject* x = idx_.find(a);
      const Subject* y = idx_.find(b);
      return std::make_tuple(x ? x->position : LLONG_MAX, std::cref(a)) <
             std::make_tuple(y ? y->position : LLONG_MAX, std::cref(b));
    };
    for (auto& [parent, kids] : children_) std::sort(kids.begin(), kids.end(), order);
    std::vector<std::string> roots;
    for (const auto& [parent, kids] : children_)
      if (!has_parent_.count(parent)) roots.push_back(parent);
    std::sort(roots.begin(), roots.end(), [this](const std::string& a, const std::string& b) {
      const Subject* x = idx_.find(a);
      const Subject* y = idx_.find(b);
      return std::make_tuple(x ? x->issued : std::string(), std::cref(a)) <
             std::make_tuple(y ? y->issued : std::string(), std::cref(b));
    });
    tree_ = Json::array();
    std::set<std::string> seen;
    for (const auto& root : roots) {
      std::size_t count = 0;
      tree_.push_back(node(root, 0, seen, count));
    }
  }

  Json node(const std::string& iri, int depth, std::set<std::string>& seen, std::size_t& measures) {
    seen.insert(iri);
    if (idx_.is_a(iri, pol::Measure)) {
      ++measures;
      return Json{{"measure", measure_table_.add(iri)}};
    }
    const Subject* s = idx_.find(iri);
    Json out = {{"iri", iri}, {"label", label_of(iri)}, {"kind", s ? kind_of(s->types) : ""},
                {"number", s ? s->number : ""}, {"measures", 0}, {"children", Json::array()}};
    if (s && s->types.count(std::string(pol::Task))) tasks_.add(iri);
    std::size_t below = 0;
    if (auto it = children_.find(iri); it != children_.end() && depth < kMaxDepth)
      for (const auto& child : it->second)
        if (!seen.count(child)) out["children"].push_back(node(child, depth + 1, seen, below));
    out["measures"] = below;
    measures += below;
    return out;
  }

  // Measures the tree did not reach (no structure above them) come last, by IRI.
  void number_measures() {
    for (const auto& [iri, s] : idx_.subjects)
      if (s.types.count(std::string(pol::Measure))) measure_table_.add(iri);
    for (const auto& iri : measure_table_.order) {
      const Subject* s = idx_.find(iri);
      documents_.add(document_of(iri));
      for (const auto& c : s->sectors) sectors_.add(c);
      for (const auto& c : s->instruments) instruments_.add(c);
    }
    // Places: every district and zone of the graph, then any other place a measure applies to
    // or is assigned to, each list by IRI.
    std::set<std::string> districts, zones, others;
    for (const auto& [iri, s] : idx_.subjects) {
      if (s.types.count(std::string(pol::District))) districts.insert(iri);
      else if (s.types.count(std::string(pol::Zone))) zones.insert(iri);
    }
    for (const auto& iri : measure_table_.order) {
      const Subject* s = idx_.find(iri);
      for (const auto& p : s->applies_to) others.insert(p);
      for (const auto& p : parties_of(*s))
        if (idx_.is_a(p.first, pol::Region)) others.insert(p.first);
    }
    for (const auto* set : {&districts, &zones, &others})
      for (const auto& p : *set) places_.add(p);
    sort_table(sectors_);
    sort_table(instruments_);
  }

  static void sort_table(Table& table) {
    std::sort(table.order.begin(), table.order.end());
    for (std::size_t i = 0; i < table.order.size(); ++i) table.index[table.order[i]] = static_cast<long long>(i);
  }

  std::string document_of(const std::string& iri) const {
    const Subject* s = idx_.find(iri);
    if (s && !s->document.empty()) return s->document;
    std::string at = iri;
    for (int depth = 0; depth < kMaxDepth; ++depth) {
      const Subject* here = idx_.find(at);
      if (!here || here->parent.empty()) break;
      at = here->parent;
    }
    return at;
  }

  long long task_of(const std::string& iri) const {
    std::string at = iri;
    for (int depth = 0; depth < kMaxDepth; ++depth) {
      const Subject* here = idx_.find(at);
      if (!here) break;
      if (here->types.count(std::string(pol::Task))) return index_of(tasks_, at);
      if (here->parent.empty()) break;
      at = here->parent;
    }
    return -1;
  }

  // Each party of a measure with its roles: "" for a responsible party stated without a role.
  std::map<std::string, std::set<std::string>> parties_of(const Subject& s) const {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& q : s.qualified) {
      const Subject* r = idx_.find(q);
      if (!r || r->agent.empty()) continue;
      auto& roles = out[r->agent];
      roles.insert(r->roles.begin(), r->roles.end());
    }
    for (const auto& p : s.responsible) {
      auto& roles = out[p];
      if (roles.empty()) roles.insert("");
    }
    return out;
  }

  Json measures_json() {
    Json out = Json::array();
    for (const auto& iri : measure_table_.order) {
      const Subject* s = idx_.find(iri);
      Json sectors = Json::array(), instruments = Json::array(), places = Json::array();
      for (const auto& c : s->sectors) sectors.push_back(index_of(sectors_, c));
      for (const auto& c : s->instruments) instruments.push_back(index_of(instruments_, c));
      std::vector<long long> at;
      for (const auto& p : s->applies_to) at.push_back(index_of(places_, p));
      std::sort(at.begin(), at.end());
      for (auto p : at) places.push_back(p);
      out.push_back({{"iri", iri},
                     {"label", label_of(iri)},
                     {"text", s->text},
                     {"document", index_of(documents_, document_of(iri))},
                     {"task", task_of(iri)},
                     {"sectors", std::move(sectors)},
                     {"instruments", std::move(instruments)},
                     {"places", std::move(places)}});
    }
    return out;
  }

  Json map_json() {
    std::vector<std::vector<long long>> applies(places_.order.size()), assigned(places_.order.size());
    for (std::size_t m = 0; m < measure_table_.order.size(); ++m) {
      const Subject* s = idx_.find(measure_table_.order[m]);
      for (const auto& p : s->applies_to)
        if (auto i = index_of(places_, p); i >= 0) applies[i].push_back(static_cast<long long>(m));
      for (const auto& [p, roles] : parties_of(*s))
        if (auto i = index_of(places_, p); i >= 0) assigned[i].push_back(static_cast<long long>(m));
    }
    Json districts = Json::array(), zones = Json::array();
    for (std::size_t i = 0; i < places_.order.size(); ++i) {
      const std::string& iri = places_.order[i];
      if (idx_.is_a(iri, pol::District)) {
        const Subject* s = idx_.find(iri);
        districts.push_back({{"place", i}, {"name", s->label_zh}, {"applies", applies[i]}, {"assigned", assigned[i]}});
      } else if (idx_.is_a(iri, pol::Zone)) {
        long long district = -1;
        for (const auto& up : idx_.find(iri)->located_in)
          if (idx_.is_a(up, pol::District)) {
            district = index_of(places_, up);
            break;
          }
        zones.push_back({{"place", i}, {"district", district}, {"applies", applies[i]}, {"assigned", assigned[i]}});
      }
    }
    return {{"districts", std::move(districts)}, {"zones", std::move(zones)}};
  }

  Json matrix_json() {
    // party -> column -> (measures, role -> count)
    struct Cell {
      std::vector<long long> measures;
      std::map<long long, std::vector<long long>> roles;  ///< role (-1: stated without one) -> measures
    };
    std::map<std::string, std::map<long long, Cell>> rows;
    bool outside = false;
    for (std::size_t m = 0; m < measure_table_.order.size(); ++m) {
      const std::string& iri = measure_table_.order[m];
      const long long column = task_of(iri);
      for (const auto& [party, roles] : parties_of(*idx_.find(iri))) {
        Cell& cell = rows[party][column];
        cell.measures.push_back(static_cast<long long>(m));
        for (const auto& r : roles) cell.roles[r.empty() ? -1 : roles_.add(r)].push_back(static_cast<long long>(m));
        outside |= column < 0;
      }
    }
    Json columns = Json::array();
    for (std::size_t t = 0; t < tasks_.order.size(); ++t) columns.push_back(t);
    if (outside) columns.push_back(-1);
    Json out_rows = Json::array();
    for (const auto& [party, cells] : rows) {
      const Subject* s = idx_.find(party);
      Json row = {{"iri", party}, {"label", label_of(party)}, {"kind", s ? kind_of(s->types) : ""},
                  {"cells", Json::array()}};
      for (const auto& [column, cell] : cells) {
        Json roles = Json::array();
        for (const auto& [r, measures] : cell.roles) roles.push_back(Json::array({r, measures}));
        row["cells"].push_back({{"column", column}, {"measures", cell.measures}, {"roles", std::move(roles)}});
      }
      out_rows.push_back(std::move(row));
    }
    return {{"columns", std::move(columns)}, {"rows", std::move(out_rows)}};
  }

  // The family: every document with the date it is placed at, and the links between documents.
  Json timeline_json() const {
    Table family;
    for (const auto& [iri, s] : idx_.subjects)
      if (s.types.count(std::string(pol::Document)) || s.types.count(std::string(pol::OfficialReply)) ||
          s.types.count(std::string(pol::Plan)))
        family.add(iri);
    // Who approves or annexes each document: an undated plan takes its reply's date.
    std::map<std::string, std::string> approved_by;
    for (const auto& iri : family.order) {
      const auto& links = idx_.find(iri)->links;
      for (int k : {0, 1})  // pol:approves, pol:hasAnnex
        if (auto it = links.find(k); it != links.end())
          for (const auto& o : it->second)
            if (auto& by = approved_by[o]; by.empty() || iri < by) by = iri;
    }
    auto own_date = [this](const std::string& iri) -> std::pair<std::string, std::string> {
      const Subject* s = idx_.find(iri);
      if (!s->issued.empty()) return {s->issued, "issued"};
      if (!s->year.empty()) return {s->year, "number"};
      return {};
    };
    Json documents = Json::array();
    for (const auto& iri : family.order) {
      const Subject* s = idx_.find(iri);
      auto [date, by] = own_date(iri);
      std::string from = iri;
      for (int depth = 0; date.empty() && depth < kMaxDepth; ++depth) {
        auto it = approved_by.find(from);
        if (it == approved_by.end()) break;
        from = it->second;
        std::tie(date, by) = own_date(from);
        if (!date.empty()) by = "approval";
      }
      documents.push_back({{"iri", iri},
                           {"label", label_of(iri)},
                           {"kind", kind_of(s->types)},
                           {"identifier", s->identifier},
                           {"date", date},
                           {"datedBy", by},
                           {"measures", index_of(documents_, iri)}});
    }
    Json links = Json::array();
    for (std::size_t from = 0; from < family.order.size(); ++from) {
      std::map<long long, Json> relations;  // target -> the relations, in kDocumentLinks order
      for (const auto& [k, objects] : idx_.find(family.order[from])->links)
        for (const auto& o : objects)
          if (auto to = index_of(family, o); to >= 0 && static_cast<std::size_t>(to) != from) {
            auto& list = relations[to];
            if (list.is_null()) list = Json::array();
            list.push_back(last_segment(std::string(kDocumentLinks[k])));
          }
      for (auto& [to, list] : relations) links.push_back({{"from", from}, {"to", to}, {"relations", std::move(list)}});
    }
    return {{"documents", std::move(documents)}, {"links", std::move(links)}};
  }

  const Indexes& idx_;
  const PlanPicturesOptions& options_;
  std::map<std::string, std::vector<std::string>> children_;
  std::set<std::string> has_parent_;
  Json tree_;
  Table measure_table_, documents_, sectors_, instruments_, roles_, tasks_, places_;
};

}  // namespace

nlohmann::ordered_json plan_pictures(const std::vector<rdf::Triple>& triples, const PlanPicturesOptions& options) {
  const Indexes idx(triples);
  return Builder(idx, options).run();
}

}  // namespace policykg::exports
