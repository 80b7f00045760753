// Reading a version: the parts of a document in a GraphView (dcterms:isPartOf followed down,
// siblings by pol:position), or the documents of a text file built in memory.
#include <algorithm>
#include <charconv>

#include "builder/builder.hpp"
#include "builder/normalized_text.hpp"
#include "core/error.hpp"
#include "diff/diff.hpp"
#include "ontology/terms.hpp"
#include "query/traversal/route.hpp"

namespace policykg::diff {

namespace {

struct UnitClass {
  std::string_view iri;
  std::string_view name;
  Level level;
};

constexpr UnitClass kUnitClasses[] = {
    {pol::Provision, "Provision", Level::Provision}, {pol::Section, "Section", Level::Section},
    {pol::Task, "Task", Level::Task},                {pol::Initiative, "Initiative", Level::Initiative},
    {pol::Measure, "Measure", Level::Clause},        {pol::Statement, "Statement", Level::Clause},
};

const UnitClass* unit_class(const query::GraphView& view, query::Vertex v) {
  for (const auto& c : kUnitClasses)
    if (view.has_type(v, c.iri)) return &c;
  return nullptr;
}

std::size_t integer(const query::GraphView& view, query::Vertex v, std::string_view predicate) {
  const auto& values = view.attribute(v, predicate);
  if (values.empty()) return 0;
  std::size_t n = 0;
  const std::string& s = values.front().value;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

std::string first(const query::GraphView& view, query::Vertex v, std::string_view predicate) {
  const auto& values = view.attribute(v, predicate);
  return values.empty() ? std::string() : values.front().value;
}

// The units that are parts of `v`, by pol:position (then IRI, naturally ordered).
std::vector<query::Vertex> parts(const query::GraphView& view, query::Vertex v) {
  std::vector<query::Vertex> out;
  for (auto [e, end] = boost::in_edges(v, view.graph()); e != end; ++e) {
    if (view.graph()[*e].predicate != std_terms::dcterms_isPartOf) continue;
    query::Vertex s = boost::source(*e, view.graph());
    if (unit_class(view, s) != nullptr) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [&](query::Vertex a, query::Vertex b) {
    std::size_t pa = integer(view, a, pol::position), pb = integer(view, b, pol::position);
    if (pa != pb) return pa < pb;
    return query::natural_less(view.node(a).iri, view.node(b).iri);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Fact> facts(const query::GraphView& view, query::Vertex v) {
  std::vector<Fact> out;
  for (auto [e, end] = boost::out_edges(v, view.graph()); e != end; ++e) {
    const std::string& p = view.graph()[*e].predicate;
    const char* kind = p == pol::responsibleParty ? "responsible" : p == pol::appliesTo ? "place" : nullptr;
    if (kind == nullptr) continue;
    const auto& target = view.node(boost::target(*e, view.graph()));
    out.push_back({kind, target.iri, target.label});
  }
  for (const auto& c : view.attribute(v, pol::condition)) {
    std::string words = builder::collapse_whitespace(c.value);
    out.push_back({"condition", words, words});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void add_units(const query::GraphView& view, query::Vertex v, std::size_t root, std::size_t parent, std::size_t depth,
               std::vector<Unit>& units) {
  // Depth-first with an explicit stack: a deep tree must not exhaust the call stack.
  struct Item {
    query::Vertex v;
    std::size_t parent, depth, position;
  };
  std::vector<Item> stack;
  auto push_parts = [&](query::Vertex of, std::size_t index, std::size_t d) {
    auto p = parts(view, of);
    for (std::size_t k = p.size(); k-- > 0;) stack.push_back({p[k], index, d, k + 1});
  };
  push_parts(v, parent, depth);
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const UnitClass* c = unit_class(view, item.v);
    Unit u;
    u.iri = view.node(item.v).iri;
    u.type = std::string(c->name);
    u.level = c->level;
    u.key = first(view, item.v, std_terms::dcterms_identifier);
    u.number = first(view, item.v, pol::number);
    u.label = view.node(item.v).label;
    u.text = first(view, item.v, pol::text);  // as printed, until own_texts()
    u.root = root;
    u.parent = item.parent;
    u.position = item.position;
    u.depth = item.depth;
    u.facts = facts(view, item.v);
    units.push_back(std::move(u));
    push_parts(item.v, units.size() - 1, item.depth + 1);
  }
}

// Whether `text` has a letter or digit besides the unit's numeral: a provision whose text is all
// its measures' has none of its own ("I . ."), and is then compared by its whole text.
bool has_words(std::string_view text, std::string_view number) {
  std::string rest(text);
  if (auto at = number.empty() ? std::string::npos : rest.find(number); at != std::string::npos) rest.erase(at, number.size());
  return std::any_of(rest.begin(), rest.end(), [](char c) { return builder::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; });
}

// The words of `text` that have a letter or digit: what cutting the parts out leaves between them
// (";", "and .") is their punctuation, not the unit's words.
std::string without_bare_punctuation(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && builder::whitespace_length(text, i) > 0) i += builder::whitespace_length(text, i);
    const std::size_t start = i;
    while (i < text.size() && builder::whitespace_length(text, i) == 0) ++i;
    const std::string_view word = text.substr(start, i - start);
    if (has_words(word, "")) out.append(out.empty() ? "" : " ").append(word);
  }
  return out;
}

// Each unit's text as printed becomes its full text, collapsed, and its own text: the text with the
// texts of its parts (substrings of it, in order) cut out, or its full text when nothing is left
// of its own.
void own_texts(std::vector<Unit>& units, std::size_t from) {
  std::vector<std::vector<std::size_t>> parts(units.size());
  for (std::size_t i = from; i < units.size(); ++i)
    if (units[i].parent != npos) parts[units[i].parent].push_back(i);
  std::vector<std::string> own(units.size());
  for (std::size_t i = from; i < units.size(); ++i) {
    const std::string& raw = units[i].text;
    std::size_t at = 0;
    for (std::size_t k : parts[i]) {
      const std::string& part = units[k].text;
      std::size_t found = part.empty() ? std::string::npos : raw.find(part, at);
      if (found == std::string::npos) continue;
      own[i].append(raw, at, found - at);
      own[i] += ' ';
      at = found + part.size();
    }
    own[i].append(raw, at);
  }
  for (std::size_t i = from; i < units.size(); ++i) {
    if (!parts[i].empty()) own[i] = without_bare_punctuation(own[i]);
    units[i].full_text = builder::collapse_whitespace(units[i].text);
    units[i].text = has_words(own[i], units[i].number) ? builder::collapse_whitespace(own[i]) : units[i].full_text;
  }
}

}  // namespace

Version read_version(const query::GraphView& view, query::Vertex root, std::string name) {
  Version version;
  version.name = std::move(name);
  version.roots.push_back({view.node(root).iri, view.node(root).label, ""});
  add_units(view, root, 0, npos, 0, version.units);
  own_texts(version.units, 0);
  if (version.units.empty())
    throw Error(Error::Category::Input, version.name,
                "the graph holds no parts of " + view.node(root).label + " <" + view.node(root).iri +
                    "> (a document only cited, or not a document): nothing to compare");
  return version;
}

Version read_entity_version(const query::GraphView& view, const query::EntityResolver& resolver,
                            std::string_view entity) {
  const query::Vertex v = resolver.resolve(entity);
  if (!view.has_type(v, pol::Document) && unit_class(view, v) == nullptr) {
    const std::string& cls = view.node(v).cls;
    throw Error(Error::Category::Input, "entity \"" + std::string(entity) + "\"",
                view.node(v).label + " <" + view.node(v).iri + "> is " +
                    (cls.empty() ? std::string("untyped") : "a " + query::compact_iri(cls, "")) +
                    ", not a document or a unit of one");
  }
  return read_version(view, v, std::string(entity));
}

Version read_file_version(const std::string& file, const std::string& base) {
  builder::Options options;
  options.base = base;
  builder::Corpus corpus = builder::build_corpus({std::filesystem::path(file)}, options);
  const query::GraphView view(corpus.graph.to_triples());
  Version version;
  version.name = file;
  if (corpus.texts.empty()) throw Error(Error::Category::Input, file, "no document in the file");
  auto main = view.vertex(base + corpus.texts.front().document);
  if (!main) throw Error(Error::Category::Input, file, "no document in the file");
  // The main document, then its annexes by number ("annex/2" before "annex/10").
  std::vector<std::pair<query::Vertex, std::string>> roots = {{*main, ""}};
  std::vector<query::Vertex> annexes;
  for (auto [e, end] = boost::out_edges(*main, view.graph()); e != end; ++e)
    if (view.graph()[*e].predicate == pol::hasAnnex) annexes.push_back(boost::target(*e, view.graph()));
  std::sort(annexes.begin(), annexes.end(),
            [&](query::Vertex a, query::Vertex b) { return query::natural_less(view.node(a).iri, view.node(b).iri); });
  for (query::Vertex a : annexes) {
    const std::string& iri = view.node(a).iri;
    roots.push_back({a, "annex " + iri.substr(iri.rfind('/') + 1)});
  }
  for (const auto& [v, key] : roots) {
    const std::size_t before = version.units.size();
    add_units(view, v, version.roots.size(), npos, 0, version.units);
    own_texts(version.units, before);
    if (version.units.size() > before) version.roots.push_back({view.node(v).iri, view.node(v).label, key});
  }
  if (version.units.empty())
    throw Error(Error::Category::Input, file,
                "no provisions, sections, tasks, initiatives or measures found in the text: nothing to compare");
  return version;
}

}  // namespace policykg::diff
