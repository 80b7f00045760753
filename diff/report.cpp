#include "diff/report.hpp"

#include <cctype>
#include <cstdio>
#include <unordered_set>

#include "core/error.hpp"
#include "ontology/terms.hpp"
#include "query/sparql/sparql.hpp"
#include "query/traversal/route.hpp"
#include "rdf/xml_text.hpp"

namespace policykg::diff {

namespace {

const Unit* old_unit(const Diff& d, const Row& r) { return r.old_unit == npos ? nullptr : &d.old_version.units[r.old_unit]; }
const Unit* new_unit(const Diff& d, const Row& r) { return r.new_unit == npos ? nullptr : &d.new_version.units[r.new_unit]; }

std::string fixed3(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

// "revised", "revised (split)".
std::string change_text(const Row& r) {
  std::string s(change_name(r.change));
  if (!r.relation.empty()) s += " (" + r.relation + ")";
  return s;
}

// How a unit is named in the table: its citation key, else its IRI shortened.
std::string unit_name(const Unit* u, std::string_view base) {
  if (u == nullptr) return "";
  return u->key.empty() ? query::compact_iri(u->iri, base) : u->key;
}

std::string fact_text(const FactChange& f) {
  return std::string(f.added ? "+" : "-") + f.fact.kind + " " + f.fact.label;
}

// Words for text output: a run of unchanged words longer than a dozen keeps only a few words
// beside each change.
std::string words_text(const std::vector<Words>& words) {
  constexpr std::size_t kKeep = 5;
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Words& w = words[k];
    if (!out.empty()) out += ' ';
    if (w.op == Words::Op::Deleted) {
      out += "[-" + w.text + "-]";
      continue;
    }
    if (w.op == Words::Op::Inserted) {
      out += "{+" + w.text + "+}";
      continue;
    }
    std::vector<std::string_view> list;
    for (std::size_t i = 0, j; i < w.text.size(); i = j + 1) {
      j = w.text.find(' ', i);
      if (j == std::string::npos) j = w.text.size();
      list.push_back(std::string_view(w.text).substr(i, j - i));
    }
    const bool first = k == 0, last = k + 1 == words.size();
    const std::size_t head = first ? 0 : kKeep, tail = last ? 0 : kKeep;
    if (list.size() <= head + tail + 2) {
      out += w.text;
      continue;
    }
    std::string part;
    for (std::size_t i = 0; i < head; ++i) part += std::string(list[i]) + " ";
    part += "…";
    for (std::size_t i = list.size() - tail; i < list.size(); ++i) part += " " + std::string(list[i]);
    out += part;
  }
  return out;
}

nlohmann::ordered_json unit_json(const Unit* u) {
  if (u == nullptr) return nullptr;
  return {{"iri", u->iri}, {"class", u->type}, {"key", u->key}, {"label", u->label}, {"text", u->text}};
}

nlohmann::ordered_json version_json(const Version& v) {
  nlohmann::ordered_json roots = nlohmann::ordered_json::array();
  for (const auto& r : v.roots) roots.push_back({{"iri", r.iri}, {"label", r.label}, {"key", r.key}});
  return {{"name", v.name}, {"documents", roots}, {"units", v.units.size()}};
}

std::string html(std::string_view s) { return rdf::xml_escaped(s, rdf::XmlPlace::Content); }

// One side of a row: deleted words (old side) or inserted words (new side) marked.
std::string side_html(const Unit* u, const Row& r, bool old_side) {
  if (u == nullptr) return "<td class=\"" + std::string(old_side ? "old" : "new") + " none\"></td>";
  std::string out = "<td class=\"" + std::string(old_side ? "old" : "new") + "\"><div class=\"unit\"><a href=\"" +
                    rdf::xml_escaped(u->iri) + "\">" + html(u->key.empty() ? u->label : u->key) + "</a> <small>" +
                    html(u->type) + "</small></div><div class=\"text\">";
  if (r.words.empty()) {
    out += html(u->text);
  } else {
    bool first = true;
    for (const auto& w : r.words) {
      if (w.op == (old_side ? Words::Op::Inserted : Words::Op::Deleted)) continue;
      if (!first) out += ' ';
      first = false;
      if (w.op == Words::Op::Same) out += html(w.text);
      else if (old_side) out += "<del>" + html(w.text) + "</del>";
      else out += "<ins>" + html(w.text) + "</ins>";
    }
  }
  out += "</div>";
  if (!old_side && !r.facts.empty()) {
    out += "<ul class=\"facts\">";
    for (const auto& f : r.facts)
      out += std::string("<li class=\"") + (f.added ? "added" : "dropped") + "\">" + (f.added ? "+ " : "&#8722; ") +
             html(f.fact.kind) + ": " + html(f.fact.label) + "</li>";
    out += "</ul>";
  }
  return out + "</td>";
}

std::string root_names(const Version& v) {
  std::string s;
  for (const auto& r : v.roots) s += (s.empty() ? "" : ", ") + r.label;
  return s;
}

constexpr std::string_view kStyle =
    "body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",sans-serif;margin:0;color:#1d1d1f;background:#fff}"
    "main{padding:1em 1.5em}h1{font-size:1.4em;margin:.3em 0}p.versions{color:#444;margin:.2em 0}"
    "ul.summary{list-style:none;padding:0;margin:.8em 0}ul.summary li{display:inline-block;margin-right:1em;padding:.1em .5em;border-radius:3px}"
    "table.diff{border-collapse:collapse;width:100%;table-layout:fixed}"
    "table.diff th,table.diff td{border-top:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}"
    "table.diff th.change,table.diff td.change{width:8em}td.change small{display:block;color:#666}"
    "div.unit{font-weight:600;margin-bottom:.2em}div.unit small{font-weight:400;color:#777}div.unit a{color:#24364b}"
    "del{background:#fbd3d0;color:#6e1a14}ins{background:#cdeccd;color:#14501c;text-decoration:none}"
    "tr.unchanged td.text,tr.unchanged div.text{color:#555}.unchanged{background:#fff}li.unchanged{background:#eee}"
    ".revised td.change,li.revised{background:#fff4cc}.moved td.change,li.moved{background:#dde8f7}"
    ".added td.change,li.added-units{background:#cdeccd}.removed td.change,li.removed{background:#fbd3d0}"
    "td.none{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px)}"
    "ul.facts{margin:.4em 0 0;padding-left:1.2em;font-size:.92em}ul.facts li.added{color:#14501c}ul.facts li.dropped{color:#6e1a14}"
    "body:has(#changes-only:checked) table.diff tr.unchanged{display:none}";

}  // namespace

std::string to_text(const Diff& diff, std::string_view base) {
  std::string out = "Comparing " + root_names(diff.old_version) + " (" + diff.old_version.name + ") with " +
                    root_names(diff.new_version) + " (" + diff.new_version.name + ")\n";
  for (Change c : {Change::Unchanged, Change::Revised, Change::Moved, Change::Added, Change::Removed})
    out += std::string(c == Change::Unchanged ? "" : ", ") + std::string(change_name(c)) + " " +
           std::to_string(diff.count(c));
  out += "\n\n";
  query::Results table;
  table.kind = rdf::QueryResult::Kind::Bindings;
  table.variables = {"change", "unit", "old", "new", "similarity", "facts"};
  for (const auto& r : diff.rows) {
    const Unit* o = old_unit(diff, r);
    const Unit* n = new_unit(diff, r);
    std::string facts;
    for (const auto& f : r.facts) facts += (facts.empty() ? "" : "; ") + fact_text(f);
    std::vector<std::optional<rdf::Term>> row = {
        rdf::Term::literal(change_text(r)), rdf::Term::literal(n ? n->type : o->type),
        rdf::Term::literal(unit_name(o, base)), rdf::Term::literal(unit_name(n, base)),
        rdf::Term::literal(o && n ? fixed3(r.similarity) : ""), rdf::Term::literal(facts)};
    table.rows.push_back(std::move(row));
  }
  out += query::write_results(table, query::ResultFormat::Table, base);
  bool heading = false;
  for (const auto& r : diff.rows) {
    if (r.words.empty()) continue;
    if (!heading) out += "\nWords changed ([-deleted-] {+inserted+}):\n";
    heading = true;
    out += "  " + unit_name(old_unit(diff, r), base) + " -> " + unit_name(new_unit(diff, r), base) + ": " +
           words_text(r.words) + "\n";
  }
  return out;
}

nlohmann::ordered_json to_json(const Diff& diff) {
  nlohmann::ordered_json j;
  j["old"] = version_json(diff.old_version);
  j["new"] = version_json(diff.new_version);
  nlohmann::ordered_json summary;
  for (Change c : {Change::Unchanged, Change::Revised, Change::Moved, Change::Added, Change::Removed})
    summary[std::string(change_name(c))] = diff.count(c);
  j["summary"] = summary;
  nlohmann::ordered_json units = nlohmann::ordered_json::array();
  for (const auto& r : diff.rows) {
    nlohmann::ordered_json u;
    u["change"] = change_name(r.change);
    if (!r.relation.empty()) u["relation"] = r.relation;
    u["old"] = unit_json(old_unit(diff, r));
    u["new"] = unit_json(new_unit(diff, r));
    if (r.old_unit != npos && r.new_unit != npos) u["similarity"] = r.similarity;
    if (!r.words.empty()) {
      nlohmann::ordered_json words = nlohmann::ordered_json::array();
      for (const auto& w : r.words)
        words.push_back({{"op", w.op == Words::Op::Same ? "same" : w.op == Words::Op::Deleted ? "deleted" : "inserted"},
                         {"text", w.text}});
      u["words"] = words;
    }
    if (!r.facts.empty()) {
      nlohmann::ordered_json facts = nlohmann::ordered_json::array();
      for (const auto& f : r.facts)
        facts.push_back({{"change", f.added ? "added" : "dropped"},
                         {"fact", f.fact.kind},
                         {"value", f.fact.value},
                         {"label", f.fact.label}});
      u["facts"] = facts;
    }
    units.push_back(std::move(u));
  }
  j["units"] = units;
  return j;
}

std::string_view html_style() { return kStyle; }

std::string to_html(const Diff& diff) {
  const std::string title = "What changed: " + diff.old_version.name + " → " + diff.new_version.name;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    html(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n<h1>" +
                    html(title) + "</h1>\n";
  out += "<p class=\"versions\">Old: " + html(root_names(diff.old_version)) + "</p>\n<p class=\"versions\">New: " +
         html(root_names(diff.new_version)) + "</p>\n<ul class=\"summary\">";
  for (Change c : {Change::Unchanged, Change::Revised, Change::Moved, Change::Added, Change::Removed}) {
    const std::string name(change_name(c));
    out += "<li class=\"" + (c == Change::Added ? std::string("added-units") : name) + "\" data-change=\"" + name +
           "\">" + name + " <b>" + std::to_string(diff.count(c)) + "</b></li>";
  }
  // Unchanged rows hidden by a check box and the style alone: the page runs no script.
  out += "</ul>\n<p><label><input type=\"checkbox\" id=\"changes-only\"> changes only</label></p>\n<table class=\"diff\">\n<thead><tr><th class=\"change\">change</th><th>old</th><th>new</th></tr></thead>\n"
         "<tbody>\n";
  for (const auto& r : diff.rows) {
    const std::string name(change_name(r.change));
    out += "<tr class=\"" + name + "\" data-change=\"" + name + "\"" +
           (r.relation.empty() ? std::string() : " data-relation=\"" + r.relation + "\"") + "><td class=\"change\">" +
           html(change_text(r));
    if (r.old_unit != npos && r.new_unit != npos) out += "<small>similarity " + fixed3(r.similarity) + "</small>";
    out += "</td>" + side_html(old_unit(diff, r), r, true) + side_html(new_unit(diff, r), r, false) + "</tr>\n";
  }
  out += "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
  return out;
}

std::vector<rdf::Triple> record(const Diff& diff, std::string_view base) {
  using rdf::Term;
  std::unordered_set<std::string_view> old_iris;
  for (const auto& o : diff.old_version.units) old_iris.insert(o.iri);
  for (const auto& n : diff.new_version.units)
    if (old_iris.contains(n.iri))
      throw Error(Error::Category::Usage, "--record",
                  "the two versions name their units alike (" + n.iri +
                      "): give the two files different names so that the alignment can tell them apart");
  std::vector<rdf::Triple> out;
  auto add = [&out](const Term& s, std::string_view p, Term o) { out.push_back({s, Term::iri(std::string(p)), std::move(o)}); };
  auto path_of = [base](const std::string& iri) {
    if (iri.starts_with(base)) return iri.substr(base.size());
    std::string slug;
    for (char c : iri) slug += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
    return slug;
  };
  // One comparison per pair of roots, by the new root.
  std::vector<std::optional<Term>> comparison(diff.new_version.roots.size());
  for (std::size_t j = 0; j < diff.new_version.roots.size(); ++j)
    for (const auto& o : diff.old_version.roots) {
      const Root& n = diff.new_version.roots[j];
      if (o.key != n.key) continue;
      Term c = Term::iri(n.iri + "/comparison/" + path_of(o.iri));
      add(c, std_terms::rdf_type, Term::iri(std::string(pol::Comparison)));
      add(c, std_terms::rdfs_label, Term::lang_literal("comparison of " + o.label + " with " + n.label, "en"));
      add(c, pol::oldVersion, Term::iri(o.iri));
      add(c, pol::newVersion, Term::iri(n.iri));
      comparison[j] = c;
      break;
    }
  auto comparison_of = [&](std::size_t root) -> const std::optional<Term>& { return comparison[root]; };
  std::size_t n = 0;
  for (const auto& r : diff.rows) {
    const Unit* o = old_unit(diff, r);
    const Unit* u = new_unit(diff, r);
    if (o == nullptr) {
      if (const auto& c = comparison_of(u->root)) add(*c, pol::addedUnit, Term::iri(u->iri));
      continue;
    }
    if (u == nullptr) {
      // A removed unit belongs to the comparison of the root its old root pairs with.
      for (std::size_t j = 0; j < diff.new_version.roots.size(); ++j)
        if (comparison[j] && diff.new_version.roots[j].key == diff.old_version.roots[o->root].key)
          add(*comparison[j], pol::removedUnit, Term::iri(o->iri));
      continue;
    }
    const auto& c = comparison_of(u->root);
    if (!c) continue;
    const Term s = Term::iri(u->iri), previous = Term::iri(o->iri);
    const bool same = r.words.empty();
    add(s, pol::continues, previous);
    add(s, same ? pol::unchangedFrom : pol::revises, previous);
    const Term q = Term::iri(c->value + "/continuation/" + std::to_string(++n));
    const std::string kind = r.relation.empty() ? std::string(change_name(r.change)) : r.relation;
    add(s, pol::qualifiedContinuation, q);
    add(q, std_terms::rdf_type, Term::iri(std::string(pol::Continuation)));
    add(q, std_terms::rdfs_label,
        Term::lang_literal(unit_name(u, base) + " continues " + unit_name(o, base) + " (" + kind + ", similarity " +
                               fixed3(r.similarity) + ")",
                           "en"));
    add(q, pol::continuedUnit, previous);
    add(q, pol::similarity, Term::xsd(fixed3(r.similarity), "decimal"));
    add(q, pol::changeKind, Term::literal(kind));
    add(q, pol::inComparison, *c);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace policykg::diff
